// DNS rebinding: a page on a public name made to resolve to the laptop sends
// an Origin equal to its Host, which passed the same-host rule. Pins a
// newcomer's finding: `POST /api/setup` (open to anyone until the first
// account exists) answered 201 to Host and Origin "evil.example:<port>".
import { request } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type Running } from '../helpers/server.js';

let server: Running;
let port: number;
beforeAll(async () => {
  server = await startServer({ ALLOWED_ORIGINS: 'https://threshold.example.org' });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

/** POST /api/setup as a browser would from `host`: Host and Origin both name it. */
function setupFrom(host: string): Promise<number> {
  const body = JSON.stringify({ name: 'Dana', email: 'dana@example.org', password: 'correct horse battery' });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/setup', method: 'POST', headers: { host, origin: `http://${host}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('a public name that is not ours is refused, though its Origin equals its Host', async () => {
  expect(await setupFrom(`evil.example:${port}`)).toBe(403);
  expect(await setupFrom(`rebind.attacker.example.com:${port}`)).toBe(403);
});

test('local names still work: the LAN address, localhost, a .local or single-label name', async () => {
  // None of these may be refused for their origin (they reach set-up: 201 the first time, then 409).
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `laptop.local:${port}`, `laptop:${port}`, `[::1]:${port}`]) {
    expect([201, 409]).toContain(await setupFrom(host));
  }
});
