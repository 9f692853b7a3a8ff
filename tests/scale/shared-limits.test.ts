// Issue 17: login throttling and lockouts hold across processes. With each
// process counting alone, guesses spread over two processes got twice the
// attempts; with REDIS_URL they count in Redis, as one server would.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TestCluster } from '../helpers/cluster.js';
import { createFixture } from '../helpers/server.js';

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await TestCluster.start(2);
  await createFixture(cluster.servers[0]!.url);
}, 90_000);
afterAll(async () => {
  await cluster?.stop();
});

async function post(at: number, path: string, body: unknown): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${cluster.servers[at]!.url}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: cluster.servers[at]!.url }, body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
  return { status: res.status, code: json.error?.code };
}

test('issue 17: wrong passwords spread over two processes lock the account on both', async () => {
  const email = 'dana@example.org';
  const answers = [];
  // Five wrong guesses, alternating: A, B, A, B, A.
  for (let i = 0; i < 5; i++) answers.push(await post(i % 2, '/api/login', { email, password: `guess number ${i}` }));
  expect(answers.map((a) => a.code)).toEqual(Array(5).fill('BAD_CREDENTIALS'));
  // The sixth, on B, which saw only two of them: locked, as on one server.
  expect(await post(1, '/api/login', { email, password: 'guess number 5' })).toEqual({ status: 429, code: 'LOCKED' });
  // Even the right password waits out the lock, on A too.
  expect(await post(0, '/api/login', { email, password: 'correct horse battery' })).toEqual({ status: 429, code: 'LOCKED' });
});

test('issue 17: the per-address rate limit counts requests on every process together', async () => {
  // /api/setup allows 10 a minute per address; the fixture used one, on A. Twelve more, alternating.
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await post(i % 2, '/api/setup', { name: 'X', email: 'x@example.org', password: 'long enough password' })).status);
  expect(statuses.slice(0, 9)).toEqual(Array(9).fill(409));
  // Counted together: the 11th, 12th and 13th of the minute are refused, whichever process they reach.
  expect(statuses.slice(9)).toEqual([429, 429, 429]);
});
