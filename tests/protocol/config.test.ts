// A bad setting stops the start with a message that names the variable, as
// the README promises. Pins a newcomer's finding: LOG_LEVEL=verbose failed
// with pino's "default level:verbose must be included in custom levels", and
// HOST=999.1.1.1 with "getaddrinfo ENOTFOUND".
import { expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

const attempt = (env: Record<string, string>) => () => loadConfig({ DATA_DIR: '/tmp/threshold-config-test', ...env });

test('an unknown LOG_LEVEL is named, with the levels there are', () => {
  expect(attempt({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
  expect(attempt({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of .*debug.*"verbose"/);
  expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
});

test('a HOST that is not an address is named', () => {
  expect(attempt({ HOST: '999.1.1.1' })).toThrow(/HOST must be an address/);
  expect(attempt({ HOST: 'not a host!' })).toThrow(/HOST must be an address/);
  for (const host of ['0.0.0.0', '127.0.0.1', '::', '::1', 'localhost', 'laptop.local']) expect(loadConfig({ HOST: host }).host).toBe(host);
});

// Issue 17: DATABASE_URL selects PostgreSQL; a wrong one is named without repeating it (it may hold a password).
test('DATABASE_URL must be a postgres:// URL, and a bad one is not echoed', () => {
  expect(loadConfig({}).databaseUrl).toBeNull();
  expect(loadConfig({ DATABASE_URL: 'postgres://t:pw@db:5432/threshold' }).databaseUrl).toBe('postgres://t:pw@db:5432/threshold');
  expect(loadConfig({ DATABASE_URL: 'postgresql://db/threshold' }).databaseUrl).toBe('postgresql://db/threshold');
  expect(attempt({ DATABASE_URL: 'mysql://u:hunter2secret@db/x' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
  expect(attempt({ DATABASE_URL: 'mysql://u:hunter2secret@db/x' })).not.toThrow(/hunter2secret/);
  expect(attempt({ DATABASE_URL: 'not a url hunter2secret' })).toThrow(/DATABASE_URL must be a URL/);
  expect(attempt({ DATABASE_URL: 'not a url hunter2secret' })).not.toThrow(/hunter2secret/);
});

// Issue 17: REDIS_URL runs a process as one of several sharing DATABASE_URL; it needs one, and a bad one is not echoed.
test('REDIS_URL must be a redis:// URL, needs DATABASE_URL, and a bad one is not echoed', () => {
  const database = { DATABASE_URL: 'postgres://db/threshold' };
  expect(loadConfig(database).redisUrl).toBeNull();
  expect(loadConfig({ ...database, REDIS_URL: 'redis://:pw@cache:6379' }).redisUrl).toBe('redis://:pw@cache:6379');
  expect(loadConfig({ ...database, REDIS_URL: 'rediss://cache:6380' }).redisUrl).toBe('rediss://cache:6380');
  expect(attempt({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/);
  expect(attempt({ ...database, REDIS_URL: 'http://u:hunter2secret@cache' })).toThrow(/REDIS_URL must start with redis:\/\//);
  expect(attempt({ ...database, REDIS_URL: 'http://u:hunter2secret@cache' })).not.toThrow(/hunter2secret/);
  expect(attempt({ ...database, REDIS_URL: 'not a url hunter2secret' })).toThrow(/REDIS_URL must be a URL/);
  expect(attempt({ ...database, REDIS_URL: 'not a url hunter2secret' })).not.toThrow(/hunter2secret/);
});
