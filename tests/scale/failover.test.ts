// Issue 17: the process that owns a meeting is SIGKILLed in the middle of a
// burst of commands from several clients, all of them behind a balancer
// that sends each new connection to the next live process. The meeting goes
// on from another process within 10 s, restored from PostgreSQL; every
// client reconnects and resyncs; no acknowledged command is lost.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { Balancer } from '../helpers/balancer.js';
import { TestCluster } from '../helpers/cluster.js';
import { Client, createFixture, type Fixture } from '../helpers/server.js';

let cluster: TestCluster;
let balancer: Balancer;
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  // The burst is deliberately faster than the per-connection flood limit allows.
  cluster = await TestCluster.start(3, { SOCKET_MESSAGES_PER_SECOND: '10000' });
  balancer = new Balancer(cluster.servers.map((s) => s.port));
  await balancer.start();
  fx = await createFixture(cluster.servers[1]!.url);
}, 90_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await balancer?.close();
  await cluster?.stop();
});

async function open(auth: Record<string, unknown>, cookie?: string) {
  const c = await Client.open(balancer.url, auth, cookie);
  clients.push(c);
  return c;
}

test('issue 17: SIGKILL the owner mid-burst; another process goes on within 10 s, everyone resyncs, nothing acknowledged is lost', async () => {
  // The facilitator reaches process 0 first, which takes the meeting; the tablets land on 1 and 2.
  balancer.sendNextTo(0);
  const facilitator = await open({ meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await open({ token: fx.tokenOf(fx.ids.ann) });
  const bob = await open({ token: fx.tokenOf(fx.ids.bob) });
  for (const type of ['meeting.start', 'turns.begin', 'turn.next']) {
    expect(await facilitator.send({ type } as never)).toMatchObject({ ok: true });
  }
  await ann.waitFor((v) => v.currentSpeakerId === fx.ids.bob);
  // The process about to be killed is the owner, and the only one.
  expect(cluster.servers.map((s) => s.output.includes('meeting taken'))).toEqual([true, false, false]);

  const acked: Array<{ commandId: string; ack: Ack; sender: Client }> = [];
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < 300; i++) {
    const commandId = `burst-${i}`;
    const sender = i % 2 ? ann : bob;
    inFlight.push(
      sender.socket.timeout(8000).emitWithAck('meeting:command', { commandId, type: 'signal.send', kind: 'want-to-speak' })
        .then((ack: Ack) => acked.push({ commandId, ack, sender }))
        .catch(() => undefined),
    );
  }
  while (acked.length < 20) await new Promise((r) => setTimeout(r, 1));
  await cluster.servers[0]!.stop('SIGKILL');
  const killedAt = Date.now();

  // The meeting goes on: a new decision from the facilitator, reconnected through the balancer, is applied.
  let goesOn: Ack | undefined;
  while (Date.now() - killedAt < 10_000) {
    if (facilitator.socket.connected) {
      goesOn = await facilitator.send({ type: 'pause.start', reason: 'other' } as never).catch(() => undefined);
      if (goesOn?.ok) break;
      if (goesOn && !goesOn.ok && goesOn.error.code === 'STALE') continue;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(goesOn).toMatchObject({ ok: true });
  expect(Date.now() - killedAt).toBeLessThan(10_000);
  expect(cluster.servers.filter((s) => s.output.includes('meeting taken')).length).toBe(2);

  await Promise.allSettled(inFlight);
  const acknowledged = acked.filter((a) => a.ack.ok);
  // The kill really landed mid-stream.
  expect(acknowledged.length).toBeGreaterThanOrEqual(20);
  expect(acknowledged.length).toBeLessThan(300);
  const final = (goesOn as Extract<Ack, { ok: true }>).revision;

  // Every client resynced with the new owner, wherever it reconnected.
  for (const c of [facilitator, ann, bob]) await c.waitFor((v) => v.revision >= final && v.phase === 'paused', 10_000);
  // Nothing acknowledged was lost: each, sent again with its id, gets its first answer from the log.
  for (const { commandId, ack, sender } of acknowledged) {
    expect(await sender.send({ type: 'signal.send', kind: 'want-to-speak' }, null, commandId)).toEqual(ack);
  }
}, 90_000);
