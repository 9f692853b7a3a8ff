// Issue 12, case 2: the shared remote link mints guests without limit. Now it
// mints at most 10 a minute, the lobby holds at most 20 people waiting, and a
// guest who leaves before anyone decides on them is not kept: their
// participant row (with the sealed name) and their link are deleted; their
// `link.issued` audit entry, which holds no name, stays.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { codeOf, command } from './support.js';

let server: Running;
let offset = 0;
/** The server's clock, moved on by the tests instead of waiting whole minutes. */
const clock = () => Date.now() + offset;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({ GUEST_LOBBY_GRACE_SECONDS: '1' }, undefined, clock);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

const db = (running = server) => (running.threshold.services.store as SqliteStore).db;
const guestRows = (meetingId: string, running = server) =>
  (db(running).prepare("SELECT COUNT(*) AS n FROM participants WHERE meeting_id = ? AND attendance = 'guest'").get(meetingId) as { n: number }).n;
const guestLinks = (meetingId: string) =>
  (db().prepare("SELECT COUNT(*) AS n FROM links WHERE meeting_id = ? AND kind = 'guest'").get(meetingId) as { n: number }).n;
const issuedAudit = (meetingId: string) =>
  (db().prepare("SELECT COUNT(*) AS n FROM audit WHERE meeting_id = ? AND action = 'link.issued' AND actor_role = 'participant'").get(meetingId) as { n: number }).n;

async function open(auth: Record<string, unknown>, cookie?: string): Promise<Client> {
  const client = await Client.open(server.url, auth, cookie);
  clients.push(client);
  return client;
}

async function refusedCode(auth: Record<string, unknown>): Promise<string | undefined> {
  const client = Client.connect(server.url, auth);
  clients.push(client);
  const error = await client.connectError();
  client.close();
  return error.data?.code;
}

let api: Fixture['api'] | undefined;
async function meeting(): Promise<Fixture> {
  const fx = await createFixture(server.url, { api });
  api = fx.api;
  return fx;
}

const waitUntil = async (check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('issue 12, case 2: one shared link, many guests', () => {
  test('at most 10 guests a minute per shared link; the 11th is refused RATE_LIMITED, and a minute later joining works again', async () => {
    const fx = await meeting();
    for (let i = 0; i < 10; i++) {
      const guest = await open({ token: fx.links.remote.token, name: `Guest ${i}` });
      guest.close(); // each dropped at once, as in the report
    }
    expect(await refusedCode({ token: fx.links.remote.token, name: 'One Too Many' })).toBe('RATE_LIMITED');
    // Another meeting's shared link has its own count.
    const other = await meeting();
    expect((await open({ token: other.links.remote.token, name: 'Elsewhere' })).view.role).toBe('participant');
    offset += 61_000;
    expect((await open({ token: fx.links.remote.token, name: 'Next Minute' })).view.role).toBe('participant');
  });

  test('the lobby holds at most 20 people waiting; the next guest is refused LOBBY_FULL with words to act on', async () => {
    const fx = await meeting();
    const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
    for (let i = 0; i < 20; i++) {
      if (i > 0 && i % 10 === 0) offset += 61_000; // the rate limit is not what this test is about
      await open({ token: fx.links.remote.token, name: `Waiting ${i}` });
    }
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 20);
    offset += 61_000;
    const client = Client.connect(server.url, { token: fx.links.remote.token, name: 'Twenty-first' });
    clients.push(client);
    const error = await client.connectError();
    expect(error.data?.code).toBe('LOBBY_FULL');
    expect(error.message).toMatch(/try again/);
    // People already let in, or planned, still come in.
    expect((await open({ token: fx.tokenOf(fx.ids.ann) })).view.role).toBe('participant');
  });

  test('simultaneous handshakes cannot overfill the lobby: with 15 waiting, 5 of 10 at once get in and 5 are refused LOBBY_FULL', async () => {
    const fx = await meeting();
    const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
    for (let i = 0; i < 15; i++) {
      if (i % 10 === 0) offset += 61_000;
      await open({ token: fx.links.remote.token, name: `Early ${i}` });
    }
    offset += 61_000;
    // A store that takes its time (as PostgreSQL over a network would): the handshakes overlap while guests are written.
    const store = server.threshold.services.store;
    const transaction = store.transaction.bind(store);
    store.transaction = async (work) => {
      await new Promise((r) => setTimeout(r, 100));
      return transaction(work);
    };
    const burst = Array.from({ length: 10 }, (_, i) => Client.connect(server.url, { token: fx.links.remote.token, name: `Burst ${i}` }));
    clients.push(...burst);
    const outcomes = await Promise.all(
      burst.map(
        (c) =>
          new Promise<string>((resolve) => {
            c.socket.once('meeting:state', () => resolve('in'));
            c.socket.once('connect_error', (e: Error & { data?: { code?: string } }) => resolve(e.data?.code ?? 'network'));
          }),
      ),
    );
    store.transaction = transaction;
    expect(outcomes.filter((o) => o === 'in')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'LOBBY_FULL')).toHaveLength(5);
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 20);
  });

  test('guests who leave before anyone decides on them are not kept: no participant row, no link; the audit entry stays', async () => {
    offset += 61_000;
    const fx = await meeting();
    const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) {
      const guest = await open({ token: fx.links.remote.token, name: `Walk-in ${i}` });
      tokens.push(guest.credentials[0]!.token);
      guest.close();
    }
    // One stays and is let in: a decision was made about her, so she is kept.
    const kept = await open({ token: fx.links.remote.token, name: 'Aunt May' });
    const mayId = kept.credentials[0]!.participantId;
    await facilitator.waitFor((v) => (v as FacilitatorView).lobby.some((e) => e.participantId === mayId));
    expect(codeOf(await command(facilitator, 'lobby.admit', { participantId: mayId }, facilitator.view.revision))).toBe('OK');
    kept.close();

    await waitUntil(() => guestRows(fx.meetingId) === 1, 6000);
    expect(guestLinks(fx.meetingId)).toBe(1);
    expect(issuedAudit(fx.meetingId)).toBe(6);
    for (const token of tokens) expect(await refusedCode({ token })).toBe('LINK_INVALID');
    expect((await open({ token: kept.credentials[0]!.token })).view).toMatchObject({ lobby: null, you: { participantId: mayId } });
  });

  test('a guest whose phone drops and comes straight back is still the same person', async () => {
    offset += 61_000;
    const fx = await meeting();
    const guest = await open({ token: fx.links.remote.token, name: 'Cousin Wes' });
    const { token, participantId } = guest.credentials[0]!;
    guest.close();
    const back = await open({ token });
    expect(back.view).toMatchObject({ lobby: 'waiting', you: { participantId, name: 'Cousin Wes' } });
    await new Promise((r) => setTimeout(r, 1500)); // past the grace period, while connected
    expect(guestRows(fx.meetingId)).toBe(1);
  });
});

describe('issue 12, case 2: across a restart', () => {
  test('a guest waiting when the server stopped, who never comes back, is forgotten after the grace period; one who does is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threshold-guests-'));
    let first: Running | null = await startServer({ GUEST_LOBBY_GRACE_SECONDS: '1' }, dir);
    let second: Running | null = null;
    try {
      const fx = await createFixture(first.url);
      const gone = await Client.open(first.url, { token: fx.links.remote.token, name: 'Never Back' });
      const back = await Client.open(first.url, { token: fx.links.remote.token, name: 'Comes Back' });
      const backToken = back.credentials[0]!.token;
      gone.close();
      back.close();
      await first.close(); // at once, before the grace period ends
      first = null;

      second = await startServer({ GUEST_LOBBY_GRACE_SECONDS: '1' }, dir);
      expect(guestRows(fx.meetingId, second)).toBe(2);
      const returned = await Client.open(second.url, { token: backToken });
      clients.push(returned);
      expect(returned.view).toMatchObject({ lobby: 'waiting', you: { name: 'Comes Back' } });
      const running = second;
      await waitUntil(() => guestRows(fx.meetingId, running) === 1, 6000);
      await new Promise((r) => setTimeout(r, 1200));
      expect(guestRows(fx.meetingId, running)).toBe(1);
    } finally {
      await first?.close();
      await second?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
