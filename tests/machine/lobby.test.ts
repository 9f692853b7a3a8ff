// The room's roster: people marking themselves ready, remote family waiting in
// the lobby until the facilitator lets them in, and the discreet signals
// ("I need a moment") that only the facilitator sees.
import { describe, expect, test } from 'vitest';
import { canApply, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import type { Phase } from '../../shared/meeting/context.js';
import { ANN, BOB, CY, MIN, T, ev, meetingIn, participant, play, step } from './support.js';

const member = (s: MeetingSnapshot, id: string) => s.context.members.find((m) => m.participantId === id);
const cyJoiner = { name: 'Cy', attendance: 'remote' as const };
const mayJoiner = { name: 'Aunt May', attendance: 'guest' as const };
const admitCy = (at = T) => ev({ type: 'lobby.admit', participantId: CY, joiner: cyJoiner }, at);

describe('participant.ready', () => {
  test('an in-room participant marks themselves ready while people gather', () => {
    const s = step(meetingIn('gathering'), ev({ type: 'participant.ready' }, T, participant(ANN)));
    expect(member(s, ANN)?.ready).toBe(true);
    expect(member(s, BOB)?.ready).toBe(false);
  });

  test('only once: a second tap is refused', () => {
    const s = step(meetingIn('gathering'), ev({ type: 'participant.ready' }, T, participant(ANN)));
    expect(canApply(s, ev({ type: 'participant.ready' }, T + 1, participant(ANN)))).toBe(false);
  });

  test.each((['opening', 'speaking', 'offer', 'bottom-lines', 'paused', 'outcome'] as Phase[]).map((p) => [p]))(
    'is refused in %s: ready is only marked while people gather',
    (phase) => {
      expect(canApply(meetingIn(phase), ev({ type: 'participant.ready' }, T + 60 * MIN, participant(BOB)))).toBe(false);
    },
  );

  test('a remote participant can mark ready only once admitted from the lobby', () => {
    const ready = ev({ type: 'participant.ready' }, T + MIN, participant(CY));
    expect(canApply(meetingIn('gathering'), ready)).toBe(false);
    const s = step(play([admitCy()]), ready);
    expect(member(s, CY)?.ready).toBe(true);
  });

  test('someone not on the meeting cannot mark ready', () => {
    expect(canApply(meetingIn('gathering'), ev({ type: 'participant.ready' }, T, participant('p-stranger')))).toBe(false);
    expect(canApply(meetingIn('gathering'), ev({ type: 'participant.ready' }, T))).toBe(false);
  });
});

describe('the lobby', () => {
  test('admitting a planned remote participant lets them in', () => {
    const s = play([admitCy()]);
    expect(member(s, CY)).toMatchObject({ admitted: true, denied: false, attendance: 'remote' });
  });

  test('admitting a guest from the shared link adds them to the roster, admitted and not yet ready', () => {
    const s = play([ev({ type: 'lobby.admit', participantId: 'g-may', joiner: mayJoiner }, T)]);
    expect(s.context.members).toHaveLength(4);
    expect(member(s, 'g-may')).toEqual({
      participantId: 'g-may',
      name: 'Aunt May',
      attendance: 'guest',
      admitted: true,
      denied: false,
      ready: false,
    });
    // A guest has no turn unless the facilitator adds one.
    expect(s.context.speakingOrder.map((t) => t.participantId)).not.toContain('g-may');
  });

  test('denying a guest keeps them on the roster as turned away, so they cannot be given a turn', () => {
    const s = play([ev({ type: 'lobby.deny', participantId: 'g-x', joiner: { name: 'X', attendance: 'guest' } }, T)]);
    expect(member(s, 'g-x')).toMatchObject({ admitted: false, denied: true, attendance: 'guest' });
    expect(canApply(s, ev({ type: 'signal.send', kind: 'want-to-speak' }, T + 1, participant('g-x')))).toBe(false);
  });

  test('denying a planned remote participant marks them turned away', () => {
    const s = play([ev({ type: 'lobby.deny', participantId: CY, joiner: cyJoiner }, T)]);
    expect(member(s, CY)).toMatchObject({ admitted: false, denied: true });
  });

  test('the facilitator can change their mind and admit someone they turned away', () => {
    const s = play([ev({ type: 'lobby.deny', participantId: CY, joiner: cyJoiner }, T), admitCy(T + 1)]);
    expect(member(s, CY)).toMatchObject({ admitted: true, denied: false });
  });

  test('people in the room cannot be admitted or denied: they never wait in the lobby', () => {
    const s = meetingIn('gathering');
    for (const type of ['lobby.admit', 'lobby.deny'] as const) {
      expect(canApply(s, ev({ type, participantId: ANN }, T))).toBe(false);
    }
  });

  test('someone already admitted cannot be admitted again, nor denied afterwards', () => {
    const s = play([admitCy()]);
    expect(canApply(s, admitCy(T + 1))).toBe(false);
    expect(canApply(s, ev({ type: 'lobby.deny', participantId: CY, joiner: cyJoiner }, T + 1))).toBe(false);
  });

  test('an unknown id without the joiner the server names is refused: the roster would not survive replay', () => {
    const s = meetingIn('gathering');
    expect(canApply(s, ev({ type: 'lobby.admit', participantId: 'g-ghost' }, T))).toBe(false);
    expect(canApply(s, ev({ type: 'lobby.deny', participantId: 'g-ghost' }, T))).toBe(false);
  });

  test.each((['gathering', 'opening', 'speaking', 'offer', 'bottom-lines', 'paused'] as Phase[]).map((p) => [p]))(
    'a latecomer can be admitted during %s',
    (phase) => {
      const s = step(meetingIn(phase), admitCy(T + 60 * MIN));
      expect(member(s, CY)?.admitted).toBe(true);
    },
  );

  test('no lobby decisions once the outcome is recorded', () => {
    expect(canApply(meetingIn('outcome'), admitCy(T + 60 * MIN))).toBe(false);
  });
});

describe('signals', () => {
  test('a participant sends a signal; it is kept with who, what and when, and its command id', () => {
    const e = ev({ type: 'signal.send', kind: 'need-a-moment' }, T + 3 * MIN, participant(BOB));
    const s = step(meetingIn('speaking'), e);
    expect(s.context.signals).toEqual([{ signalId: e.commandId, participantId: BOB, kind: 'need-a-moment', at: T + 3 * MIN }]);
  });

  test('someone in the lobby, turned away, or not on the meeting cannot send a signal', () => {
    const s = play([ev({ type: 'lobby.deny', participantId: 'g-x', joiner: { name: 'X', attendance: 'guest' } }, T)]);
    for (const actor of [CY, 'g-x', 'p-stranger']) {
      expect(canApply(s, ev({ type: 'signal.send', kind: 'want-to-speak' }, T, participant(actor))), actor).toBe(false);
    }
  });

  test('signals are not accepted after the outcome is recorded', () => {
    expect(canApply(meetingIn('outcome'), ev({ type: 'signal.send', kind: 'need-a-moment' }, T + 60 * MIN, participant(ANN)))).toBe(
      false,
    );
  });

  function twoSignals() {
    const a = ev({ type: 'signal.send', kind: 'need-a-moment' }, T + MIN, participant(ANN));
    const b = ev({ type: 'signal.send', kind: 'want-to-speak' }, T + 2 * MIN, participant(BOB));
    return { a, b, s: play([a, b]) };
  }

  test('clearing one signal by id leaves the others', () => {
    const { a, b, s } = twoSignals();
    const cleared = step(s, ev({ type: 'signals.clear', signalId: a.commandId }, T + 3 * MIN));
    expect(cleared.context.signals.map((x) => x.signalId)).toEqual([b.commandId]);
  });

  test('clearing without an id clears them all', () => {
    const cleared = step(twoSignals().s, ev({ type: 'signals.clear' }, T + 3 * MIN));
    expect(cleared.context.signals).toEqual([]);
  });

  test('clearing an unknown signal, or when there are none, is refused', () => {
    expect(canApply(twoSignals().s, ev({ type: 'signals.clear', signalId: 'c-unknown' }, T + 3 * MIN))).toBe(false);
    expect(canApply(meetingIn('gathering'), ev({ type: 'signals.clear' }, T + 3 * MIN))).toBe(false);
  });

  test('signals left over can still be cleared after the outcome is recorded', () => {
    const s = play([ev({ type: 'signal.send', kind: 'need-a-moment' }, T, participant(ANN)), ev({ type: 'emergency.stop' }, T + MIN)]);
    expect(step(s, ev({ type: 'signals.clear' }, T + 2 * MIN)).context.signals).toEqual([]);
  });

  test('a signal does not move the agenda', () => {
    const before = meetingIn('speaking');
    const s = step(before, ev({ type: 'signal.send', kind: 'want-to-speak' }, T + 3 * MIN, participant(BOB)));
    expect(s.value).toEqual(before.value);
    expect({ ...s.context, signals: [] }).toEqual(before.context);
  });
});

describe('locking the lobby and sending someone back', () => {
  test('lock and unlock toggle, each only from the other state, paused included', () => {
    let s = meetingIn('gathering');
    expect(canApply(s, ev({ type: 'lobby.unlock' }, T))).toBe(false);
    s = step(s, ev({ type: 'lobby.lock' }, T));
    expect(s.context.lobbyLocked).toBe(true);
    expect(canApply(s, ev({ type: 'lobby.lock' }, T + 1))).toBe(false);
    s = step(s, ev({ type: 'pause.start', reason: 'other' }, T + 2));
    s = step(s, ev({ type: 'lobby.unlock' }, T + 3));
    expect(s.context.lobbyLocked).toBe(false);
  });

  test('an admitted remote participant can be sent back to the lobby, and let in again', () => {
    let s = step(meetingIn('gathering'), admitCy(T));
    s = step(s, ev({ type: 'participant.ready' }, T + 1, participant(CY)));
    s = step(s, ev({ type: 'lobby.return', participantId: CY }, T + 2));
    expect(member(s, CY)).toMatchObject({ admitted: false, ready: false });
    // Back in the lobby, Cy can send nothing until let in again.
    expect(canApply(s, ev({ type: 'signal.send', kind: 'need-a-moment' }, T + 3, participant(CY)))).toBe(false);
    expect(canApply(s, admitCy(T + 4))).toBe(true);
  });

  test('in-room people, people not let in, and strangers cannot be sent back', () => {
    const s = meetingIn('speaking');
    for (const participantId of [ANN, CY, 'nobody']) {
      expect(canApply(s, ev({ type: 'lobby.return', participantId }, T))).toBe(false);
    }
  });
});
