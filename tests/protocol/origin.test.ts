// Another website must not be able to drive a signed-in console or a tablet's
// link: requests that carry a foreign Origin are refused, over HTTP and at the
// Socket.IO handshake (Socket.IO's cors option alone does not stop websockets).
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

let server: Running;
let fx: Fixture;

beforeAll(async () => {
  server = await startServer({ ALLOWED_ORIGINS: 'https://console.example.org' });
  fx = await createFixture(server.url);
});
afterAll(() => server.close());

async function login(origin?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (origin) headers.origin = origin;
  const res = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'dana@example.org', password: 'correct horse battery' }),
  });
  return { status: res.status, body: await res.json() };
}

test('a state-changing request from a foreign origin is refused with a clear message', async () => {
  const refused = await login('https://evil.example');
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('FORBIDDEN_ORIGIN');
  expect(refused.body.error.message).toMatch(/another website/);
  const sneaky = await fetch(`${server.url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'null', cookie: fx.api.cookie },
    body: JSON.stringify({ lovedOneName: 'X', approach: 'johnson' }),
  });
  expect(sneaky.status).toBe(403);
});

test('the same host, an allowlisted origin, and scripts without an Origin all pass', async () => {
  expect((await login(server.url)).status).toBe(200);
  expect((await login('https://console.example.org')).status).toBe(200);
  expect((await login()).status).toBe(200);
});

function handshake(origin: string) {
  const socket = ioClient(server.url, {
    auth: { token: fx.links.display.token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin },
  });
  return new Promise<'connected' | 'refused'>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  }).finally(() => socket.close());
}

test('a websocket from a foreign origin is refused at the handshake, even with a valid token', async () => {
  expect(await handshake('https://evil.example')).toBe('refused');
  expect(await handshake(server.url)).toBe('connected');
  expect(await handshake('https://console.example.org')).toBe('connected');
  // A script without an Origin connects with its token as before.
  const display = await Client.open(server.url, { token: fx.links.display.token });
  expect(display.view.role).toBe('display');
  display.close();
});
