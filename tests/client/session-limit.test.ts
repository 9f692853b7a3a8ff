// The notice before a session's hard end (SESSION_HOURS): no input can keep the
// session past it, so the console says so calmly a few minutes before, and
// does not ask "Still there?" when staying would not help.
import { describe, expect, test } from 'vitest';
import { IdleWatch } from '../../client/src/console/idle.js';
import { LIMIT_NOTICE_BEFORE_MS, minutesLeftWords, SessionLimit } from '../../client/src/console/session-limit.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

// Issue 12, case 21: the console warned before the idle sign-out only, never before the SESSION_HOURS limit.
describe('the notice before the session ends for good', () => {
  test('shows five minutes before the end the server named, not earlier', () => {
    const limit = new SessionLimit();
    limit.learn(12 * HOUR, 0, 0);
    expect(LIMIT_NOTICE_BEFORE_MS).toBe(5 * MIN);
    expect(limit.notice(12 * HOUR - 5 * MIN - 1)).toBe(false);
    expect(limit.notice(12 * HOUR - 5 * MIN)).toBe(true);
    expect(limit.reached(12 * HOUR - 1)).toBe(false);
    expect(limit.reached(12 * HOUR)).toBe(true);
  });

  test('a console clock ten minutes fast still warns five minutes before the server ends the session', () => {
    const limit = new SessionLimit();
    const skew = 10 * MIN;
    // The server says: it is 1 h now, the session ends at 2 h. This console reads 1 h 10 min.
    limit.learn(2 * HOUR, 1 * HOUR, 1 * HOUR + skew);
    expect(limit.endsAt).toBe(2 * HOUR + skew);
    expect(limit.notice(2 * HOUR - 5 * MIN + skew - 1)).toBe(false);
    expect(limit.notice(2 * HOUR - 5 * MIN + skew)).toBe(true);
  });

  test('never shows before the server has said when the session ends', () => {
    const limit = new SessionLimit();
    expect(limit.notice(100 * HOUR)).toBe(false);
    expect(limit.nextCheckIn(0)).toBe(10_000);
  });

  test('"Still there?" is left out when the hard end comes first: a key press would not keep the session', () => {
    const limit = new SessionLimit();
    limit.learn(12 * HOUR, 0, 0);
    const idle = new IdleWatch(12 * HOUR - 3 * MIN);
    idle.idleMs = 15 * MIN;
    expect(limit.comesFirst(idle.endsAt)).toBe(true);
    // Hours before the end, the idle sign-out comes first: "Still there?" is the right question then.
    const early = new IdleWatch(HOUR);
    early.idleMs = 15 * MIN;
    expect(limit.comesFirst(early.endsAt)).toBe(false);
  });

  test('names the time left calmly', () => {
    expect(minutesLeftWords(5 * MIN)).toBe('about 5 minutes');
    expect(minutesLeftWords(4 * MIN + 40_000)).toBe('about 5 minutes');
    expect(minutesLeftWords(70_000)).toBe('about a minute');
    expect(minutesLeftWords(20_000)).toBe('less than a minute');
  });
});
