// Issue 9: every case-file route needs the facilitator's session (401
// without it) and answers another facilitator's case, participant or
// objection exactly like one that does not exist (404), before reading or
// writing anything.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Api } from '../helpers/server.js';
import { calmAssessment, caseFixture, type CaseFixture } from './case-support.js';
import { Harness, secondFacilitator } from './support.js';

const h = new Harness();
let fx: CaseFixture;
let objectionId: string;

beforeAll(async () => {
  await h.start();
  fx = await caseFixture(h.server.url);
  objectionId = (await fx.api.post(`/api/cases/${fx.caseId}/objections`, { objection: 'I can stop on my own', responderId: fx.ids.ann, response: 'r' })).body.objectionId;
});
afterAll(() => h.close());

/** Every case-file route with a body its owner would send. */
function routes(): Array<[string, string, unknown]> {
  const c = `/api/cases/${fx.caseId}`;
  return [
    ['GET', `${c}/stage`, undefined],
    ['POST', `${c}/stage`, { to: 'cancelled', reason: 'unreachable' }],
    ['GET', `${c}/assessment`, undefined],
    ['PUT', `${c}/assessment`, calmAssessment()],
    ['GET', `${c}/screenings`, undefined],
    ['POST', `${c}/screenings`, { instrument: 'gad-7', respondent: { participantId: fx.ids.ann }, answers: [0, 0, 0, 0, 0, 0, 0] }],
    ['GET', `${c}/plan`, undefined],
    ['PUT', `${c}/approach`, { approach: 'arise' }],
    ['PATCH', `${c}/participants/${fx.ids.bob}`, { roles: ['chair'] }],
    ['PUT', `${c}/team/order`, { participantIds: Object.values(fx.ids) }],
    ['GET', `${c}/objections`, undefined],
    ['POST', `${c}/objections`, { objection: 'Not now', responderId: fx.ids.bob, response: 'r' }],
    ['PATCH', `${c}/objections/${objectionId}`, { response: 'changed' }],
    ['PUT', `${c}/readiness/crisis-plan`, { state: 'done' }],
    ['DELETE', `${c}/readiness/crisis-plan`, undefined],
    ['DELETE', `${c}/objections/${objectionId}`, undefined],
    ['DELETE', `${c}/participants/${fx.ids.dee}`, undefined],
  ];
}

test('issue 9, case 25: the case file answers 401 without a session and 404 to another facilitator, and changes nothing', async () => {
  const eli = await secondFacilitator(h.server, 'eli-matrix@example.org');
  const before = await fx.api.get(`/api/cases/${fx.caseId}/plan`);
  for (const [method, path, body] of routes()) {
    const anonymous = await new Api(h.server.url).request(method, path, body);
    expect({ method, path, status: anonymous.status }).toEqual({ method, path, status: 401 });
    const other = await eli.request(method, path, body);
    expect({ method, path, status: other.status, code: other.body?.error?.code }).toEqual({ method, path, status: 404, code: 'NOT_FOUND' });
  }
  expect((await fx.api.get(`/api/cases/${fx.caseId}/plan`)).body).toEqual(before.body);
  expect((await fx.api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('intake');
});

test('issue 9, case 26: the owner gets each route\'s answer', async () => {
  const expected = [200, 200, 200, 200, 200, 201, 200, 200, 200, 200, 200, 201, 200, 200, 200, 204, 204];
  const got: number[] = [];
  for (const [method, path, body] of routes()) got.push((await fx.api.request(method, path, body)).status);
  expect(got).toEqual(expected);
});
