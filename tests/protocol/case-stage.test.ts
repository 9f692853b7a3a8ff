// Issue 9, section 1: the case's stages over HTTP, each guard through the
// route (409 NOT_ALLOWED naming what is missing), the history and the audit
// (ids and stage names only), and cancellation with its reason and note.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { Api } from '../helpers/server.js';
import { assignRoles, calmAssessment, caseFixture, move, patch, put, SECRET, type CaseFixture } from './case-support.js';
import { Harness, secondFacilitator } from './support.js';

const h = new Harness();
let url: string;
let api: Api;

beforeAll(async () => {
  url = (await h.start()).url;
  api = (await caseFixture(url)).api;
});
afterAll(() => h.close());

const fresh = () => caseFixture(url, api);

/** Brings a case to `planning` with a calm assessment (and `extra` in it). */
async function toPlanning(fx: CaseFixture, extra: Record<string, unknown> = {}) {
  expect((await put(fx.api, `/api/cases/${fx.caseId}/assessment`, calmAssessment(extra))).status).toBe(200);
  expect((await move(fx, 'assessment')).status).toBe(200);
  expect((await move(fx, 'planning')).status).toBe(200);
}

test('issue 9, case 1: a new case is at intake, and the lists and the case carry its stage', async () => {
  const fx = await fresh();
  const list = await api.get('/api/cases');
  expect(list.body.cases.find((c: { id: string }) => c.id === fx.caseId).stage).toBe('intake');
  expect((await api.get(`/api/cases/${fx.caseId}`)).body.stage).toBe('intake');
  const stage = await api.get(`/api/cases/${fx.caseId}/stage`);
  expect(stage.body).toMatchObject({ stage: 'intake', next: 'assessment', canCancel: true, history: [], cancellation: null });
  expect(stage.body.missing[0]).toMatch(/who first called/);
});

test('issue 9, case 2: intake → assessment needs who first called; the move is kept with time and author, and audited with stage names', async () => {
  const fx = await fresh();
  const refused = await move(fx, 'assessment');
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('NOT_ALLOWED');
  expect(refused.body.error.missing).toEqual([expect.stringMatching(/^Intake: note who first called/)]);
  expect(refused.body.error.message).toMatch(/who first called/);

  await put(api, `/api/cases/${fx.caseId}/assessment`, { lovedOne: { firstCaller: 'Ann', firstCallerRelationship: 'sister' } });
  const moved = await move(fx, 'assessment');
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ stage: 'assessment', next: 'planning', history: [{ from: 'intake', to: 'assessment', by: expect.any(String), at: expect.any(Number) }] });
  expect((await api.get(`/api/cases/${fx.caseId}`)).body.stage).toBe('assessment');

  const store = h.server.threshold.services.store as SqliteStore;
  const entry = (await store.audit.list(null)).filter((a) => a.action === 'case.stage' && a.subjectId === fx.caseId);
  expect(entry.map((a) => a.detail)).toEqual([{ from: 'intake', to: 'assessment' }]);
  expect(entry[0]!.actorId).toBe(moved.body.history[0].by);
});

test('issue 9, case 3: assessment → planning needs a substance, every safety question and the suicidality question', async () => {
  const fx = await fresh();
  await put(api, `/api/cases/${fx.caseId}/assessment`, { lovedOne: { firstCaller: 'Ann', firstCallerRelationship: 'sister' }, safety: { violenceHistory: false } });
  await move(fx, 'assessment');
  const refused = await move(fx, 'planning');
  expect(refused.status).toBe(409);
  expect(refused.body.error.missing).toEqual([
    expect.stringMatching(/^Assessment: note at least one substance/),
    expect.stringMatching(/^Safety screen: answer yes or no for/),
    expect.stringMatching(/^Mental health: answer the question about thoughts of suicide/),
  ]);
  await put(api, `/api/cases/${fx.caseId}/assessment`, calmAssessment());
  expect((await move(fx, 'planning')).body.stage).toBe('planning');
});

test('issue 9, case 4: a case moves one stage at a time', async () => {
  const fx = await fresh();
  await toPlanning(fx);
  const skip = await move(fx, 'ready');
  expect(skip.status).toBe(409);
  expect(skip.body.error.message).toBe('A case moves one stage at a time: after planning comes preparation');
});

test('issue 9, case 5: planning → preparation: a cautioned approach needs its reason, and the team its roles to fit', async () => {
  const fx = await fresh();
  // Violence history: love-first (the case's approach) is cautioned.
  await toPlanning(fx, { safety: { ...calmAssessment().safety, violenceHistory: true } });
  const refused = await move(fx, 'preparation');
  expect(refused.status).toBe(409);
  expect(refused.body.error.missing).toEqual([expect.stringMatching(/^Approach: Love First is cautioned for this case/)]);

  const chosen = await put(api, `/api/cases/${fx.caseId}/approach`, { approach: 'love-first', reason: SECRET.approachReason });
  expect(chosen.body).toEqual({ approach: 'love-first', approachReason: SECRET.approachReason });
  // Two closers: a team problem the guard names.
  await patch(api, `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`, { roles: ['closer'] });
  await patch(api, `/api/cases/${fx.caseId}/participants/${fx.ids.bob}`, { roles: ['closer'] });
  const twoClosers = await move(fx, 'preparation');
  expect(twoClosers.body.error.missing).toEqual(['Team: Only one person can read last: choose one closer']);
  await patch(api, `/api/cases/${fx.caseId}/participants/${fx.ids.bob}`, { roles: [] });
  expect((await move(fx, 'preparation')).body.stage).toBe('preparation');
});

test('issue 9, case 6: preparation → ready needs every readiness item done or waived with a reason', async () => {
  const fx = await fresh();
  await toPlanning(fx, { safety: { ...calmAssessment().safety, violenceHistory: true } });
  await put(api, `/api/cases/${fx.caseId}/approach`, { approach: 'invitational' });
  expect((await move(fx, 'preparation')).status).toBe(200);

  const refused = await move(fx, 'ready');
  expect(refused.status).toBe(409);
  const items = refused.body.error.missing.map((m: string) => /^Readiness, ([a-z0-9-]+):/.exec(m)?.[1]);
  // Issue 10 adds family-educated (nobody has done the modules yet); the letters were typed, so they count as approved.
  // Issue 11 adds the treatment logistics: no place, backup or journey is planned yet.
  expect(items).toEqual([
    'chair-and-closer-assigned', 'walk-out-follower-assigned', 'family-educated',
    'treatment-place-confirmed', 'backup-place-identified', 'transport-planned', 'safety-plan',
  ]);

  await assignRoles(fx);
  expect((await put(api, `/api/cases/${fx.caseId}/readiness/family-educated`, { state: 'waived', reason: 'taught in person' })).status).toBe(200);
  for (const item of ['treatment-place-confirmed', 'backup-place-identified', 'transport-planned']) {
    expect((await put(api, `/api/cases/${fx.caseId}/readiness/${item}`, { state: 'waived', reason: 'the family arranges it' })).status).toBe(200);
  }
  const waived = await put(api, `/api/cases/${fx.caseId}/readiness/safety-plan`, { state: 'waived', reason: SECRET.waiver });
  expect(waived.status).toBe(200);
  expect(waived.body.readiness.find((r: { item: string }) => r.item === 'safety-plan')).toEqual({ item: 'safety-plan', done: false, waived: true, detail: `Waived: ${SECRET.waiver}` });
  const ready = await move(fx, 'ready');
  expect(ready.status).toBe(200);
  expect(ready.body.stage).toBe('ready');
  expect(ready.body.history.map((c: { to: string }) => c.to)).toEqual(['assessment', 'planning', 'preparation', 'ready']);
});

test('issue 9, case 7: a case is cancelled with its reason and note; the note stays out of the audit; a cancelled case no longer moves', async () => {
  const fx = await fresh();
  const noNote = await move(fx, 'cancelled', { reason: 'other' });
  expect(noNote.status).toBe(400);
  expect(noNote.body.error.message).toMatch(/^note:/);

  const cancelled = await move(fx, 'cancelled', { reason: 'person-sought-help-first', note: SECRET.cancelNote });
  expect(cancelled.status).toBe(200);
  expect(cancelled.body).toMatchObject({
    stage: 'cancelled', next: null, canCancel: false,
    cancellation: { reason: 'person-sought-help-first', note: SECRET.cancelNote, from: 'intake' },
  });
  const again = await move(fx, 'assessment');
  expect(again.status).toBe(409);
  expect(again.body.error.message).toBe('The case was cancelled; its stage cannot change');

  const store = h.server.threshold.services.store as SqliteStore;
  const entries = (await store.audit.list(null)).filter((a) => a.subjectId === fx.caseId && a.action === 'case.stage');
  expect(entries.map((a) => a.detail)).toEqual([{ from: 'intake', to: 'cancelled' }]);
  expect(JSON.stringify(await store.audit.list(null))).not.toContain('thistle-orchard');
  // The stage survives a read through the stored snapshot.
  expect((await api.get(`/api/cases/${fx.caseId}/stage`)).body.cancellation.note).toBe(SECRET.cancelNote);
});

test('issue 9, case 8: two moves decided against the same stage: one lands, the other is refused, the history holds one', async () => {
  const fx = await fresh();
  await put(api, `/api/cases/${fx.caseId}/assessment`, calmAssessment());
  const both = await Promise.all([move(fx, 'assessment'), move(fx, 'assessment')]);
  expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  expect((await api.get(`/api/cases/${fx.caseId}/stage`)).body.history).toHaveLength(1);
});

test('issue 9, case 9: stage bodies are strict, and another facilitator or no session gets nothing', async () => {
  const fx = await fresh();
  for (const [body, field] of [[{ to: 'nowhere' }, /^to:/], [{ to: 'assessment', note: 'x' }, /note/], [{ to: 'cancelled', reason: 'bored' }, /reason/]] as const) {
    const res = await api.post(`/api/cases/${fx.caseId}/stage`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(field);
  }
  const eli = await secondFacilitator(h.server);
  for (const path of ['stage', 'assessment', 'plan', 'screenings', 'objections']) {
    expect((await eli.get(`/api/cases/${fx.caseId}/${path}`)).status).toBe(404);
    expect((await new Api(url).get(`/api/cases/${fx.caseId}/${path}`)).status).toBe(401);
  }
  expect((await eli.post(`/api/cases/${fx.caseId}/stage`, { to: 'assessment' })).status).toBe(404);
  expect((await put(eli, `/api/cases/${fx.caseId}/readiness/safety-plan`, { state: 'done' })).status).toBe(404);
});

test('issue 9, case 27: a stage snapshot from another machine version is rebuilt from the stage events, and the case moves on from there', async () => {
  const fx = await fresh();
  await put(api, `/api/cases/${fx.caseId}/assessment`, calmAssessment());
  await move(fx, 'assessment');
  // As if an older release had stored this move's snapshot: the store keeps the event, the snapshot does not restore.
  const store = h.server.threshold.services.store as SqliteStore;
  const event = { type: 'stage.move' as const, to: 'planning' as const, at: Date.now(), by: { actorId: 'f-old', role: 'facilitator' as const } };
  expect(await store.caseFiles.recordStage(fx.caseId, 'assessment', 'planning', event, { machineVersion: 0, state: {} })).toBe(true);
  const rebuilt = (await api.get(`/api/cases/${fx.caseId}/stage`)).body;
  expect(rebuilt.stage).toBe('planning');
  expect(rebuilt.history.map((c: { from: string; to: string; by: string }) => [c.from, c.to])).toEqual([['intake', 'assessment'], ['assessment', 'planning']]);
  expect(rebuilt.history[1].by).toBe('f-old');
  await put(api, `/api/cases/${fx.caseId}/approach`, { approach: 'invitational' });
  expect((await move(fx, 'preparation')).body.history).toHaveLength(3);
});
