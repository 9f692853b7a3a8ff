// The database's files deleted while the server runs (a clean-up script, a
// mistaken `rm`): the server must notice, answer UNAVAILABLE (503 over HTTP)
// instead of acknowledging commands into a file that no longer exists, say so
// in its log without names, and never offer set-up afterwards.
// Pins issue 12, case 11: commands kept returning ok, and after a restart
// everything was gone and /api/setup was open to whoever came first.
import { mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Client, createFixture } from '../helpers/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'threshold-deleted-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('issue 12, case 11: the database deleted while running answers UNAVAILABLE, is logged, and set-up is never offered', async () => {
  const server = new ServerProcess(await freePort(), dataDir);
  await server.start();
  const fx = await createFixture(server.url, { names: { lovedOne: 'Samuel-Lovedone', ann: 'Annabel-Inroom' } });
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  try {
    expect(await facilitator.send({ type: 'meeting.start' } as never)).toMatchObject({ ok: true });
    for (const name of readdirSync(dataDir)) if (name.startsWith('threshold.sqlite')) unlinkSync(join(dataDir, name));

    // At once: the next command is not acknowledged into a deleted file.
    expect(await facilitator.send({ type: 'turns.begin' } as never)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    // Within the watcher's second, HTTP says so too, set-up included.
    await new Promise((r) => setTimeout(r, 1500));
    const cases = await fx.api.get('/api/cases');
    expect(cases.status).toBe(503);
    expect(cases.body.error.code).toBe('UNAVAILABLE');
    const setup = await fetch(`${server.url}/api/setup`);
    expect(setup.status).toBe(503);
    expect(await facilitator.send({ type: 'turns.begin' } as never)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(server.output).toMatch(/database file was deleted or replaced/);
    for (const name of ['Samuel-Lovedone', 'Annabel-Inroom']) expect(server.output).not.toContain(name);
  } finally {
    facilitator.close();
  }
  expect(await server.stop('SIGTERM')).toBe(0);
  // No empty database was left behind to be set up afresh, and the next start refuses.
  expect(readdirSync(dataDir).filter((name) => name.startsWith('threshold.sqlite'))).toEqual([]);
  const again = new ServerProcess(await freePort(), dataDir);
  await expect(again.start()).rejects.toThrow(/no database/);
}, 30_000);
