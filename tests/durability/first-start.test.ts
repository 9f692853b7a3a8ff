// What a self-hoster reads in the server's output (issue 13, item 21): one
// line at first start naming the key file it created and the need to back it
// up apart from the data; and no line per HTTP request at `info`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { freePort, ServerProcess } from '../helpers/process.js';

const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function started(dataDir: string): Promise<ServerProcess> {
  const server = new ServerProcess(await freePort(), dataDir);
  servers.push(server);
  await server.start();
  return server;
}

test('issue 13, item 21: the first start names the new key file once, and asks for a separate backup', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'threshold-first-'));
  dirs.push(dataDir);
  const first = await started(dataDir);
  const keyFile = join(dataDir, 'threshold.key');
  const lines = first.output.split('\n').filter((l) => l.includes(keyFile));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/back it up/i);
  expect(lines[0]).toMatch(/apart from the data/i);
  await first.stop('SIGTERM');
  servers.splice(0);
  // The second start finds the key: nothing was created, so nothing is said.
  const second = await started(dataDir);
  expect(second.output).not.toContain(keyFile);
});

test('issue 13, item 21: at info, HTTP requests are not logged one by one', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'threshold-quiet-'));
  dirs.push(dataDir);
  const server = await started(dataDir);
  for (let i = 0; i < 5; i++) await fetch(`${server.url}/api/health`);
  await new Promise((r) => setTimeout(r, 100));
  expect(server.output).not.toMatch(/incoming request|request completed/);
  expect(server.output).not.toContain('/api/health');
});
