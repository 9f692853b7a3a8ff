// Threshold as the bench runs it: the built production server (dist/server),
// built and listening exactly as server/main.ts does, plus an IPC channel on
// which the orchestrator asks for event-loop delay, memory and heap after GC.
// Run with --expose-gc. Configuration comes from the same environment
// variables as production (DATA_DIR, PORT, LOG_LEVEL...), HOST is 127.0.0.1.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { announce, serve } from './ipc.js';
import { serverMetrics } from './metrics.js';

interface Threshold {
  app: { listen(o: { port: number; host: string }): Promise<string>; close(): Promise<void>; server: { address(): { port: number } } };
  services: { registry: { size: number } };
  hub: unknown;
}

const dist = resolve(import.meta.dirname, '..');
const load = (path: string) => import(pathToFileURL(join(dist, path)).href);

/** The transport settings our hub gives Socket.IO, so the bare server can use the very same. */
const TRANSPORT_KEYS = [
  'pingInterval',
  'pingTimeout',
  'maxHttpBufferSize',
  'perMessageDeflate',
  'httpCompression',
  'transports',
  'allowUpgrades',
  'upgradeTimeout',
] as const;

function transportOf(hub: unknown): Record<string, unknown> {
  // The hub keeps its Socket.IO server private; reading it is a bench-only reach.
  const io = (hub as { io?: { engine?: { opts?: Record<string, unknown> } } }).io;
  const opts = io?.engine?.opts;
  if (!opts) throw new Error('could not read the transport settings of the realtime hub (has RealtimeHub changed?)');
  const picked: Record<string, unknown> = { serveClient: false };
  for (const key of TRANSPORT_KEYS) picked[key] = opts[key];
  return picked;
}

async function main() {
  const { buildServer } = await load('server/app.js');
  const { loadConfig } = await load('server/config.js');
  const config = loadConfig({ ...process.env, HOST: '127.0.0.1' });
  const started = performance.now();
  const threshold = (await buildServer({ config })) as Threshold;
  const builtMs = performance.now() - started;
  await threshold.app.listen({ port: config.port, host: '127.0.0.1' });
  const listeningMs = performance.now() - started;
  serve({ ...serverMetrics() });
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    void threshold.app.close().then(() => process.exit(0));
  });
  announce('ready', {
    port: threshold.app.server.address().port,
    meetings: threshold.services.registry.size,
    builtMs,
    listeningMs,
    sinceProcessStartMs: performance.now(),
    transport: transportOf(threshold.hub),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
