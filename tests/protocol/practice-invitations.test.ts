// Issue 16: invitations (one-time, expiring, hashed), accounts the admin
// manages, password resets and changes, and the audit entries they leave.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashToken } from '../../server/security/secrets.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { INVITATION_HOURS } from '../../shared/practice.js';
import { Api, startServer, type Running } from '../helpers/server.js';
import { admin, colleague, invite, tokenIn } from './practice-support.js';
import { PASSWORD } from './support.js';

let now = Date.parse('2026-03-02T09:00:00Z');
let server: Running;
let dana: Api;

beforeAll(async () => {
  // A clock the test moves, for expiry.
  server = await startServer({}, undefined, () => now);
  dana = await admin(server.url);
});
afterAll(() => server.close());

test('issue 16: the admin invites, the colleague joins from the link signed in, and the link works once', async () => {
  const made = await dana.post('/api/invitations', { email: 'Eli@Example.org', role: 'interventionist' });
  expect(made.status).toBe(201);
  expect(made.body.url).toMatch(/^http:\/\/threshold\.test\/join-practice#token=[A-Za-z0-9_-]{32}$/);
  // Only the token's hash is stored.
  const raw = (server.threshold.services.store as SqliteStore).db.prepare('SELECT token_hash FROM invitations WHERE id = ?').get(made.body.id) as { token_hash: string };
  expect(raw.token_hash).toBe(hashToken(tokenIn(made.body.url)));
  expect(JSON.stringify((server.threshold.services.store as SqliteStore).db.prepare('SELECT * FROM invitations').all())).not.toContain(tokenIn(made.body.url));

  const eli = new Api(server.url);
  const joined = await eli.post('/api/invitations/accept', { token: tokenIn(made.body.url), name: 'Eli', password: PASSWORD });
  expect(joined.status).toBe(201);
  expect(joined.body).toEqual({ id: expect.any(String), name: 'Eli', email: 'eli@example.org', role: 'interventionist' });
  expect(joined.setCookie).toMatch(/threshold_session=.*HttpOnly.*SameSite=Strict/i);
  expect((await eli.get('/api/me')).body).toMatchObject({ id: joined.body.id, role: 'interventionist' });

  // Reuse: refused, whoever tries.
  const again = await new Api(server.url).post('/api/invitations/accept', { token: tokenIn(made.body.url), name: 'Mallory', password: PASSWORD });
  expect([again.status, again.body.error.code]).toEqual([410, 'GONE']);
  expect((await dana.get('/api/invitations')).body.invitations.find((i: { id: string }) => i.id === made.body.id).status).toBe('used');
});

test('issue 16: an invitation expires after INVITATION_HOURS; a revoked one is refused; an unknown token reads the same', async () => {
  const late = await invite(dana, 'late@example.org');
  now += INVITATION_HOURS * 3_600_000 - 1;
  // Three days on, the admin's session is long over: they sign in again.
  expect((await dana.post('/api/login', { email: 'dana@example.org', password: PASSWORD })).status).toBe(200);
  const revoked = await invite(dana, 'revoked@example.org');
  expect((await dana.delete(`/api/invitations/${revoked.id}`)).status).toBe(204);
  expect((await dana.delete(`/api/invitations/${revoked.id}`)).status).toBe(409);
  now += 1;
  const accept = (token: string) => new Api(server.url).post('/api/invitations/accept', { token, name: 'Someone', password: PASSWORD });
  for (const token of [late.token, revoked.token, 'not-a-token']) {
    const answer = await accept(token);
    expect([answer.status, answer.body.error.code]).toEqual([410, 'GONE']);
  }
  const listed = (await dana.get('/api/invitations')).body.invitations as Array<{ id: string; status: string }>;
  expect(listed.find((i) => i.id === late.id)?.status).toBe('expired');
  expect(listed.find((i) => i.id === revoked.id)?.status).toBe('revoked');
  // Expiry is strict: the revoked one's twin made at the same time still works until its own end.
  const fresh = await invite(dana, 'fresh@example.org');
  expect((await accept(fresh.token)).status).toBe(201);
});

test('issue 16: only the admin manages accounts and invitations; the practice keeps an admin', async () => {
  const eli = await colleague(dana, 'Eli Two', 'eli2@example.org');
  expect((await eli.api.post('/api/invitations', { email: 'x@example.org', role: 'admin' })).status).toBe(403);
  expect((await eli.api.get('/api/accounts')).status).toBe(403);
  expect((await new Api(server.url).get('/api/accounts')).status).toBe(401);
  const accounts = (await dana.get('/api/accounts')).body.accounts as Array<{ id: string; role: string; active: boolean; email: string }>;
  const danaAccount = accounts.find((a) => a.email === 'dana@example.org')!;
  expect(danaAccount).toMatchObject({ role: 'admin', active: true });
  expect(accounts.find((a) => a.id === eli.id)).toMatchObject({ role: 'interventionist', active: true });
  expect(JSON.stringify(accounts)).not.toMatch(/scrypt|password/i);
  // The last admin cannot be deactivated or demoted.
  const danaId = danaAccount.id;
  expect((await dana.request('PATCH', `/api/accounts/${danaId}`, { active: false })).body.error.code).toBe('LAST_ADMIN');
  expect((await dana.request('PATCH', `/api/accounts/${danaId}`, { role: 'interventionist' })).body.error.code).toBe('LAST_ADMIN');
  // An address already in the practice cannot be invited again.
  expect((await dana.post('/api/invitations', { email: 'ELI2@example.org', role: 'interventionist' })).status).toBe(409);
});

test('issue 16: a reset link sets a new password once and signs the account out everywhere; changing one\'s own password keeps this session only', async () => {
  const eli = await colleague(dana, 'Eli Three', 'eli3@example.org');
  const reset = await dana.post(`/api/accounts/${eli.id}/reset`, {});
  expect(reset.status).toBe(201);
  expect(reset.body.url).toMatch(/\/join-practice#reset=/);
  const holder = new Api(server.url);
  const done = await holder.post('/api/invitations/accept', { token: tokenIn(reset.body.url), password: 'a brand new secret' });
  expect(done.status).toBe(201);
  expect((await eli.api.get('/api/me')).status).toBe(401);
  expect((await new Api(server.url).post('/api/login', { email: 'eli3@example.org', password: PASSWORD })).status).toBe(401);
  expect((await holder.post('/api/invitations/accept', { token: tokenIn(reset.body.url), password: 'another new secret' })).status).toBe(410);

  const other = new Api(server.url);
  expect((await other.post('/api/login', { email: 'eli3@example.org', password: 'a brand new secret' })).status).toBe(200);
  expect((await holder.post('/api/me/password', { currentPassword: 'wrong wrong', newPassword: 'third secret here' })).status).toBe(401);
  expect((await holder.post('/api/me/password', { currentPassword: 'a brand new secret', newPassword: 'third secret here' })).status).toBe(204);
  expect((await holder.get('/api/me')).status).toBe(200);
  expect((await other.get('/api/me')).status).toBe(401);
});

test('issue 16: every account change is in the account chain, with ids and roles only', async () => {
  // A server of its own: the tests above used up this address's ten accepts a minute.
  const own = await startServer();
  const accountChain = () => own.threshold.services.store.audit.list(null);
  const dana = await admin(own.url);
  const before = (await accountChain()).length;
  const eli = await colleague(dana, 'Eli Four', 'eli4@example.org');
  const danaId = (await dana.get('/api/me')).body.id;
  await dana.request('PATCH', `/api/accounts/${eli.id}`, { role: 'admin' });
  await dana.request('PATCH', `/api/accounts/${eli.id}`, { active: false });
  await dana.request('PATCH', `/api/accounts/${eli.id}`, { active: true });
  const pending = await invite(dana, 'later@example.org');
  await dana.delete(`/api/invitations/${pending.id}`);
  const entries = (await accountChain()).slice(before).map(({ actorId, action, subjectId, detail }) => ({ actorId, action, subjectId, detail }));
  expect(entries).toEqual([
    { actorId: danaId, action: 'invitation.created', subjectId: expect.any(String), detail: { role: 'interventionist' } },
    { actorId: eli.id, action: 'account.created', subjectId: expect.any(String), detail: { role: 'interventionist', invitedBy: danaId } },
    { actorId: danaId, action: 'account.role.changed', subjectId: eli.id, detail: { from: 'interventionist', to: 'admin' } },
    { actorId: danaId, action: 'account.deactivated', subjectId: eli.id, detail: null },
    { actorId: danaId, action: 'account.reactivated', subjectId: eli.id, detail: null },
    { actorId: danaId, action: 'invitation.created', subjectId: pending.id, detail: { role: 'interventionist' } },
    { actorId: danaId, action: 'invitation.revoked', subjectId: pending.id, detail: null },
  ]);
  expect(JSON.stringify(await accountChain())).not.toMatch(/@example\.org|Eli Four/);
  await own.close();
});
