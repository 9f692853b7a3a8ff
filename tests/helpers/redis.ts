// A Redis server of the test's own (issue 17): Debian's `redis-server`, in a
// temporary directory, on a free port on 127.0.0.1, as a child process of the
// test, with nothing persisted. A missing binary fails the test with the line
// that installs it: never a silent skip.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './process.js';

export const INSTALL_REDIS = 'apt-get install -y redis-server';

/** The redis-server binary (REDIS_SERVER, else the one on PATH); throws with the install line if none. */
export function redisServerBinary(): string {
  const candidate = process.env.REDIS_SERVER ?? 'redis-server';
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`Redis is not installed, and the multi-process tests need it: run \`${INSTALL_REDIS}\` (or set REDIS_SERVER)`);
  }
  return candidate;
}

/** Servers still running; a test process that ends without stopping them takes them along. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const server of running) server.kill('SIGKILL');
});

/** One Redis server: `start()` in `beforeAll`, `stop()` in `afterAll`. */
export class TestRedis {
  private log = '';

  private constructor(
    private readonly dir: string,
    private readonly server: ChildProcess,
    readonly port: number,
  ) {}

  /** Starts redis-server; resolves once it answers PING (throws with its output if it does not). */
  static async start(): Promise<TestRedis> {
    const bin = redisServerBinary();
    const dir = mkdtempSync(join(tmpdir(), 'threshold-redis-'));
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      const server = spawn(bin, [
        '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
        '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'no',
      ], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      const started = new TestRedis(dir, server, port);
      server.stdout!.on('data', (c) => (started.log += c));
      server.stderr!.on('data', (c) => (started.log += c));
      running.add(server);
      server.once('exit', () => running.delete(server));
      if (await started.ready()) return started;
      server.kill('SIGKILL');
      // The free port was taken between the probe and the start: try another.
      if (attempt >= 2 || !/Address already in use/.test(started.log)) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`Redis did not start: ${started.log}`);
      }
    }
  }

  /** The URL to give REDIS_URL. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  private async ready(): Promise<boolean> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && this.server.exitCode === null) {
      if (await this.ping()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  private ping(): Promise<boolean> {
    return new Promise((done) => {
      const socket = createConnection(this.port, '127.0.0.1');
      socket.once('error', () => done(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (reply) => {
        socket.destroy();
        done(reply.toString().startsWith('+PONG'));
      });
    });
  }

  /** Redis's own output so far, for a failing test's message. */
  output(): string {
    return this.log;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 5 s); the directory goes. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
