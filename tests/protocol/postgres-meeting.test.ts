// Issue 17: a server started with DATABASE_URL runs a whole meeting over real
// sockets on PostgreSQL (gathering to closed, with a lobby guest, a pause, a
// decline and an acceptance), keeps it there (a server started afresh on the
// same database restores it), and refuses to share its database with a second
// server, which this release does not support yet.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { TestPostgres } from '../helpers/postgres.js';
import { freePort } from '../helpers/process.js';
import { Api, Client, createFixture, PRIVATE, startServer, type Fixture, type Running } from '../helpers/server.js';

let database: TestPostgres;
let env: Record<string, string>;
let server: Running;
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  database = await TestPostgres.start();
  env = { DATABASE_URL: await database.createDatabase(), THRESHOLD_KEY: randomBytes(32).toString('base64') };
  server = await startServer(env);
  fx = await createFixture(server.url);
}, 90_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  await database?.stop();
});

function open(auth: Record<string, unknown>, cookie?: string) {
  return Client.open(server.url, auth, cookie).then((c) => (clients.push(c), c));
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test('issue 17: a whole meeting runs on PostgreSQL, from gathering to closed', async () => {
  const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await open({ token: fx.tokenOf(fx.ids.ann) });
  const bob = await open({ token: fx.tokenOf(fx.ids.bob) });
  const display = await open({ token: fx.links.display.token });
  expect((ann.view as ParticipantView).letter).toBe(PRIVATE.annLetter);

  const remote = await open({ token: fx.links.remote.token, name: 'Aunt Mayflower-Guest' });
  const inLobby = (await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1)) as FacilitatorView;
  expect(await facilitator.send({ type: 'lobby.admit', participantId: inLobby.lobby[0]!.participantId })).toMatchObject({ ok: true });
  await remote.waitFor((v) => (v as ParticipantView).you.admitted);

  const f = (payload: Record<string, unknown>) => facilitator.send(payload as never);
  for (const type of ['meeting.start', 'turns.begin']) expect(await f({ type })).toMatchObject({ ok: true });
  await ann.waitFor((v) => v.currentSpeakerId === fx.ids.ann);
  expect(await ann.send({ type: 'turn.done' })).toMatchObject({ ok: true });
  await bob.waitFor((v) => v.currentSpeakerId === fx.ids.bob);
  expect(await f({ type: 'pause.start', reason: 'outburst' })).toMatchObject({ ok: true });
  for (const c of [ann, bob, display, remote]) await c.waitFor((v) => v.phase === 'paused');
  expect(await f({ type: 'pause.end' })).toMatchObject({ ok: true });
  for (const payload of [{ type: 'turn.next' }, { type: 'turn.skip' }, { type: 'offer.present' }, { type: 'offer.respond', response: 'declined', note: 'Decline-note-confidential' }]) {
    expect(await f(payload)).toMatchObject({ ok: true });
  }
  expect(await f({ type: 'bottomLines.begin' })).toMatchObject({ ok: true });
  const annBottom = (await ann.waitFor((v) => v.phase === 'bottom-lines')) as ParticipantView;
  expect(annBottom.bottomLine).toBe(PRIVATE.annBottomLine);
  expect(await ann.send({ type: 'turn.done' })).toMatchObject({ ok: true });
  expect(await f({ type: 'turn.next' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.present' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.respond', response: 'accepted' })).toMatchObject({ ok: true });
  expect(await f({ type: 'meeting.end', outcome: 'accepted', note: 'bed confirmed' })).toMatchObject({ ok: true });
  expect(await f({ type: 'meeting.close' })).toMatchObject({ ok: true });
  for (const c of [facilitator, ann, bob, display, remote]) await c.waitFor((v) => v.phase === 'closed');
  const last = facilitator.view as FacilitatorView;
  expect(last.responses.map((r) => r.response)).toEqual(['declined', 'accepted']);

  // Every accepted command is a row of PostgreSQL's log, sealed: the note is not readable there.
  const events = await query<{ revision: number; event_json: string }>('SELECT revision, event_json FROM events WHERE meeting_id = $1 ORDER BY revision', [fx.meetingId]);
  expect(events.map((e) => e.revision)).toEqual(Array.from({ length: last.revision }, (_, i) => i + 1));
  expect(events.some((e) => e.event_json.includes('Decline-note-confidential'))).toBe(false);
  const names = await query<{ name: string }>('SELECT name FROM participants');
  expect(names.some((p) => p.name.includes('Mayflower'))).toBe(false);
  // Closing the meeting forgot its links' kept tokens (migration 006's trigger, PostgreSQL's form).
  expect(await query('SELECT id FROM links WHERE meeting_id = $1 AND token_sealed IS NOT NULL', [fx.meetingId])).toEqual([]);
});

test('issue 17: a second server on the same database is refused while the first runs, and takes over once it stops', async () => {
  await expect(startServer(env)).rejects.toThrow(/another Threshold server is already using the database/);
  await server.close();
  server = await startServer(env);
  // The facilitator's session and the meeting came back from PostgreSQL.
  const api = new Api(server.url);
  api.cookie = fx.api.cookie;
  const { status, body } = await api.get(`/api/meetings/${fx.meetingId}`);
  expect(status).toBe(200);
  expect(JSON.stringify(body)).toContain('closed');
});

test('issue 17: a start that cannot reach PostgreSQL stops, naming host, port and database but never the password', async () => {
  const port = await freePort();
  const attempt = startServer({ DATABASE_URL: `postgres://threshold:pw-never-shown@127.0.0.1:${port}/threshold`, THRESHOLD_KEY: env.THRESHOLD_KEY! });
  await expect(attempt).rejects.toThrow(new RegExp(`cannot reach the database at 127\\.0\\.0\\.1:${port}/threshold \\(ECONNREFUSED\\)`));
  await expect(attempt).rejects.not.toThrow(/pw-never-shown/);
});
