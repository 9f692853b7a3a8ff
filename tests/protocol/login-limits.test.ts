// Password guessing is slowed per client address and stopped per account.
import { afterEach, expect, test } from 'vitest';
import { Api, startServer, type Running } from '../helpers/server.js';

let server: Running | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function freshServer() {
  server = await startServer();
  const api = new Api(server.url);
  expect((await api.post('/api/setup', { name: 'Dana', email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(201);
  return new Api(server.url);
}

test('five wrong passwords lock the account, even for the right password, with a message saying for how long', async () => {
  const api = await freshServer();
  for (let i = 0; i < 5; i++) {
    expect((await api.post('/api/login', { email: 'dana@example.org', password: `guess-${i}` })).status).toBe(401);
  }
  const locked = await api.post('/api/login', { email: 'Dana@Example.org', password: 'correct horse battery' });
  expect(locked.status).toBe(429);
  expect(locked.body.error.code).toBe('LOCKED');
  expect(locked.body.error.message).toMatch(/15 minutes/);
  expect(locked.setCookie).toBeNull();
});

test('an unknown email locks the same way, so the answer does not reveal which accounts exist', async () => {
  const api = await freshServer();
  for (let i = 0; i < 5; i++) await api.post('/api/login', { email: 'nobody@example.org', password: 'guess' });
  expect((await api.post('/api/login', { email: 'nobody@example.org', password: 'guess' })).body.error.code).toBe('LOCKED');
  // Another account is not affected by someone else's lock.
  expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
});

test('a successful login clears earlier failures', async () => {
  const api = await freshServer();
  for (let i = 0; i < 4; i++) await api.post('/api/login', { email: 'dana@example.org', password: 'guess' });
  expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
  for (let i = 0; i < 4; i++) await api.post('/api/login', { email: 'dana@example.org', password: 'guess' });
  expect((await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' })).status).toBe(200);
});

test('more than ten login attempts a minute from one address are refused', async () => {
  const api = await freshServer();
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    statuses.push((await api.post('/api/login', { email: `person${i}@example.org`, password: 'guess' })).status);
  }
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  const limited = await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' });
  expect(limited.status).toBe(429);
  expect(limited.body.error.code).toBe('RATE_LIMITED');
});

// Issue 12, case 4: attempts were counted after the password check, so a burst
// of simultaneous guesses was checked in full and never locked.
test('simultaneous wrong passwords lock like a sequence: only five are checked', async () => {
  const api = await freshServer();
  const burst = await Promise.all(
    Array.from({ length: 9 }, (_, i) => api.post('/api/login', { email: 'dana@example.org', password: `guess-${i}` })),
  );
  const statuses = burst.map((r) => r.status).sort();
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
  const locked = await api.post('/api/login', { email: 'dana@example.org', password: 'correct horse battery' });
  expect(locked.body.error.code).toBe('LOCKED');
});
