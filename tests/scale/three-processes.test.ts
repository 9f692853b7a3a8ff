// Issue 17: three processes on one PostgreSQL and one Redis, with the
// meeting's people spread over them, run a whole meeting. The facilitator's
// process owns the meeting; a tablet on another process sees every command
// the owner applies, and its own commands reach the owner with the same Acks.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import { TestCluster } from '../helpers/cluster.js';
import { Client, createFixture, PRIVATE, type Fixture } from '../helpers/server.js';

let cluster: TestCluster;
let fx: Fixture;
const clients: Client[] = [];

beforeAll(async () => {
  cluster = await TestCluster.start(3);
  fx = await createFixture(cluster.servers[0]!.url);
}, 90_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await cluster?.stop();
});

/** Opens a client on process `at` (0, 1 or 2). */
function open(at: number, auth: Record<string, unknown>, cookie?: string) {
  return Client.open(cluster.servers[at]!.url, auth, cookie).then((c) => (clients.push(c), c));
}

test('issue 17: a whole meeting with its people on three processes; a tablet on B sees what the owner on A applied', async () => {
  const [A, B, C] = [0, 1, 2];
  // The facilitator connects first: process A takes the meeting.
  const facilitator = await open(A, { meetingId: fx.meetingId }, fx.api.cookie);
  const ann = await open(B, { token: fx.tokenOf(fx.ids.ann) });
  const bob = await open(C, { token: fx.tokenOf(fx.ids.bob) });
  const display = await open(B, { token: fx.links.display.token });
  // Presence is seen from the owner: Ann on B and Bob on C show as here on A's console.
  await facilitator.waitFor((v) => {
    const members = (v as FacilitatorView).members;
    return [fx.ids.ann, fx.ids.bob].every((id) => members.some((m) => m.participantId === id && m.presence === 'connected'));
  }, 10_000);

  // The lobby across processes: a guest on C waits; the facilitator on A sees and admits them.
  const remote = await open(C, { token: fx.links.remote.token, name: 'Aunt May' });
  expect((remote.view as ParticipantView).lobby).toBe('waiting');
  const inLobby = (await facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 1)) as FacilitatorView;
  const guestId = inLobby.lobby[0]!.participantId;
  expect(await facilitator.send({ type: 'lobby.admit', participantId: guestId })).toMatchObject({ ok: true });
  await remote.waitFor((v) => (v as ParticipantView).you.admitted);

  // Commands sent on B and C are applied by A, with the owner's Acks.
  expect(await ann.send({ type: 'participant.ready' }, null)).toEqual({ ok: true, revision: 2 });
  expect(await remote.send({ type: 'participant.ready' }, null)).toEqual({ ok: true, revision: 3 });
  const f = (payload: Record<string, unknown>) => facilitator.send(payload as never);
  expect(await f({ type: 'meeting.start' })).toMatchObject({ ok: true });
  expect(await f({ type: 'turns.begin' })).toMatchObject({ ok: true, revision: 5 });
  // The tablet on B sees the command applied on A.
  await ann.waitFor((v) => v.currentSpeakerId === fx.ids.ann && v.revision === 5);
  await display.waitFor((v) => v.phase === 'speaking' && v.revision === 5);

  // A repeat on another process gets its first answer: the owner's pipeline answers it.
  const commandId = 'turn-done-ann';
  const first = await ann.send({ type: 'turn.done' }, ann.view.revision, commandId);
  expect(first).toEqual({ ok: true, revision: 6 });
  expect(await ann.send({ type: 'turn.done' }, 5, commandId)).toEqual(first);
  await bob.waitFor((v) => v.currentSpeakerId === fx.ids.bob);

  // A refusal crosses too: Bob may not move the agenda.
  expect(await bob.send({ type: 'turn.next' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  expect(await f({ type: 'pause.start', reason: 'outburst' })).toMatchObject({ ok: true });
  for (const c of [ann, bob, display, remote]) await c.waitFor((v) => v.phase === 'paused');
  expect(await f({ type: 'pause.end' })).toMatchObject({ ok: true });
  expect(await f({ type: 'turn.next' })).toMatchObject({ ok: true });
  expect(await f({ type: 'turn.skip' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.present' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.respond', response: 'declined', note: 'not today' })).toMatchObject({ ok: true });
  expect(await f({ type: 'bottomLines.begin' })).toMatchObject({ ok: true });
  // Ann's own bottom line reaches her on B: the owner read it and built her view.
  const annBottom = (await ann.waitFor((v) => v.phase === 'bottom-lines')) as ParticipantView;
  expect(annBottom.bottomLine).toMatch(/Ann-bottom-line/);
  expect(await ann.send({ type: 'turn.done' })).toMatchObject({ ok: true });
  expect(await f({ type: 'turn.next' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.present' })).toMatchObject({ ok: true });
  expect(await f({ type: 'offer.respond', response: 'accepted' })).toMatchObject({ ok: true });
  expect(await f({ type: 'meeting.end', outcome: 'accepted', note: 'bed confirmed' })).toMatchObject({ ok: true });
  expect(await f({ type: 'meeting.close' })).toMatchObject({ ok: true });
  for (const c of [facilitator, ann, bob, display, remote]) await c.waitFor((v) => v.phase === 'closed');
  expect(facilitator.view.revision).toBe(19);
  // Nobody's view ran ahead of or behind the owner's.
  for (const c of [ann, bob, display, remote]) expect(c.view.revision).toBe(19);
  // Privacy across processes: the adapter carries each view to its own audience only.
  const seen = (c: Client) => JSON.stringify(c.views);
  for (const text of [PRIVATE.bobLetter, PRIVATE.bobBottomLine]) expect(seen(ann)).not.toContain(text);
  for (const text of [PRIVATE.annLetter, PRIVATE.annBottomLine]) expect(seen(bob)).not.toContain(text);
  for (const text of Object.values(PRIVATE)) expect(seen(display) + seen(remote)).not.toContain(text);
}, 60_000);

test('issue 17: /api/ready answers for the database and Redis on every process; /api/health stays liveness', async () => {
  for (const server of cluster.servers) {
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', redis: 'ok' });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }
});

test('issue 17: a server without REDIS_URL cannot start on a database shared processes use', async () => {
  const lone = cluster.addServer({ REDIS_URL: '' });
  await expect(lone).rejects.toThrow(/another Threshold server is already using the database/);
});

test('issue 17: a process stopped with SIGTERM exits cleanly, letting its leases go', async () => {
  const started = Date.now();
  expect(await cluster.servers[2]!.stop('SIGTERM')).toBe(0);
  expect(Date.now() - started).toBeLessThan(10_000);
});

test('issue 17: with Redis gone, /api/ready says so (503) while /api/health still answers', async () => {
  await cluster.redis.stop();
  const ready = await fetch(`${cluster.servers[1]!.url}/api/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: 'unavailable', database: 'ok', redis: 'unavailable' });
  expect((await fetch(`${cluster.servers[1]!.url}/api/health`)).status).toBe(200);
  // A meeting whose people are on its owner's process goes on: views and Acks do not wait for Redis.
  const alone = await createFixture(cluster.servers[1]!.url);
  const facilitator = await open(1, { meetingId: alone.meetingId }, alone.api.cookie);
  const ann = await open(1, { token: alone.tokenOf(alone.ids.ann) });
  expect(await facilitator.send({ type: 'meeting.start' } as never)).toEqual({ ok: true, revision: 1 });
  await ann.waitFor((v) => v.phase === 'opening');
});
