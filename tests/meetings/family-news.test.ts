// Issue 11, section 3, over the fakes: a meeting loaded afresh (after a
// restart, or on demand) reads what the family may see once, before the
// first participant's view, so a remote relative's phone shows the saved
// "Admitted" straight away; the runtime publishes a change at once.
import { expect, test } from 'vitest';
import type { FamilyNews, ParticipantView } from '../../shared/meeting/view.js';
import { MeetingRuntime } from '../../server/meetings/runtime.js';
import { createMeeting } from '../../shared/meeting/agenda.js';
import { facilitator, liveMeeting, participant } from './fakes.js';

const cy = { ...participant('p-cy'), name: 'Cy', attendance: 'remote' as const };

test('issue 11, case 3.14: the saved news is read once, before the first participant, and shown after a yes', async () => {
  const { store, deps } = liveMeeting();
  const asked: string[] = [];
  const familyNews = async (caseId: string, meetingId: string): Promise<FamilyNews | null> => (asked.push(`${caseId}/${meetingId}`), 'admitted');
  const runtime = new MeetingRuntime(store.record, createMeeting(store.record.input), { ...deps, familyNews });
  runtime.attach(facilitator);
  await Promise.all([runtime.loadTexts(), runtime.loadTexts()]);
  expect(asked).toEqual([`case-1/${store.record.id}`]);
  runtime.attach(cy);
  let revision = 0;
  const send = async (body: Record<string, unknown>) => {
    const ack = await runtime.handle({ commandId: `c-${revision}`, expectedRevision: revision, ...body }, facilitator);
    expect(ack).toMatchObject({ ok: true });
    revision = runtime.revision;
  };
  await send({ type: 'lobby.admit', participantId: 'p-cy' });
  await send({ type: 'meeting.start' });
  // Before the outcome the news reaches nobody, whatever was saved.
  expect((runtime.viewFor(cy) as ParticipantView).familyNews).toBeUndefined();
  await send({ type: 'meeting.end', outcome: 'accepted' });
  expect((runtime.viewFor(cy) as ParticipantView).familyNews).toBe('admitted');

  runtime.shareFamilyNews(null);
  expect((runtime.viewFor(cy) as ParticipantView).familyNews).toBeUndefined();
  await runtime.loadTexts();
  expect(asked).toHaveLength(1);
});

test('issue 11, case 3.14: a declined meeting never shows news, even if some was saved', async () => {
  const { store, deps } = liveMeeting();
  const runtime = new MeetingRuntime(store.record, createMeeting(store.record.input), { ...deps, familyNews: async () => 'on-the-way' as const });
  runtime.attach(facilitator);
  await runtime.loadTexts();
  runtime.attach(cy);
  await runtime.handle({ commandId: 'a', expectedRevision: 0, type: 'lobby.admit', participantId: 'p-cy' }, facilitator);
  await runtime.handle({ commandId: 'b', expectedRevision: 1, type: 'meeting.start' }, facilitator);
  await runtime.handle({ commandId: 'c', expectedRevision: 2, type: 'meeting.end', outcome: 'declined' }, facilitator);
  expect(runtime.phase).toBe('outcome');
  expect((runtime.viewFor(cy) as ParticipantView).familyNews).toBeUndefined();
});
