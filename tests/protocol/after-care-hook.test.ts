// Issue 11, over a real server: a recorded outcome moves the case to
// after-care through the case machine and schedules its follow-ups (exact due
// dates), once only: a second outcome, a restart, a hook that failed and ran
// again at the next start or at closing never make a second schedule.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PRIVATE } from '../helpers/server.js';
import { AfterCareServer, DAY, EXPECTED_DUE, NAMES, T } from './after-care-support.js';

const h = new AfterCareServer();
beforeAll(() => h.start());
afterAll(() => h.close());

test('issue 11, case 1: a declined outcome moves the case to after-care, audited like a stage move, with the follow-ups at their exact due dates', async () => {
  h.now = T;
  const fx = await h.fixture();
  await h.endMeeting(fx, 'declined');
  const stage = await fx.api.get(`/api/cases/${fx.caseId}/stage`);
  expect(stage.body.stage).toBe('after-care');
  expect(stage.body.history).toEqual([{ from: 'intake', to: 'after-care', at: T, by: expect.any(String) }]);
  const audit = (await h.store().audit.list(null)).filter((a) => a.subjectId === fx.caseId && a.action === 'case.stage');
  expect(audit.map((a) => a.detail)).toEqual([{ from: 'intake', to: 'after-care' }]);
  expect(audit[0]!.actorId).toBe(stage.body.history[0].by);
  expect(await h.schedule(fx)).toEqual(EXPECTED_DUE);
  const list = (await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps;
  expect(list.every((f: { status: string; note: unknown; caseId: string }) => f.status === 'due' && f.note === null && f.caseId === fx.caseId)).toBe(true);

  // The plan: Ann's and Bob's bottom lines as commitments (Cy has none), nothing decided yet.
  const plan = await fx.api.get(`/api/cases/${fx.caseId}/next-steps`);
  expect(plan.status).toBe(200);
  expect(plan.body.outcome).toBe('declined');
  expect(plan.body.commitments).toEqual([
    { participantId: fx.ids.ann, name: NAMES.ann, commitment: PRIVATE.annBottomLine, status: 'not-yet', checkIns: [] },
    { participantId: fx.ids.bob, name: NAMES.bob, commitment: PRIVATE.bobBottomLine, status: 'not-yet', checkIns: [] },
  ]);
  expect(plan.body.plan).toMatchObject({ outcome: 'declined', decideBy: null, nextAttempt: { kind: 'undecided' } });
});

test('issue 11, case 2: a deferred outcome keeps its decide-by date; an accepted one gets follow-ups but no next-steps plan; a rehearsal changes nothing', async () => {
  h.now = T;
  const deferred = await h.fixture();
  await h.endMeeting(deferred, 'deferred', { decideBy: '2026-09-10' });
  expect((await deferred.api.get(`/api/cases/${deferred.caseId}/next-steps`)).body.plan.decideBy).toBe('2026-09-10');

  const accepted = await h.fixture(deferred.api);
  await h.endMeeting(accepted, 'accepted');
  expect((await accepted.api.get(`/api/cases/${accepted.caseId}/stage`)).body.stage).toBe('after-care');
  expect(await h.schedule(accepted)).toEqual(EXPECTED_DUE);
  expect((await accepted.api.get(`/api/cases/${accepted.caseId}/next-steps`)).status).toBe(404);

  const practice = await h.fixture(deferred.api);
  const rehearsal = await practice.api.post(`/api/cases/${practice.caseId}/meetings`, { speakingOrder: [practice.ids.ann], rehearsal: true });
  expect(rehearsal.status).toBe(201);
  await h.endMeeting({ ...practice, meetingId: rehearsal.body.id }, 'declined');
  expect((await practice.api.get(`/api/cases/${practice.caseId}/stage`)).body.stage).toBe('intake');
  expect((await practice.api.get(`/api/cases/${practice.caseId}/follow-ups`)).body).toMatchObject({ begun: false, followUps: [] });
});

test('issue 11, case 3: a second outcome and restarts create no second schedule, and an outcome whose hook failed gets its after-care at the next start', async () => {
  h.now = T;
  const fx = await h.fixture();
  // The hook fails this once (the store refuses the after-care row); the outcome itself is stored.
  h.store().db.exec(`CREATE TRIGGER refuse_after_care BEFORE INSERT ON after_care BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
  await h.endMeeting(fx, 'walked-out');
  h.store().db.exec('DROP TRIGGER refuse_after_care');
  expect((await fx.api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('intake');
  expect((await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps).toEqual([]);

  // Restarted a day later: the schedule counts from the outcome, not from the restart.
  h.now = T + DAY;
  await h.restart();
  const api = fx.api;
  await h.signIn(api);
  expect((await api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('after-care');
  expect(await h.schedule(fx)).toEqual(EXPECTED_DUE);

  // Another restart, then a second meeting of the same case records its outcome: still one schedule.
  await h.restart();
  await h.signIn(api);
  const second = await api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann, fx.ids.bob] });
  expect(second.status).toBe(201);
  await h.endMeeting({ ...fx, meetingId: second.body.id }, 'declined');
  expect(await h.schedule(fx)).toEqual(EXPECTED_DUE);
  const history = (await api.get(`/api/cases/${fx.caseId}/stage`)).body.history;
  expect(history).toHaveLength(1);
  expect((await api.get(`/api/cases/${fx.caseId}/next-steps`)).body.outcome).toBe('walked-out');
});

test('issue 11, case 15: an outcome whose hook failed gets its after-care when the meeting is closed (a closed meeting is not restored)', async () => {
  h.now = T;
  const fx = await h.fixture();
  h.store().db.exec(`CREATE TRIGGER refuse_after_care BEFORE INSERT ON after_care BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
  const facilitator = await h.endMeeting(fx, 'declined');
  h.store().db.exec('DROP TRIGGER refuse_after_care');
  expect((await fx.api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('intake');
  expect(await facilitator.send({ type: 'meeting.close' } as never)).toMatchObject({ ok: true });
  expect((await fx.api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('after-care');
  expect(await h.schedule(fx)).toEqual(EXPECTED_DUE);
});
