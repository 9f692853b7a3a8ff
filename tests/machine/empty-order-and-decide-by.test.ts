// Two holes a newcomer found after issue 12: an empty speaking order, and a
// decide-by date in the past. Both are the machine's to refuse, with words
// from the rules table.
import { describe, expect, test } from 'vitest';
import { canApply, phaseOf } from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { notAllowedMessage } from '../../shared/meeting/messages.js';
import { ANN, BOB, CY, MIN, T, ev, meetingIn, meetingInput, play } from './support.js';

const DAY = 24 * 60 * MIN;
/** 2023-11-14T22:13:20Z: late on the 14th in UTC, already the 15th east of +01:47. */
const AT = T;

describe('issue 12 follow-up: the speaking order keeps at least one person', () => {
  test('case 1: order.set with an empty list is refused, with words that say the order needs someone', () => {
    for (const phase of ['gathering', 'opening', 'speaking', 'offer'] as const) {
      const s = meetingIn(phase);
      expect(canApply(s, ev({ type: 'order.set', participantIds: [] }, T + 30 * MIN)), phase).toBe(false);
      expect(notAllowedMessage('order.set', phaseOf(s), s.context)).toMatch(/at least one person/);
    }
  });

  test('case 1: the reorder button stays offered while someone can be ordered', () => {
    const s = meetingIn('opening');
    expect(allowedCommands(s, { role: 'facilitator' }, 'fac-1')).toContain('order.set');
    expect(canApply(s, ev({ type: 'order.set', participantIds: [BOB] }, T + 30 * MIN))).toBe(true);
  });

  test('case 2: turns.begin is refused while nobody in the order can be called', () => {
    // The last person in the order turned away: the order is empty.
    const s = play(
      [ev({ type: 'meeting.start' }, T), ev({ type: 'lobby.deny', participantId: CY }, T + MIN)],
      meetingInput({ speakingOrder: [CY] }),
    );
    expect(s.context.speakingOrder).toEqual([]);
    expect(canApply(s, ev({ type: 'turns.begin' }, T + 2 * MIN))).toBe(false);
    expect(allowedCommands(s, { role: 'facilitator' }, 'fac-1')).not.toContain('turns.begin');
    expect(notAllowedMessage('turns.begin', phaseOf(s), s.context)).toMatch(/[Nn]obody in the speaking order can be called/);
  });

  test('case 2: turns.begin still calls the first person when someone can be called', () => {
    const s = meetingIn('opening', meetingInput({ speakingOrder: [ANN] }));
    expect(canApply(s, ev({ type: 'turns.begin' }, T + 2 * MIN))).toBe(true);
  });
});

describe('issue 12 follow-up: a decide-by date must not be in the past', () => {
  const end = (decideBy: string, at = AT) => ev({ type: 'meeting.end', outcome: 'deferred', decideBy }, at);

  test('case 3: a date long past (1999-01-01) is refused, with words that say so', () => {
    const s = meetingIn('offer');
    expect(canApply(s, end('1999-01-01'))).toBe(false);
    expect(notAllowedMessage('meeting.end', phaseOf(s), s.context)).toMatch(/decide-by date .*passed/i);
  });

  test('case 3: yesterday is refused, today and later days are accepted', () => {
    const s = meetingIn('offer');
    // AT is the 14th even in the earliest time zone (UTC-12), so the 13th is past everywhere.
    expect(canApply(s, end('2023-11-13'))).toBe(false);
    expect(canApply(s, end('2023-11-14'))).toBe(true);
    expect(canApply(s, end('2023-11-15'))).toBe(true);
    expect(canApply(s, end('2023-11-14', AT + 3 * DAY))).toBe(false);
  });

  test('case 3: the check uses the server stamp, so the same event replays the same way', () => {
    const s = meetingIn('paused');
    expect(canApply(s, end('2023-11-20', AT))).toBe(true);
    expect(canApply(s, end('2023-11-20', AT + 30 * DAY))).toBe(false);
  });
});
