// Issue 11, section 3: consents under 42 CFR Part 2 over a real server. Every
// §2.31 element is required (a missing one is a 400 naming it); the signing
// token is one-time, stored hashed, and opens nothing but its own form; a
// revocation keeps its date; forms and signatures are sealed on disk.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONSENT_ACKNOWLEDGEMENTS, CONSENT_ELEMENTS, CONSENT_STATEMENTS, CONSENT_STATEMENTS_ES } from '../../shared/case/consent.js';
import { hashToken } from '../../server/security/secrets.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { startServer } from '../helpers/server.js';
import { caseFixture, type CaseFixture } from './case-support.js';
import { CONSENT_SECRET, completeForm, signing, tokenOfUrl } from './after-yes-support.js';
import { Family, prepareLink } from './prepare-support.js';
import { Harness, secondFacilitator } from './support.js';

let now = Date.UTC(2026, 10, 30, 9);
const h = new Harness();
beforeAll(async () => {
  // A clock the tests move, for the signing link's 24 hours.
  h.server = await startServer({}, undefined, () => now);
});
afterAll(() => h.close());

/** A new consent on the case; its id, url and the Family client that holds its token. */
async function made(fx: CaseFixture, form = completeForm()) {
  const res = await fx.api.post(`/api/cases/${fx.caseId}/consents`, form);
  expect(res.status).toBe(201);
  const token = tokenOfUrl(res.body.url);
  return { id: res.body.id as string, url: res.body.url as string, token, signer: new Family(h.server.url, token) };
}

test('issue 11, case 3.5: each missing §2.31 element is a 400 that names it; a complete form is 201 {id, url}', async () => {
  const fx = await caseFixture(h.server.url);
  for (const element of CONSENT_ELEMENTS) {
    const form = completeForm();
    delete form[element];
    const res = await fx.api.post(`/api/cases/${fx.caseId}/consents`, form);
    expect(res.status, element).toBe(400);
    expect(res.body.error.code).toBe('CONSENT_INCOMPLETE');
    expect(res.body.error.missing).toEqual([element]);
    expect(res.body.error.message).toMatch(/§2\.31\(a\)\(\d\)/);
  }
  // Present but empty counts as missing: the issue's own example, a blank purpose.
  const blank = await fx.api.post(`/api/cases/${fx.caseId}/consents`, { ...completeForm(), purpose: '  ', recipients: [] });
  expect(blank.body.error.missing).toEqual(['recipients', 'purpose']);
  expect(blank.body.error.message).toMatch(/the purpose \(§2\.31\(a\)\(5\)\)/);

  const { id, url, token } = await made(fx);
  expect(url).toBe(`http://threshold.test/consent#token=${token}`);
  const store = h.server.threshold.services.store as SqliteStore;
  const row = store.db.prepare('SELECT token_hash FROM consents WHERE id = ?').get(id) as { token_hash: string };
  expect(row.token_hash).toBe(hashToken(token));
  expect(JSON.stringify(store.db.prepare('SELECT * FROM consents').all())).not.toContain(token);
});

test('issue 11, case 3.6: the signer reads the form with the statements, must sign and acknowledge, and signs once', async () => {
  const fx = await caseFixture(h.server.url);
  const { id, signer } = await made(fx);
  const read = await signer.get('/api/consent');
  expect(read.status).toBe(200);
  expect(read.body.form).toMatchObject({ patientName: CONSENT_SECRET.patient, purpose: expect.any(String) });
  expect(read.body.form.statements.notConditioned).toMatch(/do not depend on whether you sign/);
  expect(read.body.form.statements.rightToRevoke).toMatch(/in writing.*cannot undo/s);

  for (const [field, body] of [
    ['signature', signing({ signature: { typedName: ' ', drawing: null } })],
    ['rightToRevoke', signing({ rightToRevoke: { acknowledged: false } })],
    ['notConditioned', signing({ notConditioned: undefined })],
  ] as const) {
    const res = await signer.post('/api/consent/sign', body);
    expect(res.status, field).toBe(400);
    expect(res.body.error.missing).toEqual([field]);
  }
  const notPng = await signer.post('/api/consent/sign', signing({ signature: { typedName: 'Sam', drawing: 'data:image/svg+xml;base64,AAAA' } }));
  expect(notPng.status).toBe(400);

  const drawing = `data:image/png;base64,${Buffer.from('a drawn signature, pixels').toString('base64')}`;
  const representative = { name: 'Ann Quartz', authority: 'health care proxy' };
  const signed = await signer.post('/api/consent/sign', signing({ signature: { typedName: CONSENT_SECRET.typedName, drawing }, representative }));
  expect(signed.status).toBe(200);
  expect(signed.body.signedAt).toBe(now);

  // The token is spent: neither reading nor signing again.
  const reuse = await signer.post('/api/consent/sign', signing());
  expect(reuse.status).toBe(410);
  expect(reuse.body.error.code).toBe('CONSENT_SIGNED');
  expect((await signer.get('/api/consent')).status).toBe(410);

  const list = await fx.api.get(`/api/cases/${fx.caseId}/consents`);
  expect(list.body.consents).toHaveLength(1);
  expect(list.body.consents[0]).toMatchObject({
    id, status: 'signed', signedAt: now, revokedAt: null,
    signature: { typedName: CONSENT_SECRET.typedName, drawing, representative, signedAt: now },
  });
  expect(JSON.stringify(list.body)).not.toContain(tokenOfUrl(`http://x/#token=${signer.token}`) + '"');
});

test('issue 11, case 3.7: token isolation: a consent token opens only its own form, and no other credential opens it', async () => {
  const fx = await caseFixture(h.server.url);
  const first = await made(fx);
  const second = await made(fx, { ...completeForm(), purpose: 'Second-form-purpose-amber' });
  expect((await first.signer.get('/api/consent')).body.form.purpose).not.toMatch(/amber/);
  expect((await second.signer.get('/api/consent')).body.form.purpose).toMatch(/amber/);
  // Signing one leaves the other unsigned.
  expect((await first.signer.post('/api/consent/sign', signing())).status).toBe(200);
  expect((await second.signer.get('/api/consent')).status).toBe(200);

  // A consent token is no preparation link, no session, no meeting credential.
  expect((await second.signer.get('/api/prepare')).status).toBe(401);
  expect((await fetch(`${h.server.url}/api/cases/${fx.caseId}/consents`, { headers: { authorization: `Bearer ${second.token}` } })).status).toBe(401);
  const refused = await h.refused({ token: second.token });
  expect(refused.data?.code).toBeDefined();
  // And a preparation link's token, the facilitator's cookie alone, or nothing at all, opens no consent.
  const prep = new Family(h.server.url, (await prepareLink(fx, fx.ids.ann)).token);
  expect((await prep.get('/api/consent')).status).toBe(401);
  const withCookie = await fetch(`${h.server.url}/api/consent`, { headers: { cookie: fx.api.cookie! } });
  expect(withCookie.status).toBe(401);
  expect((await fetch(`${h.server.url}/api/consent`)).status).toBe(401);
  // Another facilitator neither lists nor revokes this case's consents.
  const eli = await secondFacilitator(h.server);
  expect((await eli.get(`/api/cases/${fx.caseId}/consents`)).status).toBe(404);
  expect((await eli.post(`/api/cases/${fx.caseId}/consents/${second.id}/revoke`, {})).status).toBe(404);
  // A consent of another case is not found under this one.
  const other = await caseFixture(h.server.url, fx.api);
  expect((await fx.api.post(`/api/cases/${other.caseId}/consents/${second.id}/revoke`, {})).status).toBe(404);
});

test('issue 11, case 3.8: revocation is recorded with its date, once; the signing link dies with it and after 24 hours', async () => {
  const fx = await caseFixture(h.server.url);
  const signedOne = await made(fx);
  expect((await signedOne.signer.post('/api/consent/sign', signing())).status).toBe(200);
  const lettered = now - 1;
  now += 60_000;
  const future = await fx.api.post(`/api/cases/${fx.caseId}/consents/${signedOne.id}/revoke`, { revokedAt: now + 60_000 });
  expect(future.status).toBe(400);
  const revoked = await fx.api.post(`/api/cases/${fx.caseId}/consents/${signedOne.id}/revoke`, { revokedAt: lettered + 1 });
  expect(revoked.status).toBe(200);
  expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: lettered + 1, revocationRecordedAt: now });
  const twice = await fx.api.post(`/api/cases/${fx.caseId}/consents/${signedOne.id}/revoke`, {});
  expect(twice.status).toBe(409);
  expect((await fx.api.get(`/api/cases/${fx.caseId}/consents`)).body.consents[0].revokedAt).toBe(lettered + 1);

  // An unsigned form withdrawn: its link opens nothing.
  const unsigned = await made(fx);
  expect((await fx.api.post(`/api/cases/${fx.caseId}/consents/${unsigned.id}/revoke`, {})).status).toBe(200);
  expect((await unsigned.signer.get('/api/consent')).status).toBe(401);

  // A link left unsigned for 24 hours expires.
  const late = await made(fx);
  now += 24 * 3_600_000 - 1;
  expect((await late.signer.get('/api/consent')).status).toBe(200);
  now += 1;
  expect((await late.signer.post('/api/consent/sign', signing())).status).toBe(401);
  // The facilitator's session idled out meanwhile: sign in again to read the list.
  const again = await caseFixture(h.server.url);
  const listed = (await again.api.get(`/api/cases/${fx.caseId}/consents`)).body.consents as Array<{ id: string; status: string }>;
  expect(listed.find((c) => c.id === late.id)!.status).toBe('link-expired');
});

test('issue 11, case 3.9: forms and signatures are sealed on disk', async () => {
  const fx = await caseFixture(h.server.url);
  const { signer } = await made(fx);
  expect((await signer.post('/api/consent/sign', signing({ representative: { name: 'Representative-Obsidian-Lark', authority: 'guardian' } }))).status).toBe(200);
  const store = h.server.threshold.services.store as SqliteStore;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const rows = JSON.stringify(store.db.prepare('SELECT * FROM consents').all());
  for (const secret of [...Object.values(CONSENT_SECRET), 'Representative-Obsidian-Lark', 'Juniper', 'discharge from treatment']) {
    expect(rows).not.toContain(secret);
  }
  const { readFileSync } = await import('node:fs');
  const file = readFileSync(store.db.name);
  for (const secret of [CONSENT_SECRET.patient, CONSENT_SECRET.program, 'Representative-Obsidian-Lark']) expect(file.includes(secret)).toBe(false);
});

test('issue 15, consent case 1: the form comes with its terms in English and Spanish, and a Spanish signing keeps the Spanish it read', async () => {
  const fx = await caseFixture(h.server.url);
  const { id, signer } = await made(fx);
  const read = await signer.get('/api/consent');
  expect(read.body.terms.en).toEqual({ statements: read.body.form.statements, acknowledgements: CONSENT_ACKNOWLEDGEMENTS.en });
  expect(read.body.terms.es).toEqual({ statements: CONSENT_STATEMENTS_ES, acknowledgements: CONSENT_ACKNOWLEDGEMENTS.es });
  expect(read.body.terms.es.statements.notConditioned).toMatch(/no dependen de que usted firme/);

  expect((await signer.post('/api/consent/sign', signing({ language: 'fr' }))).status).toBe(400);
  expect((await signer.post('/api/consent/sign', signing({ language: 'es' }))).status).toBe(200);
  const signed = (await fx.api.get(`/api/cases/${fx.caseId}/consents`)).body.consents.find((c: { id: string }) => c.id === id);
  expect(signed.signature).toMatchObject({ language: 'es', terms: read.body.terms.es });
  // The form's own (English) statements are unchanged: the record has both, and says which was read.
  expect(signed.form.statements).toEqual(CONSENT_STATEMENTS);
});

test('issue 15, consent case 2: a signing that names no language is English and keeps the English it read', async () => {
  const fx = await caseFixture(h.server.url);
  const { id, signer } = await made(fx);
  expect((await signer.post('/api/consent/sign', signing())).status).toBe(200);
  const signed = (await fx.api.get(`/api/cases/${fx.caseId}/consents`)).body.consents.find((c: { id: string }) => c.id === id);
  expect(signed.signature).toMatchObject({ language: 'en', terms: { statements: CONSENT_STATEMENTS, acknowledgements: CONSENT_ACKNOWLEDGEMENTS.en } });
});
