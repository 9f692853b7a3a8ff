// Errors raised before any route runs (Fastify's router, Node's HTTP parser)
// answer like every other error: the documented shape, no echo of the path,
// and the same security headers as every other response.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type Running } from '../helpers/server.js';

// Helmet's headers as an ordinary answer carries them: the router's and parser's answers must match.
const SECURITY = ['content-security-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'origin-agent-cluster', 'referrer-policy', 'x-content-type-options', 'x-dns-prefetch-control', 'x-download-options', 'x-frame-options', 'x-permitted-cross-domain-policies', 'x-xss-protection', 'cache-control'];
let server: Running;
let ordinary: Headers;
beforeAll(async () => {
  server = await startServer();
  ordinary = (await fetch(`${server.url}/api/health`)).headers;
});
afterAll(() => server.close());

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One GET with the path sent byte for byte (fetch would normalise it). */
function rawGet(path: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method: 'GET', path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request line longer than Node's parser accepts; the answer is read off the socket. */
function overlongRequest(path: string): Promise<RawAnswer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (raw += chunk));
    socket.on('error', () => undefined); // the server closes the connection after answering
    socket.on('close', () => {
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      if (!statusLine) reject(new Error('no answer'));
      else resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  });
}

function expectHardened(answer: RawAnswer, code: string, path: string) {
  const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  // The path may hold anything a caller typed; it is never sent back.
  expect(answer.body).not.toContain('evil');
  expect(answer.body).not.toContain(path.slice(0, 40));
  expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(answer.headers['cache-control']).toBe('no-store');
  for (const name of SECURITY) expect(answer.headers[name], name).toBe(ordinary.get(name));
}

// Issue 12, case 15: a malformed percent-encoding got Fastify's own body, naming the path, with no helmet headers.
test('a malformed percent-encoding in the path gets 400 INVALID in the documented shape, with the security headers', async () => {
  const path = '/api/cases/evil%E0%A4%A';
  const answer = await rawGet(path);
  expect(answer.status).toBe(400);
  expectHardened(answer, 'INVALID', path);
});

// Issue 12, case 15: a path segment over the router's parameter length got Fastify's 414 echoing the path.
test('a path parameter too long for the router gets 414 in the documented shape, with the security headers', async () => {
  const path = `/api/meetings/evil${'x'.repeat(300)}/audit`;
  const answer = await rawGet(path);
  expect(answer.status).toBe(414);
  expectHardened(answer, 'TOO_LARGE', path);
});

// Issue 12, case 15: a request line over Node's header limit got a bare 431 with none of the headers.
test('a URL too long for the HTTP parser gets 431 in the documented shape, with the security headers', async () => {
  const path = `/api/cases/evil${'y'.repeat(20_000)}`;
  const answer = await overlongRequest(path);
  expect(answer.status).toBe(431);
  expectHardened(answer, 'TOO_LARGE', path);
});

test('the server keeps answering after router and parser errors', async () => {
  await rawGet('/api/cases/%zz');
  await overlongRequest(`/${'z'.repeat(20_000)}`);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
});
