// Issue 14 over the fakes: the publisher's v2 side. Each command makes one
// agenda for the meeting's room; a participant's part goes only when it
// changed; the memory of what was sent is small and forgets who left; and
// nobody on v1 is sent parts, nor anyone on v2 a whole view.
import { describe, expect, test } from 'vitest';
import { liveMeeting, facilitator, participant } from './fakes.js';

const v2 = <C extends object>(conn: C) => ({ ...conn, protocol: 2 as const });
const ann = v2({ ...participant('p-ann'), name: 'Ann', attendance: 'in-room' as const });
const bob = v2({ ...participant('p-bob'), name: 'Bob', attendance: 'in-room' as const });

async function started() {
  const meeting = liveMeeting();
  meeting.transport.listeners.delete('facilitator');
  meeting.transport.listeners.add('v2:facilitator');
  await meeting.runtime.loadTexts();
  meeting.runtime.attach(v2(facilitator));
  meeting.runtime.attach(ann);
  meeting.runtime.attach(bob);
  let n = 0;
  const send = async (payload: Record<string, unknown>) => {
    const ack = await meeting.runtime.handle({ commandId: `c-${++n}`, expectedRevision: meeting.runtime.revision, ...payload }, facilitator);
    expect(ack).toMatchObject({ ok: true });
  };
  await send({ type: 'meeting.start' });
  await send({ type: 'turns.begin' });
  return { ...meeting, send };
}

describe('issue 14: v2 publishing', () => {
  test('case 7: a command that changes nobody’s part sends one agenda to the room and nothing else, no whole view', async () => {
    const { transport, send } = await started();
    const before = transport.parts.length;
    const delivered = transport.deliveries.length;
    await send({ type: 'turn.extend', seconds: 60 });
    const sent = transport.parts.slice(before).map((p) => (p.event === 'agenda' ? `agenda→${p.to === 'meeting' ? 'meeting' : p.to.kind}` : p.event));
    expect(sent).toEqual(['agenda→meeting']);
    expect(transport.deliveries.length).toBe(delivered);
    // The facilitator's part goes when it changes: a pause's reason is theirs alone.
    const beforePause = transport.parts.length;
    await send({ type: 'pause.start', reason: 'other' });
    const pauseParts = transport.parts.slice(beforePause).map((p) => p.event);
    expect([pauseParts[0], pauseParts.at(-1)]).toEqual(['facilitator', 'agenda']);
  });

  test('case 8: a participant’s part goes again only when it changed', async () => {
    const { transport, send } = await started();
    const before = transport.parts.length;
    await send({ type: 'turn.next' }); // Ann done, Bob speaking: both parts change (allowed)
    await send({ type: 'turn.extend', seconds: 30 }); // nothing of theirs changes
    const parts = transport.parts.slice(before).filter((p) => p.event === 'you');
    expect(parts.map((p) => (p.event === 'you' ? p.participantId : ''))).toEqual(['p-ann', 'p-bob']);
    const bobPart = parts[1]!;
    expect(bobPart.event === 'you' && bobPart.part.allowed).toContain('turn.done');
  });

  test('case 9: someone who leaves is forgotten, and comes back to their whole part and the agenda', async () => {
    const { runtime, transport, send } = await started();
    runtime.detach(bob);
    await send({ type: 'turn.extend', seconds: 30 });
    const memory = (runtime as unknown as { publisher: { v2: { shown: Map<string, unknown> } } }).publisher.v2.shown;
    expect([...memory.keys()]).toEqual(['p-ann']);
    const before = transport.parts.length;
    runtime.attach(bob);
    const sent = transport.parts.slice(before).map((p) => (p.event === 'agenda' ? `agenda→${p.to === 'meeting' ? 'meeting' : p.to.kind}` : p.event));
    expect(sent).toEqual(['you', 'agenda→participant']);
  });
});
