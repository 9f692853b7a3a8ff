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
