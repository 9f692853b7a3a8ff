// Issue 11, section 2, in the pipeline over fakes: the offer is stamped with
// the case's treatment place as the runtime reads it when the command arrives;
// a place that cannot be read is UNAVAILABLE (nothing decided, retry possible).
import { expect, test } from 'vitest';
import type { PlaceCheck } from '../../shared/case/logistics.js';
import { createMeeting } from '../../shared/meeting/agenda.js';
import { MeetingRuntime } from '../../server/meetings/runtime.js';
import { meetingInput } from '../helpers/events.js';
import { FakeStore, facilitator, liveMeeting, newMeetingRecord } from './fakes.js';

/** A live meeting at the letters whose case's place is whatever `place` answers now. */
async function atTheLetters(place: (caseId: string) => Promise<PlaceCheck | null>, rehearsal = false) {
  const { deps: fakes } = liveMeeting();
  const store = rehearsal ? new FakeStore(newMeetingRecord(meetingInput({ rehearsal: true })), []) : fakes.store;
  const deps = { ...fakes, store };
  const asked: string[] = [];
  const runtime = new MeetingRuntime(store.record, createMeeting(store.record.input), {
    ...deps, placeOf: (caseId) => (asked.push(caseId), place(caseId)),
  });
  await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator);
  await runtime.handle({ commandId: 'c-2', type: 'turns.begin', expectedRevision: 1 }, facilitator);
  return { runtime, store, asked };
}

test('issue 11, case 26: the offer is stamped with the place read for the meeting\'s case; not ready is refused, an override stored', async () => {
  const { runtime, store, asked } = await atTheLetters(async () => ({ ready: false, missing: ['The primary place has no admission time set'] }));
  const refused = await runtime.handle({ commandId: 'c-3', type: 'offer.present', expectedRevision: 2 }, facilitator);
  expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('The primary place has no admission time set') } });
  expect(asked).toEqual(['case-1']);
  const made = await runtime.handle({ commandId: 'c-4', type: 'offer.present', expectedRevision: 2, override: 'Admission by phone on arrival' }, facilitator);
  expect(made).toEqual({ ok: true, revision: 3 });
  expect(store.events.at(-1)?.event).toMatchObject({
    type: 'offer.present', override: 'Admission by phone on arrival', placeReady: false, placeMissing: ['The primary place has no admission time set'],
  });
});

test('issue 11, case 27: a place that cannot be read answers UNAVAILABLE and stores nothing; the retry goes through', async () => {
  let failing = true;
  const { runtime, store } = await atTheLetters(async () => {
    if (failing) throw new Error('SQLITE_BUSY');
    return { ready: true, missing: [] };
  });
  const first = await runtime.handle({ commandId: 'c-3', type: 'offer.present', expectedRevision: 2 }, facilitator);
  expect(first).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' }, revision: 2 });
  expect(store.events).toHaveLength(2);
  failing = false;
  expect(await runtime.handle({ commandId: 'c-3', type: 'offer.present', expectedRevision: 2 }, facilitator)).toEqual({ ok: true, revision: 3 });
  expect(store.events.at(-1)?.event).toMatchObject({ placeReady: true });
});

test('issue 11, case 28: no logistics for the case: the offer is neither held nor stamped', async () => {
  const { runtime, store } = await atTheLetters(async () => null);
  expect(await runtime.handle({ commandId: 'c-3', type: 'offer.present', expectedRevision: 2 }, facilitator)).toEqual({ ok: true, revision: 3 });
  expect(store.events.at(-1)?.event).not.toHaveProperty('placeReady');
});

test('issue 11, case 29: a rehearsal never holds the offer: the place is for the real meeting', async () => {
  const { runtime, store, asked } = await atTheLetters(async () => ({ ready: false, missing: ['No primary place is planned'] }), true);
  expect(await runtime.handle({ commandId: 'c-3', type: 'offer.present', expectedRevision: 2 }, facilitator)).toEqual({ ok: true, revision: 3 });
  expect(asked).toEqual([]);
  expect(store.events.at(-1)?.event).not.toHaveProperty('placeReady');
});
