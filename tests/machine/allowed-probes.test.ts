// Issue 14 (helper B, the publish path's CPU): every command publishes every
// person's allowed list, and each `snapshot.can` probe walks the machine's
// states and guards. The list asked about every command of the table, even one
// no state the meeting is in has a transition for (`meeting.start` while people
// speak), which the machine refuses without looking at a guard. Now those are
// skipped, read from the machine's own state nodes; the answers stay the
// straightforward ones, command by command, in every phase, for every sender.
// Each probe also walks the machine's transitions and guards itself, as
// `snapshot.can` does, without its bookkeeping: the same answers, in every
// state a long meeting passes through.
import { describe, expect, test } from 'vitest';
import { canApply, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { COMMAND_RULES, type CommandType } from '../../shared/meeting/commands.js';
import type { Phase } from '../../shared/meeting/context.js';
import { forbiddenReason, type Sender } from '../../shared/meeting/permissions.js';
import type { MeetingEvent } from '../../shared/protocol.js';
import { ev, participant } from '../helpers/events.js';
import { ANN, BOB, CY, MIN, T, meetingIn, meetingInput, play, step } from './support.js';

const FAC: Sender = { role: 'facilitator' };
const PHASES: Phase[] = ['gathering', 'opening', 'speaking', 'offer', 'bottom-lines', 'paused', 'outcome', 'closed'];
const SENDERS: Array<[Sender, string]> = [
  [FAC, 'fac-1'],
  [{ role: 'participant', participantId: ANN }, ANN],
  [{ role: 'participant', participantId: BOB }, BOB],
  [{ role: 'participant', participantId: CY }, CY],
  [{ role: 'display' }, 'display'],
];

/** The snapshot, with every `can` it is asked counted by command type. */
function counted(snapshot: MeetingSnapshot) {
  const asked: string[] = [];
  const watched = Object.create(snapshot) as MeetingSnapshot;
  watched.can = (event: MeetingEvent) => {
    asked.push(event.type);
    return snapshot.can(event);
  };
  return { watched, asked };
}

/** The straightforward list: every command of the table, every probe asked of the machine. */
function plainly(snapshot: MeetingSnapshot, sender: Sender, actorId: string): CommandType[] {
  const by = { actorId, role: sender.role };
  return (Object.keys(COMMAND_RULES) as CommandType[]).filter(
    (type) =>
      !forbiddenReason(type, sender, snapshot.context) &&
      [...COMMAND_RULES[type].probes(snapshot.context)].some((p) => canApply(snapshot, { commandId: 'probe', type, ...p, at: 0, by } as MeetingEvent)),
  );
}

describe('issue 14 (publish CPU): the allowed list asks the machine less, and answers the same', () => {
  test('while people speak, nothing is asked about a command no state of the meeting has a transition for', () => {
    const { watched, asked } = counted(meetingIn('speaking'));
    const allowed = allowedCommands(watched, FAC, 'fac-1');
    for (const type of ['meeting.start', 'turns.begin', 'pause.end', 'offer.respond', 'bottomLines.begin', 'meeting.close']) {
      expect(asked).not.toContain(type);
    }
    expect(allowed).toEqual(plainly(meetingIn('speaking'), FAC, 'fac-1'));
    const forAnn = counted(meetingIn('speaking'));
    allowedCommands(forAnn.watched, { role: 'participant', participantId: ANN }, ANN);
    expect(forAnn.asked).not.toContain('participant.ready');
  });

  test('the same list as the straightforward asking, in every phase, for every sender', () => {
    for (const phase of PHASES) {
      let snapshot = meetingIn(phase);
      // A signal open, so that withdrawing one is possible somewhere.
      if (phase !== 'closed' && phase !== 'outcome') snapshot = step(snapshot, ev({ type: 'signal.send', kind: 'want-to-speak' }, T + 30 * MIN, participant(BOB)));
      for (const [sender, actorId] of SENDERS) {
        expect(allowedCommands(snapshot, sender, actorId), `${phase} ${actorId}`).toEqual(plainly(snapshot, sender, actorId));
      }
    }
    expect(allowedCommands(meetingIn('gathering'), { role: 'participant', participantId: ANN }, ANN)).toContain('participant.ready');
    expect(allowedCommands(step(meetingIn('speaking'), ev({ type: 'signal.send', kind: 'want-to-speak' }, T + 4 * MIN, participant(BOB))), { role: 'participant', participantId: BOB }, BOB)).toContain('signal.withdraw');
  });

  test('the same lists as snapshot.can gives, in every state of a long meeting with a guest, objections and a pause', () => {
    const input = meetingInput({ objections: [{ objectionId: 'o-job', responderId: BOB }], walkOutFollowers: [BOB] });
    const guest = { name: 'Gus', attendance: 'guest' as const };
    const at = (m: number) => T + m * MIN;
    const events: MeetingEvent[] = [
      ev({ type: 'participant.ready' }, at(1), participant(ANN)),
      ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, at(2)),
      ev({ type: 'lobby.lock' }, at(3)),
      ev({ type: 'meeting.start' }, at(4)),
      ev({ type: 'lobby.unlock' }, at(5)),
      ev({ type: 'lobby.admit', participantId: 'g-1', joiner: guest }, at(6)),
      ev({ type: 'turns.begin' }, at(7)),
      ev({ type: 'signal.send', kind: 'need-a-moment' }, at(8), participant(BOB)),
      ev({ type: 'turn.call', participantId: BOB }, at(9)),
      ev({ type: 'pause.start', reason: 'left-room' }, at(10)),
      ev({ type: 'pause.end' }, at(11)),
      ev({ type: 'lobby.return', participantId: CY }, at(12)),
      ev({ type: 'signals.clear' }, at(13)),
      ev({ type: 'offer.present' }, at(14)),
      ev({ type: 'objection.raise', objectionId: 'o-job' }, at(15)),
      ev({ type: 'offer.respond', response: 'declined' }, at(16)),
      ev({ type: 'bottomLines.begin' }, at(17)),
      ev({ type: 'turn.next' }, at(18)),
      ev({ type: 'meeting.end', outcome: 'declined' }, at(19)),
      ev({ type: 'meeting.close' }, at(20)),
    ];
    const senders: Array<[Sender, string]> = [...SENDERS, [{ role: 'participant', participantId: 'g-1' }, 'g-1']];
    let snapshot = play([], input);
    let compared = 0;
    for (const event of [null, ...events]) {
      if (event) snapshot = step(snapshot, event);
      for (const [sender, actorId] of senders) {
        expect(allowedCommands(snapshot, sender, actorId), `${event?.type ?? 'created'} ${actorId}`).toEqual(plainly(snapshot, sender, actorId));
        compared++;
      }
    }
    expect(compared).toBe(21 * 6);
  });
});
