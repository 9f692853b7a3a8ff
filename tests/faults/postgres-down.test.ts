// Issue 17: PostgreSQL going away under a running server (a restart, a
// failover, a network cut) must neither end nor freeze Threshold: requests
// answer 503 UNAVAILABLE and commands UNAVAILABLE, in time, the health check
// stays up, and everything works again once PostgreSQL is back, without
// restarting Threshold. pg's connection errors were not "unavailable" before
// (they would have been 500s), and an idle connection's error event, left
// unhandled, ends a Node process.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TestPostgres } from '../helpers/postgres.js';
import { freePort, ServerProcess } from '../helpers/process.js';
import { Client, createFixture, type Fixture } from '../helpers/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'threshold-pg-down-'));
let database: TestPostgres;
let server: ServerProcess;
let fx: Fixture;
let facilitator: Client;

beforeAll(async () => {
  database = await TestPostgres.start();
  server = new ServerProcess(await freePort(), dataDir, {
    DATABASE_URL: await database.createDatabase(),
    THRESHOLD_KEY: randomBytes(32).toString('base64'),
  });
  await server.start();
  fx = await createFixture(server.url);
  facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  expect(await facilitator.send({ type: 'meeting.start' } as never)).toMatchObject({ ok: true });
}, 90_000);
afterAll(async () => {
  facilitator?.close();
  await server?.stop('SIGTERM');
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('issue 17: with PostgreSQL down, requests answer 503 and commands UNAVAILABLE in time; once it is back, all works again', async () => {
  await database.pause();
  const started = Date.now();
  const cases = await fx.api.get('/api/cases');
  expect(cases.status).toBe(503);
  expect(cases.body.error.code).toBe('UNAVAILABLE');
  const command = await facilitator.send({ type: 'turns.begin' } as never);
  expect(command).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  expect(Date.now() - started).toBeLessThan(12_000);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

  await database.resume();
  expect((await fx.api.get('/api/cases')).status).toBe(200);
  const again = await facilitator.send({ type: 'turns.begin' } as never);
  expect(again).toMatchObject({ ok: true });
  // Still the same process: nothing went unhandled.
  expect(server.output).not.toMatch(/unhandled|Error: Connection terminated/i);
}, 60_000);
