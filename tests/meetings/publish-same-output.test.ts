// Issue 14 (helper B, the publish path's CPU): the publisher got cheaper (parts
// built without spreads, fewer `can` probes, change detection without
// stringifying whole parts), and none of it may change a byte of what anyone
// receives. One meeting is driven through a long sequence, with v1 and v2
// consoles, displays and tablets, a guest turned away, people leaving and
// coming back, a pause, objections, bottom lines and the outcome, and the whole
// stream (v1 views, v2 parts, agenda-room moves, dismissals, in order) is
// compared with the stream the code before this work sent, by its SHA-256.
// Every part and view is also compared with the straightforward computation:
// the projection with the allowed list asked of the machine probe by probe.
import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { canApply, createMeeting, phaseOf, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { COMMAND_RULES, type CommandType } from '../../shared/meeting/commands.js';
import { composeFacilitator, composeParticipant } from '../../shared/meeting/parts.js';
import { forbiddenReason, type Sender } from '../../shared/meeting/permissions.js';
import { readingSecondsOf } from '../../shared/meeting/reading.js';
import { facilitatorPart, publicAgenda, youPart, type PrivateTexts } from '../../shared/meeting/view.js';
import type { MeetingEvent } from '../../shared/protocol.js';
import type { Language } from '../../shared/vocabulary.js';
import { MeetingRuntime, type Delivery, type PartDelivery } from '../../server/meetings/runtime.js';
import type { Room } from '../../server/meetings/room.js';
import { meetingInput } from '../helpers/events.js';
import { FakeLog, FakeStore, FakeTransport, T0, newMeetingRecord, display, facilitator, participant } from './fakes.js';

/** The stream's SHA-256 as the publisher sent it before issue 14's CPU work (commit ba236c6). */
const STREAM_BEFORE = 'f11864fbf887e79c335ad5df390b5a9f9079b3640d7331f63f70af994685e055';

const input = meetingInput({
  objections: [
    { objectionId: 'o-job', responderId: 'p-bob' },
    { objectionId: 'o-alone', responderId: 'p-ann' },
  ],
  walkOutFollowers: ['p-bob'],
  lovedOneFirstName: 'Dan',
  facilitatorFirstName: 'Eve',
});
const texts = new Map<string, PrivateTexts>([
  ['p-ann', { letter: 'Dear Dan, from Ann', bottomLine: 'Ann will not lend money', objections: [{ objectionId: 'o-alone', objection: 'I can stop alone', response: 'You tried' }] }],
  ['p-bob', { letter: 'Dear Dan, from Bob', bottomLine: 'Bob will not drive you', objections: [{ objectionId: 'o-job', objection: 'My job', response: 'Leave is agreed' }] }],
  ['p-cy', { letter: 'Dear Dan, from Cy', bottomLine: null }],
]);

const v2 = <C extends object>(conn: C) => ({ ...conn, protocol: 2 as const });
const ann = { ...participant('p-ann'), name: 'Ann', attendance: 'in-room' as const };
const bob = v2({ ...participant('p-bob'), name: 'Bob', attendance: 'in-room' as const });
const cy = v2({ ...participant('p-cy'), name: 'Cy', attendance: 'remote' as const });
const guest = v2({ ...participant('g-1'), name: 'Gus', attendance: 'guest' as const });
const stranger = { ...participant('g-2'), name: 'Sid', attendance: 'guest' as const };

/** The straightforward allowed list: every command of the table, every probe asked of the machine. */
function allowedPlainly(snapshot: MeetingSnapshot, sender: Sender, actorId: string): CommandType[] {
  const by = { actorId, role: sender.role };
  return (Object.keys(COMMAND_RULES) as CommandType[]).filter(
    (type) =>
      !forbiddenReason(type, sender, snapshot.context) &&
      [...COMMAND_RULES[type].probes(snapshot.context)].some((p) => canApply(snapshot, { commandId: 'probe', type, ...p, at: 0, by } as MeetingEvent)),
  );
}

function drive() {
  const store = new FakeStore(newMeetingRecord(input));
  store.texts = texts;
  const transport = new FakeTransport();
  transport.listeners.add('v2:facilitator');
  let now = T0;
  const runtime = new MeetingRuntime(store.record, createMeeting(store.record.input), { store, transport, clock: () => (now += 1000), log: new FakeLog() });
  const inside = runtime as unknown as { meeting: { snapshot: MeetingSnapshot; facilitatorId: string; displayLanguage: Language }; room: Room; publisher: { familyNews: null } };
  const stream: string[] = [];
  const checked = { parts: 0, views: 0 };

  /** The straightforward part of `participantId` now, stamped as `sent` was. */
  function plainYou(participantId: string, sent: { serverTime: number; lobby: unknown }) {
    const snapshot = inside.meeting.snapshot;
    const state = { context: snapshot.context, phase: phaseOf(snapshot), revision: runtime.revision };
    const allowed = allowedPlainly(snapshot, { role: 'participant', participantId }, participantId);
    const part = youPart(state, { participantId, name: inside.room.nameOf(participantId) }, inside.room.textsOf(participantId), allowed, sent.serverTime, inside.publisher.familyNews);
    return sent.lobby === 'denied' ? { ...part, lobby: 'denied' as const } : part;
  }
  function plainFacilitator(serverTime: number) {
    const snapshot = inside.meeting.snapshot;
    const state = { context: snapshot.context, phase: phaseOf(snapshot), revision: runtime.revision };
    const allowed = allowedPlainly(snapshot, { role: 'facilitator' }, inside.meeting.facilitatorId);
    return facilitatorPart(state, inside.room.presence(), allowed, serverTime, (id) => readingSecondsOf(inside.room.textsOf(id).letter));
  }

  const deliver = transport.deliver.bind(transport);
  transport.deliver = (meetingId: string, deliveries: Delivery[]) => {
    for (const { audience, view } of deliveries) {
      stream.push(`v1 ${audience.kind === 'participant' ? audience.participantId : audience.kind} ${JSON.stringify(view)}`);
      const agenda = publicAgenda({ context: runtime.context, phase: runtime.phase, revision: runtime.revision }, view.serverTime, inside.meeting.displayLanguage);
      if (audience.kind === 'participant') {
        expect(JSON.stringify(view)).toBe(JSON.stringify(composeParticipant(agenda, plainYou(audience.participantId, view as never))));
        checked.views++;
      }
      if (audience.kind === 'facilitator') {
        expect(JSON.stringify(view)).toBe(JSON.stringify(composeFacilitator(agenda, plainFacilitator(view.serverTime))));
        checked.views++;
      }
    }
    deliver(meetingId, deliveries);
  };
  transport.deliverParts = (meetingId: string, parts: PartDelivery[]) => {
    for (const p of parts) {
      if (p.event === 'agenda') stream.push(`v2 agenda ${p.to === 'meeting' ? 'meeting' : p.to.kind} ${JSON.stringify(p.agenda)}`);
      else stream.push(`v2 ${p.event} ${p.event === 'you' ? p.participantId : ''} ${JSON.stringify(p.part)}`);
      if (p.event === 'you') expect(JSON.stringify(p.part)).toBe(JSON.stringify(plainYou(p.participantId, p.part)));
      if (p.event === 'facilitator') expect(JSON.stringify(p.part)).toBe(JSON.stringify(plainFacilitator(p.part.serverTime)));
      if (p.event !== 'agenda') checked.parts++;
    }
  };
  Object.assign(transport, {
    agendaAccess: (meetingId: string, participantId: string, admitted: boolean) => void stream.push(`agenda-room ${participantId} ${admitted}`),
    dismiss: (meetingId: string, participantId: string) => void stream.push(`dismissed ${participantId}`),
  });
  return { runtime, stream, checked };
}

const aTurn = () => new Promise((resolve) => setImmediate(resolve));

test('issue 14 (publish CPU): a long meeting sends every v1 view and v2 part exactly as before, each the straightforward projection', async () => {
  const { runtime, stream, checked } = drive();
  let n = 0;
  const send = async (payload: Record<string, unknown>, sender: Sender = facilitator) => {
    const ack = await runtime.handle({ commandId: `c-${++n}`, expectedRevision: runtime.revision, ...payload }, sender);
    stream.push(`ack ${JSON.stringify(ack)}`);
    await aTurn();
  };
  const come = async (...conns: Parameters<MeetingRuntime['attach']>[0][]) => {
    for (const conn of conns) runtime.attach(conn);
    await aTurn();
  };
  await runtime.loadTexts();
  await come(facilitator, v2(facilitator), display, v2(display), ann, v2(ann), bob, cy, guest);
  await send({ type: 'meeting.callDetails', videoLink: 'https://meet.example/dan', dialIn: '+1 555 0100', pin: '1234#', showInLobby: true });
  await send({ type: 'participant.ready' }, participant('p-ann'));
  await send({ type: 'participant.ready' }, participant('p-bob'));
  await send({ type: 'lobby.admit', participantId: 'p-cy' });
  await send({ type: 'lobby.admit', participantId: 'g-1' });
  await send({ type: 'meeting.start' });
  await send({ type: 'turns.begin' });
  await send({ type: 'turn.call', participantId: 'p-bob' });
  await send({ type: 'turn.extend', seconds: 30 });
  await send({ type: 'order.set', participantIds: ['p-bob', 'p-cy', 'p-ann', 'g-1'] });
  await send({ type: 'signal.send', kind: 'need-a-moment' }, participant('p-bob'));
  await send({ type: 'signal.withdraw', kind: 'need-a-moment' }, participant('p-bob'));
  await send({ type: 'signal.send', kind: 'want-to-speak' }, participant('p-ann'));
  await send({ type: 'turn.done' }, participant('p-bob'));
  await send({ type: 'turn.next' });
  await send({ type: 'signals.clear' });
  await send({ type: 'pause.start', reason: 'left-room' });
  await send({ type: 'pause.end' });
  await send({ type: 'lobby.return', participantId: 'p-cy' });
  await come(stranger);
  await send({ type: 'lobby.deny', participantId: 'g-2' });
  await send({ type: 'lobby.admit', participantId: 'p-cy' });
  runtime.detach(bob);
  await send({ type: 'turn.next' });
  await come(bob);
  runtime.setDisplayLanguage('es');
  runtime.setParticipantLanguage('p-bob', 'es');
  await send({ type: 'turn.next' });
  await send({ type: 'offer.present' });
  await send({ type: 'objection.raise', objectionId: 'o-job' });
  await send({ type: 'objection.raise', objectionId: 'o-alone' });
  await send({ type: 'objection.resolve', objectionId: 'o-job' });
  await send({ type: 'offer.respond', response: 'declined' });
  await send({ type: 'bottomLines.begin' });
  for (let i = 0; i < 3; i++) await send({ type: 'turn.next' });
  await send({ type: 'meeting.end', outcome: 'accepted' });
  runtime.shareFamilyNews('on-the-way');
  await send({ type: 'meeting.close' });
  await aTurn();

  // The sequence reached what it meant to: every phase, parts and views of every kind.
  const acks = stream.filter((line) => line.startsWith('ack '));
  expect(acks.filter((line) => line.startsWith('ack {"ok":true'))).toHaveLength(34);
  expect(acks).toHaveLength(34);
  expect(runtime.phase).toBe('closed');
  expect(checked.parts).toBeGreaterThan(75);
  expect(checked.views).toBeGreaterThan(75);
  const sha = createHash('sha256').update(stream.join('\n')).digest('hex');
  expect(sha).toBe(STREAM_BEFORE);
});
