// Issue 17: the multi-process tests start a Redis of their own
// (tests/helpers/redis.ts), and a machine without it fails them with the
// install line rather than skipping them.
import { createConnection } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { redisServerBinary, TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await TestRedis.start();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});

/** One command in Redis's inline protocol; resolves with the first reply. */
function ask(port: number, command: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('error', fail);
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.once('data', (reply) => {
      socket.destroy();
      done(reply.toString());
    });
  });
}

test('issue 17: the test Redis runs on its own port, keeps nothing on disk, and stops', async () => {
  expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
  expect(await ask(redis.port, 'PING')).toBe('+PONG\r\n');
  expect(await ask(redis.port, 'CONFIG GET save')).toContain('save');
  const second = await TestRedis.start();
  expect(second.port).not.toBe(redis.port);
  await second.stop();
  await expect(ask(second.port, 'PING')).rejects.toThrow();
});

test('issue 17: without redis-server the tests fail, saying what to install, rather than skip', () => {
  const saved = process.env.REDIS_SERVER;
  process.env.REDIS_SERVER = '/nonexistent/redis-server';
  try {
    expect(() => redisServerBinary()).toThrow(/Redis is not installed.*apt-get install -y redis-server/);
  } finally {
    if (saved === undefined) delete process.env.REDIS_SERVER;
    else process.env.REDIS_SERVER = saved;
  }
});
