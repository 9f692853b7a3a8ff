// Durability with a real process and a real SQLite file: SIGKILL the server in
// the middle of a meeting, start it again, and check that every client comes
// back to the same state and that no acknowledged command was lost.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { persistMeeting, replay } from '../../shared/meeting/agenda.js';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import type { Ack } from '../../shared/protocol.js';
import { SNAPSHOT_EVERY } from '../../server/meetings/snapshots.js';
import { Vault } from '../../server/security/vault.js';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Client, createFixture, PRIVATE, type Fixture } from '../helpers/server.js';

describe('a server killed mid-meeting', () => {
  let dataDir: string;
  let server: ServerProcess;
  let fx: Fixture;
  const clients: Client[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'threshold-kill-'));
    // The burst below is deliberately faster than the per-connection flood limit allows.
    server = new ServerProcess(await freePort(), dataDir, { SOCKET_MESSAGES_PER_SECOND: '10000' });
    await server.start();
    fx = await createFixture(server.url);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('comes back with every acknowledged command and every client in sync', async () => {
    const open = async (auth: Record<string, unknown>, cookie?: string) => {
      const c = await Client.open(server.url, auth, cookie);
      clients.push(c);
      return c;
    };
    const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
    const ann = await open({ token: fx.tokenOf(fx.ids.ann) });
    const bob = await open({ token: fx.tokenOf(fx.ids.bob) });
    const display = await open({ token: fx.links.display.token });

    for (const type of ['meeting.start', 'turns.begin', 'turn.next']) {
      expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
    }
    const before = (await facilitator.waitFor((v) => v.currentSpeakerId === fx.ids.bob)) as FacilitatorView;
    const deadline = before.turnEndsAt;

    // A stream of signals in flight when the process dies: some acknowledged, some not.
    const acked: Array<{ commandId: string; ack: Ack; sender: Client }> = [];
    const inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      const commandId = `burst-${i}`;
      const sender = i % 2 ? ann : bob;
      inFlight.push(
        sender.socket
          .timeout(2000)
          .emitWithAck('meeting:command', { commandId, type: 'signal.send', kind: 'want-to-speak' })
          .then((ack: Ack) => acked.push({ commandId, ack, sender }))
          .catch(() => undefined),
      );
    }
    while (acked.length < 20) await new Promise((r) => setTimeout(r, 1));
    await server.stop('SIGKILL');
    await Promise.allSettled(inFlight);
    const acknowledged = acked.filter((a) => a.ack.ok);
    // The kill really landed mid-stream: some commands were acknowledged, some were not.
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(acknowledged.length).toBeLessThan(300);
    const highest = Math.max(before.revision, ...acknowledged.map((a) => a.ack.revision));

    await server.start();
    // Every client reconnects by itself and receives the state the server restored.
    for (const c of [facilitator, ann, bob, display]) {
      await c.waitFor((v) => v.revision >= highest, 10_000);
    }
    // Signals the clients buffered while the server was down arrive now too; wait for all to agree.
    await settle([facilitator, ann, bob, display]);
    const after = facilitator.view as FacilitatorView;
    expect(after.phase).toBe('speaking');
    expect(after.currentSpeakerId).toBe(fx.ids.bob);
    expect(after.turnEndsAt).toBe(deadline);
    for (const c of [ann, bob, display]) expect(c.view.revision).toBe(after.revision);
    // Letters are read from the store when a restored meeting's first participant connects;
    // Ann and Bob reconnect together, and each still gets their own.
    expect((ann.view as ParticipantView).letter).toBe(PRIVATE.annLetter);
    expect((bob.view as ParticipantView).letter).toBe(PRIVATE.bobLetter);

    // No acknowledged command was lost: resending each returns its first answer.
    // (Each by its own sender: a repeat is the same person sending the same id.)
    for (const { commandId, ack, sender } of acknowledged) {
      expect(await sender.send({ type: 'signal.send', kind: 'want-to-speak' }, null, commandId)).toEqual(ack);
    }
    // Since issue 12, case 1 a person holds one open signal of each kind and a repeat refreshes it,
    // so the burst leaves one signal each for Ann and Bob; the resends above are the proof that every
    // acknowledged command is in the log (after a restart only the log can answer a repeat).
    // Whoever had a signal acknowledged has one open. The other may have none: the server can take one
    // socket's burst before the other's, and a command neither acknowledged nor buffered is not owed.
    // (A clean-clone CI run at fdff61e failed here when every acknowledged signal was Ann's.)
    const stillOpen = after.signals.filter((s) => s.kind === 'want-to-speak').map((s) => s.participantId);
    const acknowledgedSenders = new Set(acknowledged.map((a) => (a.sender === ann ? fx.ids.ann : fx.ids.bob)));
    for (const id of acknowledgedSenders) expect(stillOpen).toContain(id);
    expect(stillOpen.every((id) => id === fx.ids.ann || id === fx.ids.bob)).toBe(true);
    expect(new Set(stillOpen).size).toBe(stillOpen.length);

    // The meeting goes on where it was. Signals the client buffered while the
    // server was down may still arrive, so refresh and retry once on STALE, as a client would.
    let next = await facilitator.send({ type: 'turn.next' });
    if (!next.ok && next.error.code === 'STALE') {
      await facilitator.waitFor((v) => v.revision >= next.revision);
      next = await facilitator.send({ type: 'turn.next' });
    }
    expect(next).toMatchObject({ ok: true });
    await ann.waitFor((v) => v.currentSpeakerId === fx.ids.cy);
  }, 60_000);

  // Issue 14 changed this: the snapshot is stored every few events (SNAPSHOT_EVERY), so the log
  // up to the snapshot's revision replays to it, and the events after it are fewer than SNAPSHOT_EVERY.
  test('the stored log replays to the stored snapshot', async () => {
    const db = new Database(join(dataDir, 'threshold.sqlite'), { readonly: true });
    const vault = Vault.load(undefined, join(dataDir, 'threshold.key'));
    try {
      const row = db.prepare('SELECT input_json, snapshot_json, revision FROM meetings WHERE id = ?').get(fx.meetingId) as {
        input_json: string;
        snapshot_json: string;
        revision: number;
      };
      const events = (db.prepare('SELECT event_json FROM events WHERE meeting_id = ? ORDER BY revision').all(fx.meetingId) as Array<{
        event_json: string;
      }>).map((e) => JSON.parse(vault.open(e.event_json)));
      expect(events).toHaveLength(row.revision);
      const { revision: at, ...snapshot } = JSON.parse(vault.open(row.snapshot_json));
      expect(row.revision - at).toBeGreaterThanOrEqual(0);
      expect(row.revision - at).toBeLessThan(SNAPSHOT_EVERY);
      const replayed = JSON.parse(JSON.stringify(persistMeeting(replay(JSON.parse(vault.open(row.input_json)), events.slice(0, at)))));
      expect(replayed).toEqual(snapshot);
    } finally {
      db.close();
    }
  });
});

/** Wait until every client holds the same revision and nothing new has arrived for a moment. */
async function settle(clients: Client[], quietMs = 300, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = clients.map((c) => `${c.views.length}:${c.view.revision}`).join(',');
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs && new Set(clients.map((c) => c.view.revision)).size === 1) {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`clients did not settle: ${last}`);
}

describe('a server stopped with SIGTERM', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'threshold-term-'));
    server = new ServerProcess(await freePort(), dataDir);
    await server.start();
  });
  afterAll(async () => {
    await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('exits cleanly, and clients reconnect to the restarted server as the same roles', async () => {
    const fx = await createFixture(server.url);
    const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
    const ann = await Client.open(server.url, { token: fx.tokenOf(fx.ids.ann) });
    try {
      expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
      await ann.waitFor((v) => v.phase === 'opening');
      const seen = facilitator.views.length;
      let reason = '';
      facilitator.socket.once('disconnect', (r) => (reason = r));
      expect(await server.stop('SIGTERM')).toBe(0);
      // Not "io server disconnect", after which socket.io-client would give up.
      expect(reason).toBe('transport close');
      await server.start();
      // The facilitator's session survived the restart: no new login needed.
      const back = await facilitator.waitFor(() => facilitator.views.length > seen, 10_000);
      expect(back.phase).toBe('opening');
      expect(back.role).toBe('facilitator');
      expect(await facilitator.send({ type: 'turns.begin' })).toMatchObject({ ok: true });
      await ann.waitFor((v) => v.phase === 'speaking' && v.currentSpeakerId === fx.ids.ann);
    } finally {
      facilitator.close();
      ann.close();
    }
  });
});
