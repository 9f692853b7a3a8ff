// Another process holding the database's write lock (a backup tool, an
// `sqlite3` shell left in a transaction, a second server) must neither end
// nor freeze Threshold: every path answers UNAVAILABLE or 503 in time, the
// event loop stays free, and everything works again once the lock is gone.
// Pins issue 12, case 12: a console's session:activity ended the process (an
// unhandled "database is locked" from extendSession), and any signed-in
// request froze every meeting for about 5 s (busy_timeout on the main thread).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { holdWriteLock } from '../helpers/lock-holder.js';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Client, createFixture, type Fixture } from '../helpers/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'threshold-lock-'));
let server: ServerProcess;
let fx: Fixture;
let console1: Client;

beforeAll(async () => {
  server = new ServerProcess(await freePort(), dataDir);
  await server.start();
  fx = await createFixture(server.url);
  console1 = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  expect(await console1.send({ type: 'meeting.start' } as never)).toMatchObject({ ok: true });
});
afterAll(async () => {
  console1?.close();
  await server?.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
};

test('issue 12, case 12: a lock held by another process gets UNAVAILABLE or 503 in time, and never ends the process', async () => {
  const lock = await holdWriteLock(join(dataDir, 'threshold.sqlite'), 10_000);
  try {
    // The console's keyboard activity extends the session: a write that cannot happen now.
    const console2 = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
    console2.socket.emit('session:activity');

    // A signed-in request (it extends the session) and the health check beside it.
    const [cases, health] = await Promise.all([
      timed(() => fx.api.get('/api/cases')),
      (async () => {
        await new Promise((r) => setTimeout(r, 20));
        return timed(() => fetch(`${server.url}/api/health`));
      })(),
    ]);
    expect(cases.result.status).toBe(503);
    expect(cases.result.body.error.code).toBe('UNAVAILABLE');
    expect(cases.ms).toBeLessThan(2500);
    expect(health.result.status).toBe(200);
    // Before the fix both took the lock's whole length; the margins leave room for a loaded two-core machine.
    expect(health.ms).toBeLessThan(1000);

    // A guest joining writes their participant row: refused UNAVAILABLE, quickly.
    const guest = Client.connect(server.url, { token: fx.links.remote.token, name: 'Visiting cousin' });
    const refused = await timed(() => guest.connectError(3000));
    guest.close();
    expect(refused.result.data?.code).toBe('UNAVAILABLE');
    expect(refused.ms).toBeLessThan(2500);

    // A command waits off the event loop, then says UNAVAILABLE before the client gives up.
    const command = await timed(() => console2.send({ type: 'turns.begin' } as never));
    expect(command.result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(command.ms).toBeLessThan(4500);
    console2.close();
  } finally {
    await lock.released;
  }
  // Still running, and whole again.
  expect(server.output).not.toMatch(/unhandled/i);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  expect((await fx.api.get('/api/cases')).status).toBe(200);
  expect(await console1.send({ type: 'turns.begin' } as never)).toMatchObject({ ok: true });
}, 30_000);
