// Issue 17: /api/ready is the readiness check (the database answers), apart
// from /api/health, the liveness check. One process on SQLite here; the
// multi-process answers, with Redis, are in tests/scale/three-processes.test.ts.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type Running } from '../helpers/server.js';

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

test('issue 17: GET /api/ready answers 200 with the database, and names no Redis without REDIS_URL', async () => {
  const res = await fetch(`${server.url}/api/ready`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ready', database: 'ok' });
});

test('issue 17: GET /api/ready answers 503 when the database cannot answer, while /api/health stays 200', async () => {
  const meetings = server.threshold.services.store.meetings;
  const get = meetings.get;
  meetings.get = async () => {
    throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  };
  try {
    const res = await fetch(`${server.url}/api/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', database: 'unavailable' });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  } finally {
    meetings.get = get;
  }
});
