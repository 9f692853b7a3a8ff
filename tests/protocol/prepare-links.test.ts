// Issue 10, sections 1 and 5: preparation links. Hashed, revoked on reissue
// and on DELETE, expired after LINK_MAX_AGE_HOURS or when the case closes; a
// token reads only its own person's things (anyone else's: 404); saves are
// rate-limited per token.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashToken } from '../../server/security/secrets.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { caseFixture } from './case-support.js';
import { startServer } from '../helpers/server.js';
import { Harness, secondFacilitator } from './support.js';
import { DRAFT, Family, prepareLink, preparedCase } from './prepare-support.js';

let now = Date.UTC(2026, 5, 1, 9);
const h = new Harness();
beforeAll(async () => {
  // A clock the tests move, for the links' expiry and the save budget's minute.
  h.server = await startServer({ LINK_MAX_AGE_HOURS: '48' }, undefined, () => now);
});
afterAll(() => h.close());

test('issue 10, case 7: a link is made once, shown once, stored hashed, and carried in the fragment', async () => {
  const fx = await caseFixture(h.server.url);
  const made = await prepareLink(fx, fx.ids.ann);
  expect(made.url).toBe(`http://threshold.test/prepare#token=${made.token}`);
  const store = h.server.threshold.services.store as SqliteStore;
  const row = store.db.prepare('SELECT token_hash FROM prepare_links WHERE id = ?').get(made.id) as { token_hash: string };
  expect(row.token_hash).toBe(hashToken(made.token));
  expect(JSON.stringify(store.db.prepare('SELECT * FROM prepare_links').all())).not.toContain(made.token);
});

test('issue 10, case 8: reissuing revokes the old link; DELETE revokes the new one', async () => {
  const fx = await caseFixture(h.server.url);
  const first = new Family(h.server.url, (await prepareLink(fx, fx.ids.ann)).token);
  expect((await first.get('/api/prepare')).status).toBe(200);
  const second = new Family(h.server.url, (await prepareLink(fx, fx.ids.ann)).token);
  expect((await first.get('/api/prepare')).status).toBe(401);
  expect((await second.get('/api/prepare')).status).toBe(200);
  expect((await fx.api.delete(`/api/cases/${fx.caseId}/participants/${fx.ids.ann}/prepare-link`)).status).toBe(204);
  const gone = await second.get('/api/prepare');
  expect(gone.status).toBe(401);
  expect(gone.body.error.code).toBe('UNAUTHENTICATED');
});

test('issue 10, case 9: a link expires after LINK_MAX_AGE_HOURS, and when the case is cancelled', async () => {
  const fx = await caseFixture(h.server.url);
  const ann = new Family(h.server.url, (await prepareLink(fx, fx.ids.ann)).token);
  const bob = new Family(h.server.url, (await prepareLink(fx, fx.ids.bob)).token);
  now += 47 * 3_600_000;
  expect((await ann.get('/api/prepare')).status).toBe(200);
  now += 3_600_000;
  expect((await ann.get('/api/prepare')).status).toBe(401);
  now -= 48 * 3_600_000;
  expect((await bob.get('/api/prepare')).status).toBe(200);
  expect((await fx.api.post(`/api/cases/${fx.caseId}/stage`, { to: 'cancelled', reason: 'unreachable' })).status).toBe(200);
  expect((await bob.get('/api/prepare')).status).toBe(401);
  expect((await fx.api.post(`/api/cases/${fx.caseId}/participants/${fx.ids.bob}/prepare-link`)).status).toBe(409);
});

test('issue 10, case 10: a token reads only its own person\'s things; anyone else\'s is a 404', async () => {
  const { fx, ann, bob } = await preparedCase(h.server.url);
  await bob.put('/api/prepare/letter', { text: DRAFT.bob });
  await ann.put('/api/prepare/letter', { text: DRAFT.first });
  expect((await ann.get('/api/prepare/letter')).body.text).toBe(DRAFT.first);
  expect(JSON.stringify((await ann.get('/api/prepare')).body)).not.toContain('velvet-horizon');
  for (const path of [`/api/prepare/letter/${fx.ids.bob}`, `/api/prepare/letters/${fx.ids.bob}`, `/api/prepare/${fx.ids.bob}/letter`]) {
    const res = await ann.get(path);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('velvet-horizon');
  }
  // The token opens nothing of the interventionist's: no cookie, no case file.
  expect((await ann.get(`/api/cases/${fx.caseId}/letters`)).status).toBe(401);
  expect((await ann.get(`/api/cases/${fx.caseId}/letters/${fx.ids.bob}/versions`)).status).toBe(401);
  // Another facilitator cannot issue a link for, or read, this case's people.
  const eli = await secondFacilitator(h.server);
  expect((await eli.post(`/api/cases/${fx.caseId}/participants/${fx.ids.ann}/prepare-link`)).status).toBe(404);
  expect((await eli.get(`/api/cases/${fx.caseId}/letters`)).status).toBe(404);
  // No token, or a malformed one.
  expect((await new Family(h.server.url, 'not a token').get('/api/prepare')).status).toBe(401);
  expect((await fetch(`${h.server.url}/api/prepare/letter`)).status).toBe(401);
});

test('issue 10, case 11: what the page gets on load: first names and relationships of the team, the person\'s part in words', async () => {
  const { ann } = await preparedCase(h.server.url);
  const page = await ann.get('/api/prepare');
  expect(page.body).toMatchObject({
    participant: { firstName: 'Ann', relationship: 'family' },
    roles: ['chair'],
    speaksAt: 1,
    speakers: 3,
    approach: { name: 'love-first', usesBottomLines: true },
    letter: { state: 'draft' },
    bottomLine: { state: 'draft' },
    modules: { done: 0, total: 6 },
    readingWordsPerMinute: 130,
    longLetterSeconds: 180,
  });
  expect(page.body.roleWords[0]).toBe('You read first');
  expect(page.body.team).toEqual([
    { firstName: 'Ann', relationship: 'family', you: true },
    { firstName: 'Bob', relationship: 'family', you: false },
    { firstName: 'Cy', relationship: 'family', you: false },
    { firstName: 'Dee', relationship: 'family', you: false },
  ]);
  expect(JSON.stringify(page.body)).not.toMatch(/Sam|letter"\s*:\s*"|assessment/);
});

test('issue 10, case 12: saves are limited per token, and one person\'s limit does not touch another\'s', async () => {
  const { ann, bob } = await preparedCase(h.server.url);
  for (let i = 0; i < 30; i++) expect((await ann.put('/api/prepare/letter', { text: `save ${i}` })).status).toBe(200);
  const limited = await ann.put('/api/prepare/letter', { text: 'one too many' });
  expect(limited.status).toBe(429);
  expect(limited.body.error.code).toBe('RATE_LIMITED');
  expect((await bob.put('/api/prepare/letter', { text: 'Bob is fine' })).status).toBe(200);
  expect((await ann.get('/api/prepare/letter')).status).toBe(200);
  now += 61_000;
  expect((await ann.put('/api/prepare/letter', { text: 'after a minute' })).status).toBe(200);
});

test('issue 10, case 16: removing a person from the case removes their preparation, and their link stops', async () => {
  const { fx, ann } = await preparedCase(h.server.url);
  await ann.put('/api/prepare/letter', { text: DRAFT.first });
  await ann.post('/api/prepare/modules/safety/done', { answer: 'a' });
  expect((await fx.api.delete(`/api/cases/${fx.caseId}/participants/${fx.ids.ann}`)).status).toBe(204);
  expect((await ann.get('/api/prepare')).status).toBe(401);
  const store = h.server.threshold.services.store as SqliteStore;
  for (const table of ['prepare_links', 'module_progress', 'letters', 'letter_versions', 'letter_comments']) {
    expect(store.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE participant_id = ?`).get(fx.ids.ann)).toEqual({ n: 0 });
  }
});
