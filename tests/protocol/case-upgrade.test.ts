// Issue 9, storage: a database made before the case file (the release
// fixture, tests/fixtures/v1-release) opens under migration 004 without loss.
// Its case stands at intake, its people take part with no role in the order
// they were added, their names and letters read back, and the case file's
// routes work on it at once: roles, an objection, a move, a meeting from the plan.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Api, PRIVATE, startServer, type Running } from '../helpers/server.js';
import { calmAssessment, patch, put } from './case-support.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/v1-release');
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8'));

let dir: string;
let server: Running;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'threshold-case-upgrade-'));
  cpSync(FIXTURE, dir, { recursive: true });
  // Ten minutes after the fixture's pause: its session and links are still valid then.
  server = await startServer({ THRESHOLD_KEY: expected.key }, dir, () => expected.pausedAt + 600_000);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('issue 9, case 24: a case from before the case file stands at intake with its people whole, and its file can be worked on', async () => {
  const api = new Api(server.url);
  expect((await api.post('/api/login', { email: expected.email, password: expected.password })).status).toBe(200);
  const { ann, bob, cy } = expected.ids as Record<string, string>;

  expect((await api.get('/api/cases')).body.cases).toEqual([expect.objectContaining({ id: expected.caseId, stage: 'intake', lovedOneName: 'Lovedone-Fixture' })]);
  const kase = (await api.get(`/api/cases/${expected.caseId}`)).body;
  expect(kase.stage).toBe('intake');
  expect(kase.participants.map((p: { id: string; roles: string[]; inMeeting: boolean }) => [p.id, p.roles, p.inMeeting])).toEqual([[ann, [], true], [bob, [], true], [cy, [], true]]);
  expect(kase.participants[0]).toMatchObject({ name: 'Annabel-Fixture', letter: PRIVATE.annLetter });
  expect(kase.meetings.map((m: { id: string }) => m.id)).toEqual([expected.meetingId]);
  expect((await api.get(`/api/cases/${expected.caseId}/assessment`)).body).toEqual({ assessment: {}, updatedAt: null });

  const plan = (await api.get(`/api/cases/${expected.caseId}/plan`)).body;
  expect(plan.team.map((m: { participantId: string }) => m.participantId)).toEqual([ann, bob, cy]);
  expect(plan.safety.flags).toEqual([]);

  expect((await patch(api, `/api/cases/${expected.caseId}/participants/${ann}`, { roles: ['closer'] })).status).toBe(200);
  expect((await api.post(`/api/cases/${expected.caseId}/objections`, { objection: 'I can stop on my own', responderId: bob, response: 'You tried in March' })).status).toBe(201);
  expect((await put(api, `/api/cases/${expected.caseId}/assessment`, calmAssessment())).status).toBe(200);
  expect((await api.post(`/api/cases/${expected.caseId}/stage`, { to: 'assessment' })).body.stage).toBe('assessment');
  // The case already has a meeting: its people stay.
  expect((await api.delete(`/api/cases/${expected.caseId}/participants/${cy}`)).status).toBe(409);

  const meeting = await api.post(`/api/cases/${expected.caseId}/meetings`, {});
  expect(meeting.status).toBe(201);
  const order = (await server.threshold.services.store.meetings.get(meeting.body.id))!.input.speakingOrder;
  expect(order).toEqual([bob, cy, ann]);
  // The meeting made by the release carries on untouched.
  expect((await api.get(`/api/meetings/${expected.meetingId}`)).body).toMatchObject({ phase: expected.phase, revision: expected.revision });
});
