// One server per data directory. Pins a newcomer's finding: a second process
// on the same DATA_DIR started without complaint, restored the same meetings,
// and then answered every command "try again" forever (its revisions were
// behind the first's). Also: the database file is private to its user.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freePort, ServerProcess } from '../helpers/process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'threshold-lock-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('a second server on the same data directory is refused by name; after a SIGKILL the directory is free again', async () => {
  const first = new ServerProcess(await freePort(), dataDir);
  servers.push(first);
  await first.start();
  expect(statSync(join(dataDir, 'threshold.sqlite')).mode & 0o777).toBe(0o600);

  const second = new ServerProcess(await freePort(), dataDir);
  servers.push(second);
  await expect(second.start()).rejects.toThrow(/another Threshold server \(process \d+\) is already using the data directory/);

  // A killed server leaves its lock behind; the next start takes it over.
  await first.stop('SIGKILL');
  const third = new ServerProcess(await freePort(), dataDir);
  servers.push(third);
  await third.start();
  expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
});
