// Issue 10, sections 3 and 5, end to end over HTTP: a person drafts, sees the
// hint, submits; the interventionist asks for a change with a comment; the
// person revises and resubmits; the interventionist sees the diff and approves;
// the meeting's tablet shows the approved text, never a draft.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParticipantView } from '../../shared/meeting/view.js';
import { Harness } from './support.js';
import { DRAFT, Family, prepareLink, preparedCase } from './prepare-support.js';

const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.close());

test('issue 10, case 1: draft → hint → submit → changes requested → revise → resubmit → diff → approve → the meeting reads it', async () => {
  const { fx, ann } = await preparedCase(h.server.url);
  const saved = await ann.put('/api/prepare/letter', { text: DRAFT.first });
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ text: DRAFT.first, state: 'draft', version: 1, longLetter: false, comments: [] });
  expect(saved.body.hints.map((x: { text: string }) => x.text)).toEqual(['addict', 'you never']);
  // 13 words at 130 a minute.
  expect(saved.body.readingSeconds).toBe(6);

  expect((await ann.post('/api/prepare/letter/submit')).body.state).toBe('submitted');
  const review = `/api/cases/${fx.caseId}/letters/${fx.ids.ann}/review`;
  expect((await fx.api.post(review, { decision: 'request-changes' })).status).toBe(400);
  const asked = await fx.api.post(review, { decision: 'request-changes', comment: DRAFT.comment });
  expect(asked.status).toBe(200);
  expect(asked.body.letter).toMatchObject({ state: 'changes-requested', meetingText: null, hintsCount: 2 });

  const seen = await ann.get('/api/prepare/letter');
  expect(seen.body).toMatchObject({ state: 'changes-requested', comments: [{ text: DRAFT.comment }] });
  const revised = await ann.put('/api/prepare/letter', { text: DRAFT.second });
  expect(revised.body).toMatchObject({ state: 'draft', version: 2, hints: [] });
  expect((await ann.post('/api/prepare/letter/submit')).body.state).toBe('submitted');

  const versions = await fx.api.get(`/api/cases/${fx.caseId}/letters/${fx.ids.ann}/versions`);
  expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  const diff = versions.body.versions[1].diff as Array<{ op: string; text: string }>;
  expect(diff.filter((d) => d.op === 'removed').map((d) => d.text).join(' ')).toMatch(/addict/);
  expect(diff.filter((d) => d.op === 'added').map((d) => d.text).join(' ')).toMatch(/stairs/);
  expect(diff.map((d) => (d.op === 'removed' ? '' : d.text)).join('')).toBe(DRAFT.second);

  const approved = await fx.api.post(review, { decision: 'approve' });
  expect(approved.body.letter).toMatchObject({ state: 'approved', meetingText: DRAFT.second });
  const kase = await fx.api.get(`/api/cases/${fx.caseId}`);
  expect(kase.body.participants.find((p: { id: string }) => p.id === fx.ids.ann).letter).toBe(DRAFT.second);
  // Only the interventionist reopens an approved letter.
  expect((await ann.put('/api/prepare/letter', { text: 'changed afterwards' })).body.error.code).toBe('LETTER_APPROVED');
  expect((await ann.post('/api/prepare/letter/submit')).status).toBe(409);
  const reopened = await fx.api.post(review, { decision: 'request-changes', comment: 'One more date, please' });
  expect(reopened.body.letter).toMatchObject({ state: 'changes-requested', meetingText: null });
  expect((await fx.api.get(`/api/cases/${fx.caseId}`)).body.participants.find((p: { id: string }) => p.id === fx.ids.ann).letter).toBeNull();
});

test('issue 10, case 2: an unchanged autosave is no new version; an empty letter cannot be sent; approving a draft is refused', async () => {
  const { fx, ann } = await preparedCase(h.server.url);
  expect((await ann.post('/api/prepare/letter/submit')).status).toBe(409);
  await ann.put('/api/prepare/letter', { text: 'Same words' });
  expect((await ann.put('/api/prepare/letter', { text: 'Same words' })).body.version).toBe(1);
  const refused = await fx.api.post(`/api/cases/${fx.caseId}/letters/${fx.ids.ann}/review`, { decision: 'approve' });
  expect(refused.status).toBe(409);
  expect((await ann.put('/api/prepare/letter', { text: 'x'.repeat(20_001) })).status).toBe(400);
});

test('issue 10, case 3: the interventionist sees everyone\'s progress; a typed letter counts as approved', async () => {
  const { fx, ann } = await preparedCase(h.server.url);
  await fx.api.request('PATCH', `/api/cases/${fx.caseId}/participants/${fx.ids.cy}`, { letter: 'Cy-typed-letter by the interventionist' });
  expect((await ann.post('/api/prepare/modules/safety/done', { answer: 'a' })).status).toBe(200);
  await ann.put('/api/prepare/letter', { text: DRAFT.first });
  const list = await fx.api.get(`/api/cases/${fx.caseId}/letters`);
  expect(list.status).toBe(200);
  expect(list.body.usesBottomLines).toBe(true);
  const byId = new Map(list.body.people.map((p: { participantId: string }) => [p.participantId, p]));
  expect(byId.get(fx.ids.ann)).toMatchObject({ modules: { done: ['safety'], total: 6 }, letter: { state: 'draft', hintsCount: 2, meetingText: null }, speaksAt: 1 });
  expect((byId.get(fx.ids.ann) as { link: unknown }).link).toMatchObject({ id: expect.any(String), expiresAt: expect.any(Number) });
  expect(byId.get(fx.ids.cy)).toMatchObject({ letter: { state: 'typed', meetingText: 'Cy-typed-letter by the interventionist' }, link: null });
  expect(byId.get(fx.ids.dee)).toMatchObject({ letter: { state: 'none' }, bottomLine: { state: 'none' } });
});

test('issue 10, case 4: bottom lines only for approaches that use them, with the same states', async () => {
  const invitational = await preparedCase(h.server.url, 'invitational');
  expect((await invitational.ann.get('/api/prepare/bottom-line')).body.error.code).toBe('NO_BOTTOM_LINES');
  expect((await invitational.ann.put('/api/prepare/bottom-line', { text: 'no' })).status).toBe(409);
  expect((await invitational.ann.get('/api/prepare')).body.bottomLine).toBeNull();
  const { fx, ann } = await preparedCase(h.server.url, 'johnson');
  await ann.put('/api/prepare/bottom-line', { text: 'I will no longer pay your rent' });
  await ann.post('/api/prepare/bottom-line/submit');
  const approved = await fx.api.post(`/api/cases/${fx.caseId}/letters/${fx.ids.ann}/review`, { decision: 'approve', part: 'bottom-line' });
  expect(approved.body.bottomLine).toMatchObject({ state: 'approved', meetingText: 'I will no longer pay your rent' });
  expect(approved.body.letter.state).toBe('none');
});

test('issue 10, case 5: modules: the answer is never sent; a wrong answer explains, the right one marks it done', async () => {
  const { ann } = await preparedCase(h.server.url);
  const modules = await ann.get('/api/prepare/modules');
  expect(modules.body.modules).toHaveLength(6);
  expect(JSON.stringify(modules.body)).not.toMatch(/"answer"|"explanation"/);
  const wrong = await ann.post('/api/prepare/modules/health-condition/done', { answer: 'a' });
  expect(wrong.status).toBe(409);
  expect(wrong.body.error.code).toBe('CHECK_NOT_PASSED');
  expect((await ann.post('/api/prepare/modules/no-such-module/done', { answer: 'a' })).status).toBe(404);
  expect((await ann.post('/api/prepare/modules/health-condition/done', { answer: 'b' })).body).toMatchObject({ done: true });
  expect((await ann.get('/api/prepare')).body.modules).toEqual({ done: 1, total: 6 });
});

test('issue 10, case 6: drafts and comments are sealed on disk, and the audit keeps ids and actions only', async () => {
  const { fx, ann } = await preparedCase(h.server.url);
  await ann.put('/api/prepare/letter', { text: DRAFT.first });
  await ann.post('/api/prepare/letter/submit');
  await fx.api.post(`/api/cases/${fx.caseId}/letters/${fx.ids.ann}/review`, { decision: 'request-changes', comment: DRAFT.comment });
  const disk = readdirSync(h.server.dataDir).map((f) => readFileSync(join(h.server.dataDir, f)).toString('latin1')).join('\n');
  expect(disk).not.toContain('pelican-crescent');
  expect(disk).not.toContain('tangerine-observatory');
  const audit = await h.server.threshold.services.store.audit.list(null);
  const mine = audit.filter((e) => e.action.startsWith('prepare.'));
  expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['prepare.link.issued', 'prepare.letter.saved', 'prepare.letter.submitted', 'prepare.letter.changes-requested']));
  expect(JSON.stringify(mine)).not.toMatch(/pelican|tangerine|Ann/);
});

test('issue 10, case 14: the meeting\'s tablet shows the approved letter; a draft never reaches it', async () => {
  const { fx, ann } = await preparedCase(h.server.url);
  await ann.put('/api/prepare/letter', { text: DRAFT.second });
  await ann.post('/api/prepare/letter/submit');
  await fx.api.post(`/api/cases/${fx.caseId}/letters/${fx.ids.ann}/review`, { decision: 'approve' });
  // Bob only drafts: nothing of his is approved.
  await new Family(h.server.url, (await prepareLink(fx, fx.ids.bob)).token).put('/api/prepare/letter', { text: DRAFT.bob });
  const bob = (await fx.api.get(`/api/cases/${fx.caseId}/letters`)).body.people.find((p: { participantId: string }) => p.participantId === fx.ids.bob);
  expect(bob.letter.meetingText).toBeNull();
  const meeting = await fx.api.post(`/api/cases/${fx.caseId}/meetings`, {});
  expect(meeting.status).toBe(201);
  expect(meeting.body.withoutApprovedLetter).toEqual([fx.ids.bob, fx.ids.cy]);
  const links = meeting.body.links.participants as Array<{ participantId: string; token: string }>;
  const tablet = await h.open({ token: links.find((l) => l.participantId === fx.ids.ann)!.token });
  expect((tablet.view as ParticipantView).letter).toBe(DRAFT.second);
  const bobTablet = await h.open({ token: links.find((l) => l.participantId === fx.ids.bob)!.token });
  expect((bobTablet.view as ParticipantView).letter).toBeNull();
});
