// Issue 17: the owner loses its database connection. First the network to
// PostgreSQL hangs (nothing arrives, nothing is closed): the owner notices
// within seconds, stops applying, and commands sent meanwhile are refused
// UNAVAILABLE, not applied twice or on two branches. Then the connection is
// cut for good: PostgreSQL frees the owner's lease and the other process
// takes the meeting, continuing the one log. No fork: one chain of
// revisions, and every acknowledged command at the revision its Ack named.
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { TestCluster } from '../helpers/cluster.js';
import type { ServerProcess } from '../helpers/process.js';
import { FlakyLink } from '../helpers/proxy.js';
import { Client, createFixture, type Fixture } from '../helpers/server.js';

let cluster: TestCluster;
let link: FlakyLink;
let owner: ServerProcess;
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  cluster = await TestCluster.start(1);
  // The owner-to-be reaches PostgreSQL through a link the test can hang and then cut.
  link = new FlakyLink(cluster.database.port);
  await link.start();
  const url = new URL(cluster.databaseUrl);
  url.port = String(link.port);
  owner = await cluster.addServer({ DATABASE_URL: url.toString() });
  fx = await createFixture(cluster.servers[0]!.url);
}, 90_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await link?.close();
  await cluster?.stop();
});

async function storedLog(): Promise<Array<{ revision: number; command_id: string }>> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  try {
    return (await client.query('SELECT revision, command_id FROM events WHERE meeting_id = $1 ORDER BY revision', [fx.meetingId])).rows;
  } finally {
    await client.end();
  }
}

async function until<T>(what: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await what();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

test('issue 17: an owner cut off from PostgreSQL stops applying; the meeting goes on elsewhere without a fork', async () => {
  const facilitator = await Client.open(owner.url, { meetingId: fx.meetingId }, fx.api.cookie);
  clients.push(facilitator);
  const ann = await Client.open(cluster.servers[0]!.url, { token: fx.tokenOf(fx.ids.ann) });
  clients.push(ann);
  expect(owner.output).toContain('meeting taken');

  const acks: Array<{ commandId: string; ack: Ack }> = [];
  /** Ann's signal under `commandId`; a connection closed under it (a takeover reconnects everyone) counts as no answer. */
  const signal = async (commandId: string): Promise<Ack | null> => {
    if (!ann.socket.connected) return null;
    const ack: Ack | null = await ann.socket.timeout(15_000)
      .emitWithAck('meeting:command', { commandId, type: 'signal.send', kind: 'want-to-speak' }).catch(() => null);
    if (ack) acks.push({ commandId, ack });
    return ack;
  };
  expect(await facilitator.send({ type: 'meeting.start' } as never)).toMatchObject({ ok: true, revision: 1 });
  expect(await signal('before-1')).toEqual({ ok: true, revision: 2 });
  expect(await signal('before-2')).toEqual({ ok: true, revision: 3 });

  // The network to PostgreSQL hangs: the owner sees its lease connection go quiet and lets go.
  link.cutOff();
  const noticed = await until(async () => (owner.output.includes('meeting leases lost') ? true : undefined), 10_000);
  expect(noticed).toBe(true);
  // Nobody applies meanwhile: the owner has stopped, and the lease is still PostgreSQL's to free.
  const during = await signal('during-cut');
  expect(during).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  expect((await storedLog()).length).toBe(3);

  // Cut for good: PostgreSQL ends the owner's sessions and frees the lease; the other process takes over.
  await link.close();
  const after = await until(async () => {
    const ack = await signal('during-cut');
    return ack?.ok ? ack : undefined;
  }, 15_000);
  expect(after).toEqual({ ok: true, revision: 4 });
  expect(await signal('after-1')).toEqual({ ok: true, revision: 5 });

  // One chain: revisions 1..5, each id once, each accepted command where its Ack said.
  const log = await storedLog();
  expect(log.map((e) => e.revision)).toEqual([1, 2, 3, 4, 5]);
  expect(new Set(log.map((e) => e.command_id)).size).toBe(log.length);
  for (const { commandId, ack } of acks.filter((a) => a.ack.ok)) {
    expect(log.find((e) => e.command_id === commandId)?.revision).toBe(ack.revision);
  }
  // The process that went on is the other one, which took the meeting over.
  expect(cluster.servers[0]!.output).toContain('meeting taken');
}, 90_000);
