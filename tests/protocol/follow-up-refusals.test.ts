// A newcomer's second trial, findings 3 and 4 of the follow-ups, over a real
// server: a refusal on the calendar label or a follow-up's time reached the
// console as the validator's own text ("label: Too big: expected string to have
// <=40 characters", two lines of zod for {dueAt: 1e20}), and a call could be
// moved to 2020, years before the meeting's outcome, without a word.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AfterCareServer, DAY, PRACTICE_ZONE } from './after-care-support.js';
import { patch, put } from './case-support.js';
import type { Fixture } from '../helpers/server.js';

// 21:47 in Chicago on 31 August 2026 (02:47 UTC on 1 September).
const ENDED = Date.UTC(2026, 8, 1, 2, 47);
const h = new AfterCareServer();
let fx: Fixture;
let firstCall: { id: string; dueAt: number };
beforeAll(async () => {
  await h.start();
  h.now = ENDED;
  fx = await h.fixture();
  await h.endMeeting(fx, 'declined');
  firstCall = (await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps[0];
});
afterAll(() => h.close());

const zodWords = /Too big|Too small|expected|Invalid input|<=|>=/;

test('trial 2 finding 3, case 1: a 41-character calendar label is refused in the label\'s own words', async () => {
  const res = await put(fx.api, `/api/cases/${fx.caseId}/calendar-label`, { label: 'x'.repeat(41) });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toBe('The label is too long: at most 40 characters (it has 41).');
  expect(res.body.error.message).not.toMatch(zodWords);
});

test('trial 2 finding 3, case 2: a due time that is no date ({dueAt: 1e20}, a string, a fraction) is "not a real date", once', async () => {
  const path = `/api/cases/${fx.caseId}/follow-ups/${firstCall.id}`;
  for (const dueAt of [1e20, -5, 'tomorrow', 1.5]) {
    const res = await patch(fx.api, path, { dueAt });
    expect({ dueAt, status: res.status, message: res.body.error.message }).toEqual({ dueAt, status: 400, message: 'That date is not a real date.' });
  }
  const added = await fx.api.post(`/api/cases/${fx.caseId}/follow-ups`, { dueAt: 1e20 });
  expect(added.status).toBe(400);
  expect(added.body.error.message).toBe('That date is not a real date.');
  const status = await patch(fx.api, path, { status: 'later' });
  expect(status.status).toBe(400);
  expect(status.body.error.message).not.toMatch(zodWords);
});

test('trial 2 finding 4: a call moved or added before the meeting\'s outcome is refused, naming the outcome\'s time; one after it is kept', async () => {
  const path = `/api/cases/${fx.caseId}/follow-ups/${firstCall.id}`;
  const early = await patch(fx.api, path, { dueAt: Date.UTC(2020, 0, 1) });
  expect(early.status).toBe(400);
  expect(early.body.error).toMatchObject({ code: 'INVALID', field: 'dueAt', reason: 'before_outcome' });
  // The outcome's time as the practice reads it (PRACTICE_TIME_ZONE), not the server's UTC.
  expect(early.body.error.message).toBe(`A call cannot come before the meeting's outcome, recorded 31 August 2026 at 21:47 (${PRACTICE_ZONE}); choose a later day or time.`);
  expect((await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps[0].dueAt).toBe(firstCall.dueAt);
  // A minute before the outcome is still before it; the outcome's own minute is allowed.
  expect((await patch(fx.api, path, { dueAt: ENDED - 60_000 })).status).toBe(400);
  expect((await fx.api.post(`/api/cases/${fx.caseId}/follow-ups`, { dueAt: ENDED - DAY })).status).toBe(400);
  expect((await patch(fx.api, path, { dueAt: ENDED })).body.dueAt).toBe(ENDED);
  expect((await fx.api.post(`/api/cases/${fx.caseId}/follow-ups`, { dueAt: ENDED + DAY })).status).toBe(201);
  // Marking a call needs no time, so an old call is marked as before.
  expect((await patch(fx.api, path, { status: 'done' })).body.status).toBe('done');
});
