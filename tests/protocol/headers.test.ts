// Security headers through helmet on every response, with a Content-Security-
// Policy the built client passes (the browser tests fail on any violation).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultClientDir } from '../../server/http/client.js';
import { createFixture, PRIVATE, startServer, type Running } from '../helpers/server.js';

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

test('pages and the API carry a strict policy: scripts only from this server, no frames, no plugins', async () => {
  for (const path of ['/', '/tablet', '/api/health']) {
    const res = await fetch(server.url + path);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // Tablets load Threshold over plain http on the home network: nothing may force https.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  }
});

// Issue 12, case 16: connect-src allowed any ws: or wss: host.
test('connections may go back to this server only', async () => {
  const csp = (await fetch(server.url + '/tablet')).headers.get('content-security-policy') ?? '';
  const connect = /connect-src ([^;]*)/.exec(csp)?.[1];
  expect(connect).toBe("'self'");
});

// Issue 12, case 14: answers that hold letters had no Cache-Control.
test('API answers, health data among them, are never stored by a browser or proxy', async () => {
  const fx = await createFixture(server.url);
  const res = await fx.api.get(`/api/cases/${fx.caseId}`);
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.body)).toContain(PRIVATE.annLetter);
  const raw = await fetch(`${server.url}/api/cases/${fx.caseId}`, { headers: { cookie: fx.api.cookie } });
  expect(raw.headers.get('cache-control')).toBe('no-store');
  // Refusals too: a 401 must not be cached and replayed either.
  expect((await fetch(`${server.url}/api/cases`)).headers.get('cache-control')).toBe('no-store');
});

test('an https public address adds HSTS', async () => {
  const secure = await startServer({ PUBLIC_URL: 'https://threshold.example.org' });
  try {
    expect((await fetch(`${secure.url}/api/health`)).headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  } finally {
    await secure.close();
  }
});

test('the built pages have no inline scripts', () => {
  const dir = defaultClientDir();
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  expect(pages.sort()).toEqual(['consent.html', 'display.html', 'index.html', 'prepare.html', 'remote.html', 'tablet.html']);
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
  }
});

test('the session cookie is Secure when the public address is https', async () => {
  const secure = await startServer({ PUBLIC_URL: 'https://threshold.example.org' });
  try {
    const res = await fetch(`${secure.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Dana', email: 'dana@example.org', password: 'correct horse battery' }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Secure/i);
  } finally {
    await secure.close();
  }
});
