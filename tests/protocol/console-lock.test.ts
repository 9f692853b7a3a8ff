// Issue 13, item 3: an idle console on a live meeting LOCKS instead of signing
// out. Its connection stays open and may still send exactly Pause and Emergency
// stop, each use audited; everything else is refused, HTTP sees no session, and
// only the password (POST /api/unlock) opens the same session again.
import { afterEach, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Running } from '../helpers/server.js';

const MINUTE = 60_000;
let server: Running | undefined;
let now = Date.now();
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
});

async function start(env: Record<string, string> = {}) {
  now = Date.now();
  server = await startServer({ IDLE_MINUTES: '5', ...env }, undefined, () => now);
  const fx = await createFixture(server.url);
  const console_ = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  clients.push(console_);
  return { fx, console_ };
}

type Entry = { action: string; detail: Record<string, unknown> | null };
async function auditOf(fx: Awaited<ReturnType<typeof start>>['fx']): Promise<Entry[]> {
  return (await fx.api.get(`/api/meetings/${fx.meetingId}/audit`)).body.entries;
}

test('issue 13, item 3: an idle console on a live meeting stays connected, locked: only Pause and Emergency stop pass, each audited', async () => {
  const { fx, console_ } = await start();
  let told = false;
  console_.socket.on('session:ended', () => (told = true));
  expect(await console_.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
  await console_.waitFor((v) => v.phase === 'opening');
  now += 6 * MINUTE;
  await server!.threshold.hub.checkSessions();
  await new Promise((r) => setTimeout(r, 100));
  expect(console_.socket.connected).toBe(true);
  expect(told).toBe(false);
  // The lock hides the content: no HTTP request is answered as this facilitator.
  expect((await fx.api.get('/api/me')).status).toBe(401);

  // Anything else is refused, and the connection stays.
  const refused = await console_.send({ type: 'turns.begin' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/locked/i) } });
  // Keyboard activity on the locked screen does not open it.
  console_.socket.emit('session:activity');
  await new Promise((r) => setTimeout(r, 200));
  expect(console_.socket.connected).toBe(true);
  expect((await fx.api.get('/api/me')).status).toBe(401);

  expect(await console_.send({ type: 'pause.start', reason: 'outburst' })).toMatchObject({ ok: true });
  await console_.waitFor((v) => v.phase === 'paused');
  expect(await console_.send({ type: 'emergency.stop' })).toMatchObject({ ok: true });
  await console_.waitFor((v) => v.phase === 'outcome');

  // The password opens the same session; the audit names each locked use.
  expect((await fx.api.post('/api/unlock', { password: 'not it' })).status).toBe(401);
  const unlocked = await fx.api.post('/api/unlock', { password: 'correct horse battery' });
  expect(unlocked.status).toBe(200);
  expect((await fx.api.get('/api/me')).status).toBe(200);
  const locked = (await auditOf(fx)).filter((e) => e.action === 'console.locked.command').map((e) => e.detail);
  expect(locked).toEqual([
    { command: 'pause.start', accepted: true },
    { command: 'emergency.stop', accepted: true },
  ]);
  // Back on the same connection, everything is allowed again.
  expect(await console_.send({ type: 'meeting.close' })).toMatchObject({ ok: true });
});

test('issue 13, item 3: the password must be right, and SESSION_HOURS still ends a locked session for good', async () => {
  const { fx, console_ } = await start({ SESSION_HOURS: '1' });
  now += 6 * MINUTE;
  const wrong = await fx.api.post('/api/unlock', { password: 'nope' });
  expect(wrong.status).toBe(401);
  expect(wrong.body.error.code).toBe('BAD_PASSWORD');
  expect((await fx.api.get('/api/me')).status).toBe(401);
  now += 60 * MINUTE;
  const closed = new Promise((resolve) => console_.socket.once('disconnect', resolve));
  const answer = await console_.send({ type: 'pause.start', reason: 'outburst' });
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/sign in/i) } });
  expect(await closed).toBe('io server disconnect');
  expect((await fx.api.post('/api/unlock', { password: 'correct horse battery' })).status).toBe(401);
});

test('issue 13, item 3: a locked console reconnects to its live meeting (still locked), but not to a closed one', async () => {
  const { fx, console_ } = await start();
  now += 6 * MINUTE;
  const again = await Client.open(server!.url, { meetingId: fx.meetingId }, fx.api.cookie);
  clients.push(again);
  expect(await again.send({ type: 'meeting.start' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/locked/i) } });
  expect(await again.send({ type: 'emergency.stop' })).toMatchObject({ ok: true });
  expect((await fx.api.post('/api/unlock', { password: 'correct horse battery' })).status).toBe(200);
  expect(await console_.send({ type: 'meeting.close' })).toMatchObject({ ok: true });
  now += 6 * MINUTE;
  const closed = Client.connect(server!.url, { meetingId: fx.meetingId }, fx.api.cookie);
  clients.push(closed);
  expect((await closed.connectError()).data?.code).toBe('SESSION_INVALID');
});
