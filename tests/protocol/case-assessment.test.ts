// Issue 9, sections 2, 3 and 4 over HTTP: the assessment document, scored
// screenings, and the plan whose safety flags and readiness follow from them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Api } from '../helpers/server.js';
import { calmAssessment, caseFixture, put, SECRET } from './case-support.js';
import { Harness } from './support.js';

const h = new Harness();
let url: string;
let api: Api;

beforeAll(async () => {
  url = (await h.start()).url;
  api = (await caseFixture(url)).api;
});
afterAll(() => h.close());

const fresh = () => caseFixture(url, api);

test('issue 9, case 10: the assessment is empty at first, saved whole by each PUT, and read back', async () => {
  const fx = await fresh();
  expect((await api.get(`/api/cases/${fx.caseId}/assessment`)).body).toEqual({ assessment: {}, updatedAt: null });
  const first = await put(api, `/api/cases/${fx.caseId}/assessment`, { lovedOne: { pronouns: 'he/him', ageYears: 34 } });
  expect(first.status).toBe(200);
  expect(first.body.updatedAt).toEqual(expect.any(Number));
  const whole = calmAssessment({ safety: { ...calmAssessment().safety, notes: SECRET.assessmentNote }, family: { dynamics: SECRET.dynamics, participants: [{ participantId: fx.ids.ann, influence: 'high' }] } });
  await put(api, `/api/cases/${fx.caseId}/assessment`, whole);
  // A PUT replaces the document: the age of the first PUT is gone.
  expect((await api.get(`/api/cases/${fx.caseId}/assessment`)).body.assessment).toEqual(whole);
});

test('issue 9, case 11: an assessment that does not fit is a 400 naming the field, and nothing is saved', async () => {
  const fx = await fresh();
  const bad: Array<[unknown, RegExp]> = [
    [{ substances: [{ substance: 'alcohol', pattern: 'daily' }, { substance: 'alcohol', pattern: 'hourly' }] }, /^substances\.1\.pattern:/],
    [{ dose: '10 mg' }, /unknown field "dose"/],
    [{ lovedOne: { ageYears: 300 } }, /^lovedOne\.ageYears:/],
    [{ family: { participants: [{ participantId: 'someone-else', influence: 'high' }] } }, /^family\.participants\.0\.participantId: not a participant of this case/],
    [[], /JSON object/],
  ];
  for (const [body, message] of bad) {
    const res = await put(api, `/api/cases/${fx.caseId}/assessment`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID');
    expect(res.body.error.message).toMatch(message);
  }
  expect((await api.get(`/api/cases/${fx.caseId}/assessment`)).body.updatedAt).toBeNull();
});

test('issue 9, case 12: a PHQ-9 with item 9 above 0 is scored, flags self-harm, and the plan gains crisis-plan', async () => {
  const fx = await fresh();
  const res = await api.post(`/api/cases/${fx.caseId}/screenings`, {
    instrument: 'phq-9', respondent: { lovedOne: true, informantId: fx.ids.ann }, answers: [1, 1, 1, 1, 1, 0, 0, 0, 1],
  });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ id: expect.any(String), instrument: 'phq-9', total: 6, band: 'mild', flags: ['self-harm'], basis: 'informant-estimate' });
  const plan = (await api.get(`/api/cases/${fx.caseId}/plan`)).body;
  expect(plan.safety.flags.map((f: { flag: string }) => f.flag)).toEqual(['self-harm']);
  expect(plan.readiness.map((r: { item: string }) => r.item)).toContain('crisis-plan');
  const listed = (await api.get(`/api/cases/${fx.caseId}/screenings`)).body.screenings;
  expect(listed).toEqual([{ ...res.body, answers: [1, 1, 1, 1, 1, 0, 0, 0, 1] }]);
});

test('issue 9, case 13: AUDIT-C with the respondent\'s own answer, and GAD-7 at a band edge', async () => {
  const fx = await fresh();
  const audit = await api.post(`/api/cases/${fx.caseId}/screenings`, { instrument: 'audit-c', respondent: { participantId: fx.ids.bob }, answers: [1, 1, 1], sex: 'female' });
  expect(audit.body).toMatchObject({ total: 3, positive: true, basis: 'self-report' });
  const gad = await api.post(`/api/cases/${fx.caseId}/screenings`, { instrument: 'gad-7', respondent: { participantId: fx.ids.bob }, answers: [3, 3, 3, 3, 3, 0, 0] });
  expect(gad.body).toMatchObject({ total: 15, band: 'severe', flags: [] });
});

test('issue 9, case 14: a screening that does not fit is a 400 naming the item or the field', async () => {
  const fx = await fresh();
  const bad: Array<[unknown, RegExp]> = [
    [{ instrument: 'phq-9', respondent: { participantId: fx.ids.ann }, answers: [0, 0, 0, 0, 0, 0, 0, 0] }, /^answers: PHQ-9 has 9 items; 8 answers were given/],
    [{ instrument: 'gad-7', respondent: { participantId: fx.ids.ann }, answers: [0, 0, 0, 4, 0, 0, 0] }, /^answers\.3: item 4/],
    [{ instrument: 'dast-10', respondent: { participantId: fx.ids.ann }, answers: [] }, /^instrument:/],
    [{ instrument: 'gad-7', respondent: { participantId: 'nobody' }, answers: [0, 0, 0, 0, 0, 0, 0] }, /^respondent\.participantId: not a participant of this case/],
    [{ instrument: 'gad-7', respondent: { lovedOne: true, informantId: 'nobody' }, answers: [0, 0, 0, 0, 0, 0, 0] }, /^respondent\.informantId:/],
    [{ instrument: 'gad-7', respondent: { participantId: fx.ids.ann }, answers: [0, 0, 0, 0, 0, 0, 0], sex: 'female' }, /^sex: only AUDIT-C asks it/],
  ];
  for (const [body, message] of bad) {
    const res = await api.post(`/api/cases/${fx.caseId}/screenings`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  }
  expect((await api.get(`/api/cases/${fx.caseId}/screenings`)).body.screenings).toEqual([]);
});

test('issue 9, case 15: marking violence history cautions a confrontational approach; the plan carries the team in its order and the objections', async () => {
  const fx = await fresh();
  await put(api, `/api/cases/${fx.caseId}/assessment`, calmAssessment({ safety: { ...calmAssessment().safety, violenceHistory: true } }));
  const plan = (await api.get(`/api/cases/${fx.caseId}/plan`)).body;
  expect(plan.stage).toBe('intake');
  expect(plan.approach).toBe('love-first');
  expect(plan.safety.flags.map((f: { flag: string }) => f.flag)).toEqual(['violence-risk']);
  expect(plan.safety.cautions.map((c: { approach: string }) => c.approach).sort()).toEqual(['johnson', 'love-first']);
  expect(plan.safety.recommendedApproaches).not.toContain('love-first');
  expect(plan.readiness.find((r: { item: string }) => r.item === 'approach-chosen')).toMatchObject({ done: false });
  expect(plan.team.map((m: { participantId: string }) => m.participantId)).toEqual([fx.ids.ann, fx.ids.bob, fx.ids.cy, fx.ids.dee]);
  expect(plan.outlook).toMatchObject({ stage: 'intake', next: 'assessment' });
});

test('issue 9, case 16: readiness marks: done for a safety item, plan items only waived, a mark cleared, unknown items refused', async () => {
  const fx = await fresh();
  await put(api, `/api/cases/${fx.caseId}/assessment`, calmAssessment({ safety: { ...calmAssessment().safety, pregnant: true } }));
  const done = await put(api, `/api/cases/${fx.caseId}/readiness/medical-consult`, { state: 'done' });
  expect(done.body.readiness.find((r: { item: string }) => r.item === 'medical-consult')).toMatchObject({ done: true, waived: false });
  const planItem = await put(api, `/api/cases/${fx.caseId}/readiness/approach-chosen`, { state: 'done' });
  expect(planItem.status).toBe(400);
  expect(planItem.body.error.message).toMatch(/^approach-chosen: this item is done when the plan has it/);
  const noReason = await put(api, `/api/cases/${fx.caseId}/readiness/team-of-at-least-3`, { state: 'waived' });
  expect(noReason.body.error.message).toMatch(/reason/);
  const unknown = await put(api, `/api/cases/${fx.caseId}/readiness/bed-booked`, { state: 'done' });
  expect([unknown.status, unknown.body.error.message]).toEqual([400, expect.stringMatching(/^item:/)]);
  const sneaky = await put(api, `/api/cases/${fx.caseId}/readiness/medical-consult`, { state: 'done', item: 'safety-plan' });
  expect(sneaky.status).toBe(400);
  const cleared = await api.request('DELETE', `/api/cases/${fx.caseId}/readiness/medical-consult`);
  expect(cleared.body.readiness.find((r: { item: string }) => r.item === 'medical-consult')).toMatchObject({ done: false, waived: false });
});
