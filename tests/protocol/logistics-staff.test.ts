// Found in a newcomer's trial (issue 11 × issue 16): a co-facilitator on a case
// saw its planned place as blank and could not save the logistics ("not one of
// your facilities"), though the offer waits on exactly those fields. A case's
// places are chosen from its owner's facilities, whoever on its staff saves them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, type Api, type Fixture } from '../helpers/server.js';
import { admin, colleague } from './practice-support.js';
import { Harness } from './support.js';

const h = new Harness();
let owner: Api;
let eli: Api;
let fx: Fixture;
let facilityId: string;

beforeAll(async () => {
  await h.start();
  owner = await admin(h.server.url);
  fx = await createFixture(h.server.url, { api: owner });
  const added = await colleague(owner, 'Eli', 'eli@example.org');
  eli = added.api;
  expect((await owner.post(`/api/cases/${fx.caseId}/staff`, { accountId: added.id })).status).toBe(201);
  facilityId = (await owner.post('/api/facilities', { name: 'Harbor House', levelsOfCare: ['residential'] })).body.id;
});
afterAll(() => h.close());

const place = (insurance: string) => ({
  primary: { facilityId, levelOfCare: 'residential', bed: { status: 'held', heldUntil: null }, insurance: { status: insurance, notes: '' }, admission: { at: Date.now() + 86_400_000 }, intakeRequirements: [] },
});

test('a co-facilitator sees the case\'s facilities and saves its place from them', async () => {
  expect((await owner.request('PUT', `/api/cases/${fx.caseId}/logistics`, place('pending'))).status).toBe(200);
  const seen = await eli.get(`/api/cases/${fx.caseId}/logistics`);
  expect(seen.status).toBe(200);
  expect(seen.body.facilities.map((f: { name: string }) => f.name)).toEqual(['Harbor House']);
  expect(seen.body.logistics.primary.facilityId).toBe(facilityId);
  // Eli has no facilities of his own, and still confirms the insurance the offer waits for.
  expect((await eli.get('/api/facilities')).body.facilities).toEqual([]);
  const saved = await eli.request('PUT', `/api/cases/${fx.caseId}/logistics`, place('verified'));
  expect(saved.status).toBe(200);
  expect(saved.body.place).toMatchObject({ ready: true, missing: [] });
});

test('a facility of the co-facilitator\'s own is not one of the case\'s', async () => {
  const own = (await eli.post('/api/facilities', { name: 'Eli House', levelsOfCare: ['residential'] })).body.id;
  const refused = await eli.request('PUT', `/api/cases/${fx.caseId}/logistics`, { primary: { ...place('verified').primary, facilityId: own } });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe("primary.facilityId: not one of the case's facilities (its owner's list)");
});
