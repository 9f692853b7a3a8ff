// The audit log: who did what and when, readable per meeting by its
// facilitator, append-only, hash-chained so that tampering shows, and free of
// health data.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { Api, Client, createFixture, PRIVATE, startServer, type Fixture, type Running } from '../helpers/server.js';

interface Entry {
  seq: number;
  actor: { role: string; id: string | null };
  action: string;
  subjectId: string | null;
  detail: Record<string, unknown> | null;
}

let dataDir: string;
let server: Running;
let fx: Fixture;
const NOTE = 'Audit-note: relapse after the funeral';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'threshold-audit-'));
  server = await startServer({}, dataDir);
  fx = await createFixture(server.url);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  const cy = await Client.open(server.url, { token: fx.tokenOf(fx.ids.cy) });
  await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1);
  await facilitator.send({ type: 'lobby.admit', participantId: fx.ids.cy });
  await facilitator.send({ type: 'meeting.start' });
  await facilitator.send({ type: 'pause.start', reason: 'outburst' });
  await facilitator.send({ type: 'meeting.end', outcome: 'deferred', note: NOTE, decideBy: '2099-12-01' });
  expect((await fx.api.delete(`/api/meetings/${fx.meetingId}/links/${fx.links.display.id}`)).status).toBe(204);
  await new Api(server.url).post('/api/login', { email: 'dana@example.org', password: 'wrong password here' });
  facilitator.close();
  cy.close();
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the facilitator reads who did what in the meeting, in order, with the chain intact', async () => {
  const res = await fx.api.get(`/api/meetings/${fx.meetingId}/audit`);
  expect(res.status).toBe(200);
  const entries = res.body.entries as Entry[];
  const summary = entries.map((e) => (e.action === 'command' ? `command:${e.detail!.type}` : e.action));
  expect(summary).toEqual([
    'meeting.created',
    ...Array(fx.links.participants.length + 2).fill('link.issued'),
    'command:lobby.admit',
    'command:meeting.start',
    'command:pause.start',
    'command:meeting.end',
    'link.revoked',
  ]);
  const admit = entries.find((e) => e.detail?.type === 'lobby.admit')!;
  expect(admit.subjectId).toBe(fx.ids.cy);
  expect(admit.actor.role).toBe('facilitator');
  expect(entries.filter((e) => e.action === 'command').map((e) => e.detail!.revision)).toEqual([1, 2, 3, 4]);
  expect(entries.at(-1)!.subjectId).toBe(fx.links.display.id);
  expect(res.body.chain).toMatchObject({ intact: true, brokenAt: null });
  // Logins are in the log too, but belong to no meeting: since issue 12, case 18 the check covers this
  // meeting's chain only, so it counts exactly the entries shown.
  expect(res.body.chain.checked).toBe(entries.length);
});

test('the audit log holds no health data, names or tokens', async () => {
  const res = await fx.api.get(`/api/meetings/${fx.meetingId}/audit`);
  const db = new Database(join(dataDir, 'threshold.sqlite'), { readonly: true });
  const raw = JSON.stringify(db.prepare('SELECT * FROM audit').all());
  db.close();
  for (const text of [JSON.stringify(res.body), raw]) {
    for (const secret of [...Object.values(PRIVATE), NOTE, 'outburst', 'deferred', '2099-12-01', 'Ann', 'Cy', 'Sam', 'dana@example.org',
      fx.links.display.token, fx.links.remote.token]) {
      expect(text, `audit contains "${secret}"`).not.toContain(secret);
    }
  }
});

test('another facilitator cannot read it', async () => {
  const stranger = new Api(server.url);
  expect((await stranger.get(`/api/meetings/${fx.meetingId}/audit`)).status).toBe(401);
});

test('entries cannot be changed or removed through SQLite, and a forged change breaks the chain', async () => {
  await server.close();
  const db = new Database(join(dataDir, 'threshold.sqlite'));
  expect(() => db.prepare("UPDATE audit SET action = 'nothing' WHERE seq = 2").run()).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM audit WHERE seq = 2').run()).toThrow(/append-only/);
  // Someone with the file in hand can drop the guard; the chain still tells.
  db.exec('DROP TRIGGER audit_no_update');
  db.prepare("UPDATE audit SET actor_id = 'someone-else' WHERE seq = 3").run();
  db.close();
  server = await startServer({}, dataDir);
  const api = new Api(server.url);
  await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' });
  const res = await api.get(`/api/meetings/${fx.meetingId}/audit`);
  expect(res.body.chain).toMatchObject({ intact: false, brokenAt: 3 });
});
