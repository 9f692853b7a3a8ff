// Issue 13, item 7: a meeting link's QR code can be shown again without
// revoking anything. The token is kept sealed by the vault (never as itself on
// disk), only the owning facilitator can see it again, and it is forgotten once
// the link is revoked or the meeting closes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { Api, Client, createFixture, startServer, type Fixture } from '../helpers/server.js';
import { Harness, secondFacilitator } from './support.js';

const h = new Harness();
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  await h.start();
  fx = await createFixture(h.server.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await h.close();
});

const showPath = (linkId: string, meetingId = fx.meetingId) => `/api/meetings/${meetingId}/links/${linkId}`;
const annLink = () => fx.links.participants.find((l) => l.participantId === fx.ids.ann)!;

test('issue 13, item 7, case 1: the owner sees the same link again, and the tablet on it stays connected', async () => {
  const tablet = await Client.open(h.server.url, { token: annLink().token });
  clients.push(tablet);
  let dropped = false;
  tablet.socket.once('disconnect', () => (dropped = true));

  const res = await fx.api.get(showPath(annLink().id));
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ id: annLink().id, kind: 'participant', participantId: fx.ids.ann, url: annLink().url });
  expect((await fx.api.get(showPath(fx.links.display.id))).body.url).toBe(fx.links.display.url);
  // Cy is remote: his link still opens the remote page.
  const cy = fx.links.participants.find((l) => l.participantId === fx.ids.cy)!;
  expect((await fx.api.get(showPath(cy.id))).body.url).toBe(cy.url);

  const listed = await fx.api.get(`/api/meetings/${fx.meetingId}`);
  expect(listed.body.links.every((l: { showAgain: boolean }) => l.showAgain)).toBe(true);
  const audit = await fx.api.get(`/api/meetings/${fx.meetingId}/audit`);
  expect(JSON.stringify(audit.body)).toContain('link.shown');
  expect(JSON.stringify(audit.body)).not.toContain(annLink().token);
  expect(dropped).toBe(false);
});

test('issue 13, item 7, case 2: another facilitator, or nobody signed in, learns nothing', async () => {
  const eli = await secondFacilitator(h.server);
  expect((await eli.get(showPath(annLink().id))).status).toBe(404);
  expect((await new Api(h.server.url).get(showPath(annLink().id))).status).toBe(401);
  expect((await fx.api.get(showPath('nope'))).status).toBe(404);
  // A link of the facilitator's own other meeting, asked under this one, is not found either.
  const other = await createFixture(h.server.url, { api: fx.api });
  expect((await fx.api.get(showPath(other.links.display.id))).status).toBe(404);
});

test('issue 13, item 7, case 3: a token is sealed on disk, never written as itself', async () => {
  const store = h.server.threshold.services.store as SqliteStore;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const files = ['threshold.sqlite', 'threshold.sqlite-wal'].map((f) => {
    try {
      return readFileSync(join(h.server.dataDir, f)).toString('latin1');
    } catch {
      return '';
    }
  });
  const sealed = store.db.prepare('SELECT token_sealed FROM links WHERE id = ?').get(annLink().id) as { token_sealed: string };
  expect(sealed.token_sealed).toBeTruthy();
  for (const file of files) expect(file).not.toContain(annLink().token);
  expect(files[0]).toContain(sealed.token_sealed);
});

test('issue 13, item 7, case 4: a revoked or reissued link is gone for good, and its reissue can be shown again', async () => {
  const bob = fx.links.participants.find((l) => l.participantId === fx.ids.bob)!;
  expect((await fx.api.delete(showPath(bob.id))).status).toBe(204);
  const revoked = await fx.api.get(showPath(bob.id));
  expect(revoked.status).toBe(410);
  expect(revoked.body.error?.code ?? revoked.body.code).toBe('LINK_REVOKED');
  const store = h.server.threshold.services.store as SqliteStore;
  expect(store.db.prepare('SELECT token_sealed FROM links WHERE id = ?').get(bob.id)).toEqual({ token_sealed: null });

  const fresh = await fx.api.post(`${showPath(fx.links.remote.id)}/reissue`);
  expect(fresh.status).toBe(201);
  expect((await fx.api.get(showPath(fx.links.remote.id))).status).toBe(410);
  expect((await fx.api.get(showPath(fresh.body.id))).body.url).toBe(fresh.body.url);
});

test('issue 13, item 7, case 5: when the meeting closes, every kept token is forgotten', async () => {
  const facilitator = await Client.open(h.server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  clients.push(facilitator);
  expect(await facilitator.send({ type: 'meeting.end', outcome: 'deferred', decideBy: '2099-12-01' })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'meeting.close' })).toMatchObject({ ok: true });
  const closed = await fx.api.get(showPath(fx.links.display.id));
  expect(closed.status).toBe(410);
  const store = h.server.threshold.services.store as SqliteStore;
  const kept = store.db.prepare('SELECT COUNT(*) AS n FROM links WHERE meeting_id = ? AND token_sealed IS NOT NULL').get(fx.meetingId);
  expect(kept).toEqual({ n: 0 });
  // Another meeting's links are untouched.
  const others = store.db.prepare('SELECT COUNT(*) AS n FROM links WHERE meeting_id <> ? AND token_sealed IS NOT NULL').get(fx.meetingId) as { n: number };
  expect(others.n).toBeGreaterThan(0);
  const listed = await fx.api.get(`/api/meetings/${fx.meetingId}`);
  expect(listed.body.links.some((l: { showAgain: boolean }) => l.showAgain)).toBe(false);
});

test('issue 13, item 7, case 6: a link past LINK_MAX_AGE_HOURS is not shown again, as the handshake would refuse it', async () => {
  let now = Date.now();
  const aged = await startServer({ LINK_MAX_AGE_HOURS: '1' }, undefined, () => now);
  try {
    const own = await createFixture(aged.url);
    const path = `/api/meetings/${own.meetingId}/links/${own.links.display.id}`;
    expect((await own.api.get(path)).status).toBe(200);
    now += 2 * 3_600_000;
    // The session has gone idle in those two hours too: sign in again.
    expect((await own.api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
    const expired = await own.api.get(path);
    expect(expired.status).toBe(410);
    expect(JSON.stringify(expired.body)).toContain('LINK_EXPIRED');
    // …and the console is not offered the button for it.
    const listed = await own.api.get(`/api/meetings/${own.meetingId}`);
    expect(listed.body.links.some((l: { showAgain: boolean }) => l.showAgain)).toBe(false);
  } finally {
    await aged.close();
  }
});
