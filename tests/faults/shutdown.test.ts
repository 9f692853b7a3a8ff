// Stopping with SIGTERM while a client holds a request open half-sent: the
// server must still exit at once and cleanly, with the database closed.
// Pins issue 12, case 13: it waited 10 s, exited 1 and left the WAL behind.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freePort, ServerProcess } from '../helpers/process.js';
import { createFixture } from '../helpers/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'threshold-sigterm-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('SIGTERM with a half-sent request exits 0 within 2 s and closes the database', async () => {
  const server = new ServerProcess(await freePort(), dataDir);
  await server.start();
  await createFixture(server.url);
  const socket = connect(server.port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.on('error', () => undefined);
  socket.write('POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"em');
  await new Promise((r) => setTimeout(r, 200));

  const started = Date.now();
  const code = await server.stop('SIGTERM');
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(2000);
  // A clean close checkpoints the WAL into the database file and removes it.
  expect(existsSync(join(dataDir, 'threshold.sqlite-wal'))).toBe(false);
  socket.destroy();
});
