// Issue 9, section 5 over HTTP: editing and removing participants, roles and
// `inMeeting`, the team's order, objections, and the meeting a plan starts
// (the closer last, support left out, objections and walk-out followers in
// its input, each responder's texts carrying their objections).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { Api } from '../helpers/server.js';
import { assignRoles, caseFixture, patch, put, SECRET } from './case-support.js';
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
const store = () => h.server.threshold.services.store as SqliteStore;

test('issue 9, case 17: PATCH changes a participant\'s fields, roles and inMeeting; the case lists them', async () => {
  const fx = await fresh();
  const res = await patch(api, `/api/cases/${fx.caseId}/participants/${fx.ids.cy}`, {
    name: 'Cyrus', attendance: 'in-room', letter: null, roles: ['closer', 'objection-responder'], inMeeting: true,
  });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ id: fx.ids.cy, name: 'Cyrus', relationship: 'family', attendance: 'in-room', letter: null, bottomLine: null, roles: ['closer', 'objection-responder'], inMeeting: true,
    // Issue 15: the answer names the language of their screens too (English unless set).
    language: 'en' });
  await patch(api, `/api/cases/${fx.caseId}/participants/${fx.ids.dee}`, { inMeeting: false });
  const people = (await api.get(`/api/cases/${fx.caseId}`)).body.participants;
  expect(people.find((p: { id: string }) => p.id === fx.ids.dee)).toMatchObject({ roles: [], inMeeting: false, name: 'Dee' });
});

test('issue 9, case 18: PATCH refuses closer with support, unknown fields and roles, and another case\'s people', async () => {
  const fx = await fresh();
  const other = await fresh();
  const bad: Array<[unknown, RegExp]> = [
    [{ roles: ['closer', 'support'] }, /^roles: The closer reads a letter/],
    [{ roles: ['chair', 'chair'] }, /^roles:/],
    [{ roles: ['bouncer'] }, /^roles\.0:/],
    [{ inMeeting: 'yes' }, /^inMeeting:/],
    [{ diagnosis: 'x' }, /unknown field "diagnosis"/],
  ];
  for (const [body, message] of bad) {
    const res = await patch(api, `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  }
  expect((await patch(api, `/api/cases/${fx.caseId}/participants/${other.ids.ann}`, { name: 'X' })).status).toBe(404);
  const eli = await secondFacilitator(h.server, 'eli-team@example.org');
  expect((await patch(eli, `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`, { name: 'X' })).status).toBe(404);
  expect((await api.get(`/api/cases/${fx.caseId}`)).body.participants[0].name).toBe('Ann');
});

test('issue 9, case 19: the team order is every participant once; the plan and the case follow it', async () => {
  const fx = await fresh();
  const order = [fx.ids.dee, fx.ids.cy, fx.ids.ann, fx.ids.bob];
  const bad: Array<[string[], RegExp]> = [
    [[fx.ids.dee, fx.ids.cy, fx.ids.ann], /^participantIds: list all 4/],
    [[fx.ids.dee, fx.ids.dee, fx.ids.ann, fx.ids.bob], /^participantIds: each participant may appear only once/],
    [[fx.ids.dee, fx.ids.cy, fx.ids.ann, 'stranger'], /^participantIds\.3: not a participant of this case/],
  ];
  for (const [participantIds, message] of bad) {
    const res = await put(api, `/api/cases/${fx.caseId}/team/order`, { participantIds });
    expect([res.status, res.body.error.message]).toEqual([400, expect.stringMatching(message)]);
  }
  expect((await put(api, `/api/cases/${fx.caseId}/team/order`, { participantIds: order })).body).toEqual({ participantIds: order });
  expect((await api.get(`/api/cases/${fx.caseId}`)).body.participants.map((p: { id: string }) => p.id)).toEqual(order);
  expect((await api.get(`/api/cases/${fx.caseId}/plan`)).body.team.map((m: { participantId: string }) => m.participantId)).toEqual(order);
});

test('issue 9, case 20: objections are added, changed, listed and removed; a responder must be of this case', async () => {
  const fx = await fresh();
  const created = await api.post(`/api/cases/${fx.caseId}/objections`, { objection: SECRET.objection, responderId: fx.ids.bob, response: SECRET.response });
  expect(created.status).toBe(201);
  const { objectionId } = created.body;
  expect(created.body).toEqual({ objectionId, objection: SECRET.objection, responderId: fx.ids.bob, response: SECRET.response });
  const changed = await patch(api, `/api/cases/${fx.caseId}/objections/${objectionId}`, { responderId: fx.ids.ann });
  expect(changed.body).toMatchObject({ responderId: fx.ids.ann, response: SECRET.response });
  expect((await api.get(`/api/cases/${fx.caseId}/objections`)).body.objections).toEqual([changed.body]);
  expect((await api.get(`/api/cases/${fx.caseId}/plan`)).body.objections).toEqual([{ ...changed.body, responderInMeeting: true }]);

  const stranger = await api.post(`/api/cases/${fx.caseId}/objections`, { objection: 'I can stop on my own', responderId: 'nobody', response: '' });
  expect([stranger.status, stranger.body.error.message]).toEqual([400, 'responderId: not a participant of this case']);
  const empty = await api.post(`/api/cases/${fx.caseId}/objections`, { objection: ' ', responderId: fx.ids.ann, response: '' });
  expect([empty.status, empty.body.error.message]).toEqual([400, expect.stringMatching(/^objection:/)]);
  const other = await fresh();
  expect((await patch(api, `/api/cases/${other.caseId}/objections/${objectionId}`, { response: 'x' })).status).toBe(404);

  expect((await api.delete(`/api/cases/${fx.caseId}/objections/${objectionId}`)).status).toBe(204);
  expect((await api.get(`/api/cases/${fx.caseId}/objections`)).body.objections).toEqual([]);
  expect((await api.delete(`/api/cases/${fx.caseId}/objections/${objectionId}`)).status).toBe(404);
});

test('issue 9, case 21: a participant is removed before the first meeting; not while answering an objection; not after a meeting', async () => {
  const fx = await fresh();
  const objection = await api.post(`/api/cases/${fx.caseId}/objections`, { objection: 'I can\'t afford it', responderId: fx.ids.dee, response: 'Insurance covers it' });
  const busy = await api.delete(`/api/cases/${fx.caseId}/participants/${fx.ids.dee}`);
  expect([busy.status, busy.body.error.code]).toEqual([409, 'NOT_ALLOWED']);
  await api.delete(`/api/cases/${fx.caseId}/objections/${objection.body.objectionId}`);
  const family = { dynamics: SECRET.dynamics, participants: [{ participantId: fx.ids.dee, influence: 'strained' }, { participantId: fx.ids.ann, influence: 'high' }] };
  await put(api, `/api/cases/${fx.caseId}/assessment`, { family });
  expect((await api.delete(`/api/cases/${fx.caseId}/participants/${fx.ids.dee}`)).status).toBe(204);
  // Their family notes went with them, so the document saved back whole is still accepted.
  const kept = (await api.get(`/api/cases/${fx.caseId}/assessment`)).body.assessment;
  expect(kept).toEqual({ family: { dynamics: SECRET.dynamics, participants: [{ participantId: fx.ids.ann, influence: 'high' }] } });
  expect((await put(api, `/api/cases/${fx.caseId}/assessment`, kept)).status).toBe(200);
  expect((await api.get(`/api/cases/${fx.caseId}`)).body.participants.map((p: { id: string }) => p.id)).toEqual([fx.ids.ann, fx.ids.bob, fx.ids.cy]);
  expect((await api.delete(`/api/cases/${fx.caseId}/participants/${fx.ids.dee}`)).status).toBe(404);

  expect((await api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann] })).status).toBe(201);
  const late = await api.delete(`/api/cases/${fx.caseId}/participants/${fx.ids.bob}`);
  expect([late.status, late.body.error.code]).toEqual([409, 'NOT_ALLOWED']);
  expect(late.body.error.message).toMatch(/has a meeting/);
});

test('issue 9, case 22: a meeting without speakingOrder follows the plan: the closer last, support and those not taking part left out', async () => {
  const fx = await fresh();
  await assignRoles(fx); // Ann chair, Bob walk-out follower and responder, Cy closer, Dee support
  await put(api, `/api/cases/${fx.caseId}/team/order`, { participantIds: [fx.ids.cy, fx.ids.dee, fx.ids.bob, fx.ids.ann] });
  const extra = await api.post(`/api/cases/${fx.caseId}/participants`, { name: 'Eve', relationship: 'friend', attendance: 'in-room' });
  await patch(api, `/api/cases/${fx.caseId}/participants/${extra.body.id}`, { inMeeting: false });
  const objection = await api.post(`/api/cases/${fx.caseId}/objections`, { objection: SECRET.objection, responderId: fx.ids.bob, response: SECRET.response });
  const notThere = await api.post(`/api/cases/${fx.caseId}/objections`, { objection: 'Not now, after the holidays', responderId: extra.body.id, response: 'Eve-response' });

  const created = await api.post(`/api/cases/${fx.caseId}/meetings`, {});
  expect(created.status).toBe(201);
  // Eve takes no part: no link for her.
  expect(created.body.links.participants.map((l: { participantId: string }) => l.participantId).sort()).toEqual([fx.ids.ann, fx.ids.bob, fx.ids.cy, fx.ids.dee].sort());
  const meeting = (await store().meetings.get(created.body.id))!;
  expect(meeting.input.speakingOrder).toEqual([fx.ids.bob, fx.ids.ann, fx.ids.cy]);
  expect(meeting.input.members.map((m) => m.participantId)).not.toContain(extra.body.id);
  const input = meeting.input as typeof meeting.input & { objections: unknown; walkOutFollowers: unknown };
  expect(input.objections).toEqual([{ objectionId: objection.body.objectionId, responderId: fx.ids.bob }]);
  expect(input.walkOutFollowers).toEqual([fx.ids.bob]);

  const texts = await store().cases.listMeetingTexts(created.body.id, fx.caseId);
  expect(texts.get(fx.ids.bob)).toMatchObject({ objections: [{ objectionId: objection.body.objectionId, objection: SECRET.objection, response: SECRET.response }] });
  expect(texts.get(fx.ids.ann)).not.toHaveProperty('objections');
  expect(texts.get(extra.body.id)).toMatchObject({ objections: [{ objectionId: notThere.body.objectionId }] });

  const unplaced = await api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [extra.body.id] });
  expect([unplaced.status, unplaced.body.error.message]).toEqual([400, expect.stringMatching(/taking part in the meeting/)]);
});

test('issue 9, case 23: a plan in which nobody speaks starts no meeting without an order', async () => {
  const fx = await fresh();
  for (const id of Object.values(fx.ids)) await patch(api, `/api/cases/${fx.caseId}/participants/${id}`, { roles: ['support'] });
  const res = await api.post(`/api/cases/${fx.caseId}/meetings`, {});
  expect([res.status, res.body.error.code]).toEqual([409, 'NOT_ALLOWED']);
});
