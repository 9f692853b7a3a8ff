// A PostgreSQL server of the test's own: Debian's `postgresql` binaries, a
// fresh cluster in a temporary directory, on a free port on 127.0.0.1, as a
// child process of the test (issue 17). PostgreSQL refuses to run as root, so
// when the tests run as root (CI does) the cluster belongs to the `postgres`
// user (made by the package), or to `nobody`. Missing binaries fail the test
// with the line that installs them: never a silent skip.
//
// fsync is off: these tests kill Threshold, never PostgreSQL, and a commit
// PostgreSQL acknowledged survives its client's death without it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest } from '../../server/store/migrations/index.js';
import { postgresKysely, postgresPool } from '../../server/store/postgres-connection.js';
import { freePort } from './process.js';

export const INSTALL_POSTGRES = 'apt-get install -y postgresql';

/** The newest PostgreSQL's bin directory under /usr/lib/postgresql (or PG_BIN); throws with the install line if none. */
export function postgresBin(): string {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
  if (!bin) throw new Error(`PostgreSQL is not installed, and the PostgreSQL tests need it: run \`${INSTALL_POSTGRES}\` (or set PG_BIN)`);
  return bin;
}

/** The uid and gid to run PostgreSQL as: ourselves, unless we are root. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
  const user = passwd.find((f) => f[0] === 'postgres') ?? passwd.find((f) => f[0] === 'nobody');
  if (!user) throw new Error('running as root, with neither a `postgres` nor a `nobody` user to run PostgreSQL as');
  return { uid: Number(user[2]), gid: Number(user[3]) };
}

/** Servers still running; a test process that ends without stopping them (a crash, a timeout) takes them along. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const server of running) server.kill('SIGKILL');
});

/**
 * One PostgreSQL server: `start()` it in `beforeAll` (give the hook a minute:
 * initdb and a first start take seconds on a loaded machine), `stop()` it in `afterAll`.
 */
export class TestPostgres {
  private server: ChildProcess | null = null;
  private log = '';

  private constructor(
    private readonly dir: string,
    private readonly bin: string,
    private readonly owner: { uid: number; gid: number } | undefined,
    readonly port: number,
  ) {}

  /** initdb and start; resolves once connections are accepted (throws with PostgreSQL's output if it does not start). */
  static async start(): Promise<TestPostgres> {
    const bin = postgresBin();
    const owner = runAs();
    // As root, under /tmp: a TMPDIR inside root's home would not let the `postgres` user in.
    const dir = mkdtempSync(join(owner ? '/tmp' : tmpdir(), 'threshold-pg-'));
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const init = spawnSync(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], {
      ...owner, encoding: 'utf8', cwd: dir,
    });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error}`);
    for (let attempt = 0; ; attempt++) {
      const started = new TestPostgres(dir, bin, owner, await freePort());
      if (await started.resume().then(() => true, () => false)) return started;
      await started.pause();
      // The free port was taken between the probe and the start: try another.
      if (attempt >= 2 || !/could not bind|Address already in use/.test(started.log)) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start: ${started.log}`);
      }
    }
  }

  /** Starts the server (again, after `pause`) on the same data and port; resolves once it accepts connections. */
  async resume(): Promise<void> {
    const server = spawn(join(this.bin, 'postgres'), [
      '-D', join(this.dir, 'data'), '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1',
      '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
    ], { ...this.owner, cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (c) => (this.log += c));
    server.stderr!.on('data', (c) => (this.log += c));
    this.server = server;
    running.add(server);
    server.once('exit', () => running.delete(server));
    if (!(await this.ready())) throw new Error(`PostgreSQL did not start: ${this.log}`);
  }

  /** Stops the server (a fast shutdown: its clients' connections are cut), keeping its data for `resume`. */
  async pause(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGINT');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private async ready(): Promise<boolean> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && this.server?.exitCode === null) {
      const client = new pg.Client({ connectionString: this.url('postgres') });
      try {
        await client.connect();
        await client.end();
        return true;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return false;
  }

  /** The URL of database `name` on this server. */
  url(name: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${name}`;
  }

  /** A new empty database (or a copy of `template`); returns its URL. */
  async createDatabase(template?: string): Promise<string> {
    const name = `t_${randomUUID().replaceAll('-', '')}`;
    await this.admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${new URL(template).pathname.slice(1)}"` : ''}`);
    return this.url(name);
  }

  private migrated: Promise<string> | undefined;

  /**
   * A database with every migration applied and nothing else (no check value:
   * each store that opens a copy seals its own), made once per server: copying
   * it is much faster than migrating each test's database. Use as `template`.
   */
  migratedTemplate(): Promise<string> {
    return (this.migrated ??= (async () => {
      const url = await this.createDatabase();
      const db = postgresKysely(postgresPool(url, { max: 1 }));
      try {
        await migrateToLatest(db);
      } finally {
        await db.destroy();
      }
      return url;
    })());
  }

  /** Drops database `url`, ending its connections first. */
  async dropDatabase(url: string): Promise<void> {
    const name = new URL(url).pathname.slice(1);
    await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  private async admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  /** PostgreSQL's own output so far, for a failing test's message. */
  output(): string {
    return this.log;
  }

  /** Stops the server, then the directory goes. */
  async stop(): Promise<void> {
    await this.pause();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
