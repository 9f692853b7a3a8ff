// Signals stay few: one open signal of each kind per person, a repeat only
// refreshes its time, and a person can take back their own. Issue 12, case 1
// (in part: "one link, many sockets, unlimited signals").
import { describe, expect, test } from 'vitest';
import { canApply } from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { forbiddenReason } from '../../shared/meeting/permissions.js';
import { ANN, BOB, CY, MIN, T, ev, meetingIn, participant, play, step } from './support.js';

const send = (who: string, kind: 'need-a-moment' | 'want-to-speak', at: number) => ev({ type: 'signal.send', kind }, at, participant(who));
const withdraw = (who: string, kind: 'need-a-moment' | 'want-to-speak', at: number) =>
  ev({ type: 'signal.withdraw', kind }, at, participant(who));

describe('issue 12, case 1: at most one open signal of each kind per person', () => {
  test('a repeat refreshes the open signal instead of adding another', () => {
    const first = send(ANN, 'need-a-moment', T);
    let s = step(meetingIn('speaking'), first);
    for (let i = 1; i <= 100; i++) s = step(s, send(ANN, 'need-a-moment', T + i * 1000));
    // The same signal (the console can still clear it by its id), with the time of the latest tap.
    expect(s.context.signals).toEqual([{ signalId: first.commandId, participantId: ANN, kind: 'need-a-moment', at: T + 100_000 }]);
  });

  test('each kind, and each person, has its own', () => {
    const s = play([send(ANN, 'need-a-moment', T), send(ANN, 'want-to-speak', T + 1), send(BOB, 'need-a-moment', T + 2), send(ANN, 'want-to-speak', T + 3)]);
    expect(s.context.signals.map((x) => [x.participantId, x.kind, x.at])).toEqual([
      [ANN, 'need-a-moment', T],
      [ANN, 'want-to-speak', T + 3],
      [BOB, 'need-a-moment', T + 2],
    ]);
  });

  test('once cleared, the next tap is a new signal', () => {
    let s = play([send(ANN, 'need-a-moment', T), ev({ type: 'signals.clear' }, T + MIN)]);
    const again = send(ANN, 'need-a-moment', T + 2 * MIN);
    s = step(s, again);
    expect(s.context.signals).toEqual([{ signalId: again.commandId, participantId: ANN, kind: 'need-a-moment', at: T + 2 * MIN }]);
  });
});

describe('signal.withdraw: a person takes back their own signal', () => {
  test('it removes their signal of that kind, and nobody else’s', () => {
    let s = play([send(ANN, 'need-a-moment', T), send(ANN, 'want-to-speak', T + 1), send(BOB, 'need-a-moment', T + 2)]);
    s = step(s, withdraw(ANN, 'need-a-moment', T + MIN));
    expect(s.context.signals.map((x) => [x.participantId, x.kind])).toEqual([
      [ANN, 'want-to-speak'],
      [BOB, 'need-a-moment'],
    ]);
  });

  test('it is refused when that person has no open signal of that kind', () => {
    const s = play([send(BOB, 'need-a-moment', T), send(ANN, 'want-to-speak', T + 1)]);
    expect(canApply(s, withdraw(ANN, 'need-a-moment', T + MIN))).toBe(false);
    expect(canApply(s, withdraw(CY, 'need-a-moment', T + MIN))).toBe(false);
    expect(canApply(meetingIn('speaking'), withdraw(ANN, 'want-to-speak', T + MIN))).toBe(false);
  });

  test('it works while paused, and not once the outcome is recorded', () => {
    const paused = step(meetingIn('paused'), send(ANN, 'need-a-moment', T + 4 * MIN));
    expect(canApply(paused, withdraw(ANN, 'need-a-moment', T + 5 * MIN))).toBe(true);
    const ended = step(paused, ev({ type: 'meeting.end', outcome: 'walked-out' }, T + 6 * MIN));
    expect(canApply(ended, withdraw(ANN, 'need-a-moment', T + 7 * MIN))).toBe(false);
  });

  test('only the participant sends it, and only their own view offers it, while a signal is open', () => {
    const s = step(meetingIn('speaking'), send(ANN, 'need-a-moment', T + 3 * MIN));
    expect(forbiddenReason('signal.withdraw', { role: 'facilitator' }, s.context)).not.toBeNull();
    expect(allowedCommands(s, { role: 'participant', participantId: ANN }, ANN)).toContain('signal.withdraw');
    expect(allowedCommands(s, { role: 'participant', participantId: BOB }, BOB)).not.toContain('signal.withdraw');
    expect(allowedCommands(s, { role: 'facilitator' }, 'fac-1')).not.toContain('signal.withdraw');
  });
});
