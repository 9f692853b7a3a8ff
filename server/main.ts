// Starts Threshold from the command line: configuration from the environment,
// the addresses tablets can use printed at start, graceful stop on SIGTERM.
import type { AddressInfo } from 'node:net';
import { buildServer } from './app.js';
import { ConfigError, lanAddresses, loadConfig } from './config.js';
import { VaultError } from './security/vault.js';

/** How long open HTTP requests may finish after SIGTERM before their connections are closed (ms). */
const SHUTDOWN_GRACE_MS = 1000;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Threshold cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  let built;
  try {
    built = await buildServer({ config });
  } catch (error) {
    if (error instanceof VaultError) {
      console.error(`Threshold cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const { app, services } = built;
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const hosts = config.host === '0.0.0.0' || config.host === '::' ? ['localhost', ...lanAddresses()] : [config.host];
  console.log(`Threshold is running. Open it at:`);
  for (const host of hosts) console.log(`  http://${host}:${port}`);
  console.log(`Join links start with ${services.baseUrl()}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    // Requests still open after a grace period (a client that sent half a body
    // and went quiet) are cut, so that the store closes and the process exits
    // cleanly in time instead of being killed with its WAL behind (issue 12, case 13).
    const grace = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    grace.unref();
    await app.close();
    process.exit(0);
  };
  // A last guard: a rejection nobody handled (a store call left unawaited in
  // future code) must not end every family's meeting. Only its kind is logged:
  // a message could quote health data (issue 12, case 12).
  process.on('unhandledRejection', (error) => {
    const { name, code } = (error ?? {}) as { name?: string; code?: string };
    app.log.error({ err: { type: name ?? typeof error, code } }, 'unhandled rejection; still running');
  });
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Threshold could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
