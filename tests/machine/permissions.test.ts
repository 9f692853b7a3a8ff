// Who may send what. The server answers FORBIDDEN from these rules, and every
// client enables its buttons from `allowedCommands`, so the two must agree.
import { describe, expect, test } from 'vitest';
import { canApply, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { PHASES } from '../../shared/meeting/context.js';
import { forbiddenReason, type Sender } from '../../shared/meeting/permissions.js';
import { COMMAND_TYPES, type CommandType } from '../../shared/protocol.js';
import { ANN, BOB, CY, MIN, T, ev, meetingIn, participant, play, step } from './support.js';

const FAC: Sender = { role: 'facilitator' };
const DISPLAY: Sender = { role: 'display' };
const ann: Sender = { role: 'participant', participantId: ANN };
const bob: Sender = { role: 'participant', participantId: BOB };
const cy: Sender = { role: 'participant', participantId: CY };
const guest: Sender = { role: 'participant', participantId: 'g-unseen' };

function permitted(sender: Sender, s: MeetingSnapshot): CommandType[] {
  return COMMAND_TYPES.filter((type) => forbiddenReason(type, sender, s.context) === null);
}

describe('forbiddenReason', () => {
  test('the facilitator may send everything except participant.ready and the signals (signal.send, signal.withdraw)', () => {
    const s = meetingIn('speaking');
    const participantOnly = ['participant.ready', 'signal.send', 'signal.withdraw'];
    expect(permitted(FAC, s).sort()).toEqual(COMMAND_TYPES.filter((t) => !participantOnly.includes(t)).sort());
    expect(forbiddenReason('signal.send', FAC, s.context)).toMatch(/participants/);
  });

  test.each(PHASES.map((p) => [p]))('the room display may send nothing (in %s)', (phase) => {
    expect(permitted(DISPLAY, meetingIn(phase))).toEqual([]);
  });

  test('a remote joiner still in the lobby may send nothing, and is told they are waiting', () => {
    const s = meetingIn('speaking');
    expect(permitted(cy, s)).toEqual([]);
    expect(permitted(guest, s)).toEqual([]);
    expect(forbiddenReason('signal.send', cy, s.context)).toMatch(/lobby/);
  });

  test('someone turned away at the lobby may send nothing', () => {
    const s = play([ev({ type: 'lobby.deny', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T)]);
    expect(permitted(cy, s)).toEqual([]);
  });

  test('a participant may send ready and signals, and turn.done only while they have the floor', () => {
    const s = meetingIn('speaking'); // Ann speaking.
    expect(permitted(ann, s).sort()).toEqual(['participant.ready', 'signal.send', 'signal.withdraw', 'turn.done']);
    expect(permitted(bob, s).sort()).toEqual(['participant.ready', 'signal.send', 'signal.withdraw']);
    expect(forbiddenReason('turn.done', bob, s.context)).toMatch(/person speaking/);
    expect(forbiddenReason('turn.next', ann, s.context)).toMatch(/facilitator/);
  });

  test('once admitted, a remote participant has the same rights as one in the room', () => {
    const s = play([ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T)]);
    expect(permitted(cy, s).sort()).toEqual(['participant.ready', 'signal.send', 'signal.withdraw']);
  });

  test('when the floor passes, turn.done passes with it', () => {
    const s = step(meetingIn('speaking'), ev({ type: 'turn.done' }, T + 3 * MIN, participant(ANN)));
    expect(forbiddenReason('turn.done', ann, s.context)).not.toBeNull();
    expect(forbiddenReason('turn.done', bob, s.context)).toBeNull();
  });

  test('a participant without an id (a malformed sender) is treated as not admitted', () => {
    expect(permitted({ role: 'participant' }, meetingIn('gathering'))).toEqual([]);
  });
});

describe('allowedCommands: the buttons each screen shows', () => {
  test('the facilitator while Ann speaks', () => {
    expect(allowedCommands(meetingIn('speaking'), FAC, 'fac-1').sort()).toEqual(
      [
        'turn.next',
        'turn.done',
        'turn.skip',
        'turn.call',
        'turn.extend',
        'order.set',
        'offer.present',
        'pause.start',
        'meeting.end',
        'emergency.stop',
        'lobby.admit',
        'lobby.deny',
        'lobby.lock',
        // Issue 13, item 18: the call details, until the outcome.
        'meeting.callDetails',
      ].sort(),
    );
  });

  test('the facilitator while paused: resume, end, stop and the lobby', () => {
    expect(allowedCommands(meetingIn('paused'), FAC, 'fac-1').sort()).toEqual(
      ['pause.end', 'meeting.end', 'emergency.stop', 'lobby.admit', 'lobby.deny', 'lobby.lock', 'meeting.callDetails'].sort(),
    );
  });

  test('the facilitator sees signals.clear only when there is a signal to clear', () => {
    const s = step(meetingIn('speaking'), ev({ type: 'signal.send', kind: 'need-a-moment' }, T + 3 * MIN, participant(BOB)));
    expect(allowedCommands(s, FAC, 'fac-1')).toContain('signals.clear');
    expect(allowedCommands(meetingIn('speaking'), FAC, 'fac-1')).not.toContain('signals.clear');
  });

  test('the facilitator after the outcome: only close', () => {
    expect(allowedCommands(meetingIn('outcome'), FAC, 'fac-1')).toEqual(['meeting.close']);
  });

  test('a participant in gathering: ready and signal; once ready, only signal', () => {
    const s = meetingIn('gathering');
    expect(allowedCommands(s, ann, ANN).sort()).toEqual(['participant.ready', 'signal.send']);
    const ready = step(s, ev({ type: 'participant.ready' }, T, participant(ANN)));
    expect(allowedCommands(ready, ann, ANN)).toEqual(['signal.send']);
  });

  test('the speaker sees "I am done"; the others do not', () => {
    const s = meetingIn('speaking');
    expect(allowedCommands(s, ann, ANN).sort()).toEqual(['signal.send', 'turn.done']);
    expect(allowedCommands(s, bob, BOB)).toEqual(['signal.send']);
  });

  test.each(PHASES.map((p) => [p]))('the display and a lobby joiner see no buttons (in %s)', (phase) => {
    const s = meetingIn(phase);
    expect(allowedCommands(s, DISPLAY, 'display')).toEqual([]);
    expect(allowedCommands(s, cy, CY)).toEqual([]);
  });

  test('nobody has buttons once the meeting is closed', () => {
    const s = meetingIn('closed');
    for (const [sender, id] of [
      [FAC, 'fac-1'],
      [ann, ANN],
      [bob, BOB],
    ] as const) {
      expect(allowedCommands(s, sender, id)).toEqual([]);
    }
  });

  test('after a planned remote participant is turned away, the facilitator can still reorder (to take them out)', () => {
    // Cy is in the planned order and is denied at the lobby. The order as it
    // stands is no longer valid, but a new one without Cy is accepted: the
    // reorder button must stay available so the facilitator can do just that.
    const s = play([
      ev({ type: 'lobby.deny', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T),
      ev({ type: 'meeting.start' }, T + MIN),
    ]);
    expect(canApply(s, ev({ type: 'order.set', participantIds: [ANN, BOB] }, T + 2 * MIN))).toBe(true);
    expect(allowedCommands(s, FAC, 'fac-1')).toContain('order.set');
  });

  test.each(PHASES.map((p) => [p]))('agrees with forbiddenReason for every sender (in %s)', (phase) => {
    const s = meetingIn(phase);
    for (const [sender, id] of [
      [FAC, 'fac-1'],
      [ann, ANN],
      [bob, BOB],
      [cy, CY],
      [DISPLAY, 'display'],
    ] as const) {
      for (const type of allowedCommands(s, sender, id)) {
        expect(forbiddenReason(type, sender, s.context), `${type} for ${id}`).toBeNull();
      }
    }
  });
});
