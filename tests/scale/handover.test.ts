// Issue 17: leases given up at once. A meeting that closes lets its lease go
// (nothing is written to it any more), and a process stopped gracefully
// (SIGTERM) hands its meetings over: another process takes each at once,
// instead of at its next owner check (every 2 s) or when a forwarded command
// finds nobody answering (5 s), which is all a SIGKILL leaves it.
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { TestCluster } from '../helpers/cluster.js';
import { Client, createFixture } from '../helpers/server.js';

let cluster: TestCluster;
const clients: Client[] = [];

beforeAll(async () => {
  cluster = await TestCluster.start(3);
}, 90_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await cluster?.stop();
});

/** Opens a client on process `at`. */
async function open(at: number, auth: Record<string, unknown>, cookie?: string) {
  const c = await Client.open(cluster.servers[at]!.url, auth, cookie);
  clients.push(c);
  return c;
}

/** How many meeting leases the processes hold now, as PostgreSQL sees them. */
async function leasesHeld(): Promise<number> {
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = 'threshold leases'`,
    );
    return Number(rows[0]!.n);
  } finally {
    await db.end();
  }
}

/**
 * A meeting owned by process `owner`, with Ann's tablet on `standIn`: the
 * facilitator reaches the owner first, so it takes the meeting.
 */
async function meetingOn(owner: number, standIn: number) {
  const fx = await createFixture(cluster.servers[standIn]!.url);
  const facilitator = await open(owner, { meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await open(standIn, { token: fx.tokenOf(fx.ids.ann) });
  expect(await facilitator.send({ type: 'meeting.start' } as never)).toMatchObject({ ok: true });
  await ann.waitFor((v) => v.phase === 'opening');
  return { fx, facilitator, ann };
}

/**
 * From now until a command from `client` (its process outlives the owner) is
 * applied: it retries with the same commandId, as a tablet does, every 50 ms
 * while it is answered UNAVAILABLE, times out or is reconnected. In ms.
 */
async function untilApplied(client: Client, since: number): Promise<number> {
  const commandId = `goes-on-${since}`;
  for (;;) {
    if (client.socket.connected) {
      const ack: Ack | undefined = await client.send({ type: 'signal.send', kind: 'want-to-speak' }, null, commandId).catch(() => undefined);
      if (ack?.ok) return Date.now() - since;
    }
    if (Date.now() - since > 15_000) throw new Error('the meeting did not go on');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('issue 17: a meeting that closes gives its lease up at once; the closed meeting still answers', async () => {
  const { facilitator, ann } = await meetingOn(0, 1);
  expect(await leasesHeld()).toBe(1);
  expect(await facilitator.send({ type: 'meeting.end', outcome: 'deferred', decideBy: '2099-12-01' } as never)).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'meeting.close' } as never)).toMatchObject({ ok: true });
  const closedAt = Date.now();
  while ((await leasesHeld()) > 0 && Date.now() - closedAt < 5000) await new Promise((r) => setTimeout(r, 20));
  expect(await leasesHeld()).toBe(0);
  expect(Date.now() - closedAt).toBeLessThan(1000);
  // Nobody took it back: the process with Ann's tablet does not chase an owner for a closed meeting.
  await new Promise((r) => setTimeout(r, 2500));
  expect(await leasesHeld()).toBe(0);
  expect(cluster.servers[1]!.output).not.toContain('meeting taken');
  // The closed meeting still answers, from wherever it is asked, without its lease.
  await ann.waitFor((v) => v.phase === 'closed');
  expect(await ann.send({ type: 'signal.send', kind: 'want-to-speak' }, null)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  expect(await facilitator.send({ type: 'pause.start', reason: 'other' } as never)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
}, 60_000);

test('issue 17: SIGTERM the owner and the meeting goes on elsewhere at once, well under what a SIGKILL costs', async () => {
  // Process 0 owns the first meeting, process 2 the second; Ann's tablets are on process 1 for both.
  const graceful = await meetingOn(0, 1);
  const killed = await meetingOn(2, 1);
  expect(await leasesHeld()).toBe(2);

  const terminatedAt = Date.now();
  const stopped = cluster.servers[0]!.stop('SIGTERM');
  const afterTerm = await untilApplied(graceful.ann, terminatedAt);
  expect(await stopped).toBe(0);
  // The stopped process let its meeting go and said so; the one with Ann's tablet took it.
  expect(cluster.servers[0]!.output).toContain('meetings handed over');
  expect(cluster.servers[1]!.output).toContain('meeting taken');

  const killedAt = Date.now();
  await cluster.servers[2]!.stop('SIGKILL');
  const afterKill = await untilApplied(killed.ann, killedAt);

  console.log(`issue 17 handover: the meeting went on ${afterTerm} ms after SIGTERM, ${afterKill} ms after SIGKILL`);
  // Taken over as soon as the owner let go. A SIGKILL leaves the survivors to find the meeting
  // ownerless at their next check (every 2 s, at a phase of their own): anywhere from a few hundred
  // ms to over 2 s, so only the bound is asserted for it.
  expect(afterTerm).toBeLessThan(1500);
  expect(afterKill).toBeLessThan(10_000);
  // Both meetings are now the surviving process's, one lease each.
  expect(await leasesHeld()).toBe(2);
}, 90_000);
