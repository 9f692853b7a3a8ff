// Issue 17: durability on PostgreSQL with a real process. The built server
// runs with DATABASE_URL; it is SIGKILLed in the middle of a burst of
// commands, started again on the same database, and every command it had
// acknowledged is still in the log (a resend answers its first ack), with
// every client back in sync.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import type { Ack } from '../../shared/protocol.js';
import { TestPostgres } from '../helpers/postgres.js';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Client, createFixture, type Fixture } from '../helpers/server.js';

let database: TestPostgres;
let databaseUrl: string;
let dataDir: string;
let server: ServerProcess;
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  database = await TestPostgres.start();
  databaseUrl = await database.createDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'threshold-pg-kill-'));
  server = new ServerProcess(await freePort(), dataDir, {
    DATABASE_URL: databaseUrl,
    THRESHOLD_KEY: randomBytes(32).toString('base64'),
    // The burst below is deliberately faster than the per-connection flood limit allows.
    SOCKET_MESSAGES_PER_SECOND: '10000',
  });
  await server.start();
  fx = await createFixture(server.url);
}, 90_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop('SIGKILL');
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('issue 17: a server on PostgreSQL killed mid-burst comes back with every acknowledged command', async () => {
  const open = async (auth: Record<string, unknown>, cookie?: string) => {
    const c = await Client.open(server.url, auth, cookie);
    clients.push(c);
    return c;
  };
  const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await open({ token: fx.tokenOf(fx.ids.ann) });
  const bob = await open({ token: fx.tokenOf(fx.ids.bob) });
  for (const type of ['meeting.start', 'turns.begin', 'turn.next']) {
    expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
  }
  const before = (await facilitator.waitFor((v) => v.currentSpeakerId === fx.ids.bob)) as FacilitatorView;

  const acked: Array<{ commandId: string; ack: Ack; sender: Client }> = [];
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < 300; i++) {
    const commandId = `burst-${i}`;
    const sender = i % 2 ? ann : bob;
    inFlight.push(
      sender.socket.timeout(2000).emitWithAck('meeting:command', { commandId, type: 'signal.send', kind: 'want-to-speak' })
        .then((ack: Ack) => acked.push({ commandId, ack, sender }))
        .catch(() => undefined),
    );
  }
  while (acked.length < 20) await new Promise((r) => setTimeout(r, 1));
  await server.stop('SIGKILL');
  await Promise.allSettled(inFlight);
  const acknowledged = acked.filter((a) => a.ack.ok);
  // The kill really landed mid-stream.
  expect(acknowledged.length).toBeGreaterThanOrEqual(20);
  expect(acknowledged.length).toBeLessThan(300);
  const highest = Math.max(before.revision, ...acknowledged.map((a) => a.ack.revision));

  // Read behind the server's back: every acknowledged revision is committed in PostgreSQL.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ revision: number }>('SELECT max(revision) AS revision FROM events WHERE meeting_id = $1', [fx.meetingId]);
  await client.end();
  expect(rows[0]!.revision).toBeGreaterThanOrEqual(highest);

  // The killed server's hold on the database went with its connection: the new one starts.
  await server.start();
  for (const c of [facilitator, ann, bob]) await c.waitFor((v) => v.revision >= highest, 10_000);
  for (const { commandId, ack, sender } of acknowledged) {
    expect(await sender.send({ type: 'signal.send', kind: 'want-to-speak' }, null, commandId)).toEqual(ack);
  }
}, 60_000);
