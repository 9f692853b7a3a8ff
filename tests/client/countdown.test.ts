// The facilitator's turn countdown: calm, then amber ("low") at 20% of the
// turn left, red ("over") past the deadline, measured on the server's clock.
import { describe, expect, test } from 'vitest';
import { clockOffset, serverNow } from '../../client/src/lib/clock.js';
import { countdown, countdownTone, formatCountdown } from '../../client/src/lib/countdown.js';

describe('countdown tone', () => {
  const turn = 300_000; // five minutes
  test('is calm while more than a fifth of the turn is left', () => {
    expect(countdownTone(turn, turn)).toBe('calm');
    expect(countdownTone(60_001, turn)).toBe('calm');
  });
  test('turns low at exactly 20% left, and stays low until the deadline', () => {
    expect(countdownTone(60_000, turn)).toBe('low');
    expect(countdownTone(1, turn)).toBe('low');
  });
  test('is over at and after the deadline', () => {
    expect(countdownTone(0, turn)).toBe('over');
    expect(countdownTone(-90_000, turn)).toBe('over');
  });
  test('an extended turn with more time than a whole turn is calm', () => {
    expect(countdownTone(turn + 60_000, turn)).toBe('calm');
  });
});

describe('countdown label', () => {
  test('rounds up while time remains, so 0:00 is never shown early', () => {
    expect(formatCountdown(245_001)).toBe('4:06');
    expect(formatCountdown(500)).toBe('0:01');
  });
  test('counts time over the deadline', () => {
    expect(formatCountdown(0)).toBe('0:00 over');
    expect(formatCountdown(-70_500)).toBe('1:10 over');
  });
});

describe('clock skew', () => {
  test('the offset is the server clock minus ours when the view arrived', () => {
    expect(clockOffset(1_000_000, 990_000)).toBe(10_000);
    expect(serverNow(10_000, 2_000_000)).toBe(2_010_000);
  });

  test('a tablet whose clock runs two minutes fast still shows the server’s remaining time', () => {
    const serverTime = 1_700_000_000_000;
    const turnEndsAt = serverTime + 300_000;
    const localAtReceipt = serverTime + 120_000; // our clock is 2 minutes ahead
    const offset = clockOffset(serverTime, localAtReceipt);
    const tenSecondsLater = localAtReceipt + 10_000;
    const c = countdown(turnEndsAt, 300, offset, tenSecondsLater);
    expect(c.remainingMs).toBe(290_000);
    expect(c.label).toBe('4:50');
    expect(c.tone).toBe('calm');
  });

  test('a slow clock does not hide that the turn is over', () => {
    const serverTime = 1_700_000_000_000;
    const offset = clockOffset(serverTime, serverTime - 600_000); // our clock is 10 minutes behind
    const c = countdown(serverTime - 1000, 300, offset, serverTime - 600_000);
    expect(c.tone).toBe('over');
    expect(c.label).toBe('0:01 over');
  });
});

// Issue 12, case 19: a console loaded 35 s into a pause that began 2 s into a
// 30 s turn showed "0:07 over" in red while 28 s were left.
describe('countdown during a pause', () => {
  const pausedAt = 1_000_000;
  const turnEndsAt = pausedAt + 28_000;
  test('holds the time left when the pause began, however long the pause lasts', () => {
    const c = countdown(turnEndsAt, 30, 0, pausedAt + 35_000, pausedAt);
    expect(c).toMatchObject({ remainingMs: 28_000, label: '0:28', tone: 'calm' });
  });
  test('after the resume, the moved deadline gives the same time left, not more', () => {
    const resumedAt = pausedAt + 35_000;
    const c = countdown(turnEndsAt + 35_000, 30, 0, resumedAt);
    expect(c.remainingMs).toBe(28_000);
  });
});
