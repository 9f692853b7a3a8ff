// A newcomer's finding (s20, finding 2): a letter the interventionist typed for a person ("Typed by
// you (counts as approved)" in the console) was invisible on that person's preparation page: an empty
// box, "Borrador", and GET /api/prepare said "draft". The person must see the letter they will read,
// marked as typed by their interventionist and approved. Editing it is a new version for review: the
// meeting keeps reading the typed letter until the interventionist approves the person's version.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Harness } from './support.js';
import { preparedCase } from './prepare-support.js';

const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.close());

const TYPED = 'Typed-marigold-lantern: Ann, I love you and I am asking you to accept help today.';
const EDITED = 'Typed-marigold-lantern, in my own words: Ann, I love you; please accept the help that is ready today.';

test('s20 finding 2, case 1: the typed letter is shown to its person, approved and marked typed by the interventionist', async () => {
  const { fx, ann } = await preparedCase(h.server.url);
  const person = `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`;
  expect((await fx.api.request('PATCH', person, { letter: TYPED })).status).toBe(200);

  const page = await ann.get('/api/prepare');
  expect(page.body.letter).toEqual({ state: 'approved', typed: true });
  const letter = await ann.get('/api/prepare/letter');
  expect(letter.body).toMatchObject({ text: TYPED, state: 'approved', typed: true, version: 0, meetingText: TYPED });
  // Already approved: nothing to send as it stands.
  expect((await ann.post('/api/prepare/letter/submit')).body.error.code).toBe('LETTER_APPROVED');
  // An autosave of the same words is no version.
  expect((await ann.put('/api/prepare/letter', { text: TYPED })).body).toMatchObject({ version: 0, state: 'approved', typed: true });
});

test('s20 finding 2, case 2: editing the typed letter is a new version for review; the meeting reads the typed one until approval', async () => {
  const { fx, ann } = await preparedCase(h.server.url);
  const person = `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`;
  await fx.api.request('PATCH', person, { letter: TYPED });

  const saved = await ann.put('/api/prepare/letter', { text: EDITED });
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ text: EDITED, state: 'draft', version: 1, typed: true, meetingText: TYPED });
  expect((await ann.get('/api/prepare')).body.letter).toEqual({ state: 'draft', typed: true });
  expect((await ann.post('/api/prepare/letter/submit')).body.state).toBe('submitted');

  // The console sees the person's version for review, and the meeting still reads the typed one.
  const list = await fx.api.get(`/api/cases/${fx.caseId}/letters`);
  const entry = list.body.people.find((p: { participantId: string }) => p.participantId === fx.ids.ann);
  expect(entry.letter).toMatchObject({ state: 'submitted', text: EDITED, meetingText: TYPED });
  const review = `/api/cases/${fx.caseId}/letters/${fx.ids.ann}/review`;
  await fx.api.post(review, { decision: 'request-changes', comment: 'A date, please' });
  expect((await fx.api.get(`/api/cases/${fx.caseId}`)).body.participants.find((p: { id: string }) => p.id === fx.ids.ann).letter).toBe(TYPED);

  await ann.put('/api/prepare/letter', { text: `${EDITED} On 3 March.` });
  await ann.post('/api/prepare/letter/submit');
  expect((await fx.api.post(review, { decision: 'approve' })).body.letter).toMatchObject({ state: 'approved', meetingText: `${EDITED} On 3 March.` });
  // Now the person's own approved letter: no longer marked typed, and locked like any approved one.
  expect((await ann.get('/api/prepare/letter')).body).toMatchObject({ state: 'approved', typed: false, text: `${EDITED} On 3 March.` });
  expect((await ann.put('/api/prepare/letter', { text: 'later' })).body.error.code).toBe('LETTER_APPROVED');
});

test('s20 finding 2, case 3: without a typed letter nothing changes: an empty draft, not typed', async () => {
  const { ann } = await preparedCase(h.server.url);
  expect((await ann.get('/api/prepare')).body.letter).toEqual({ state: 'draft', typed: false });
  expect((await ann.get('/api/prepare/letter')).body).toMatchObject({ text: '', state: 'draft', typed: false, version: 0, meetingText: null });
});
