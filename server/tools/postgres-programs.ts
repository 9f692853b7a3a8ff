// PostgreSQL's own programs (pg_dump, pg_restore) as the tools run them on a
// DATABASE_URL (issue 17): where they are, how they are told the database
// without the password ever reaching a command line (other users of the
// machine can read those), and their failures as one plain line.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { describeDatabase } from '../store/postgres-connection.js';
import { SERVER_LOCK } from '../store/open.js';
import { ToolError } from './common.js';

export type PostgresProgram = 'pg_dump' | 'pg_restore';

/** Debian's (and Ubuntu's) home of PostgreSQL's programs, one directory per major version. */
const DEBIAN_DIR = '/usr/lib/postgresql';

export const INSTALL_CLIENT =
  "install PostgreSQL's client programs, of the server's major version or later (Debian or Ubuntu: `apt-get install -y postgresql-client`), or set PG_BIN to the directory that holds them";

/**
 * The path of `program`: in PG_BIN if set, else the first on PATH, else the
 * newest /usr/lib/postgresql/<version>/bin. Throws ToolError naming what to install.
 */
export function findProgram(program: PostgresProgram, env: NodeJS.ProcessEnv = process.env): string {
  const dirs = env.PG_BIN
    ? [env.PG_BIN]
    : [
        ...(env.PATH ?? '').split(delimiter).filter(Boolean),
        ...(existsSync(DEBIAN_DIR) ? readdirSync(DEBIAN_DIR).sort((a, b) => Number(b) - Number(a)).map((v) => join(DEBIAN_DIR, v, 'bin')) : []),
      ];
  const found = dirs.map((dir) => join(dir, program)).find((path) => existsSync(path));
  if (!found) throw new ToolError(`${program} was not found (${env.PG_BIN ? `in PG_BIN, ${env.PG_BIN}` : `on PATH, nor in ${DEBIAN_DIR}/*/bin`}): ${INSTALL_CLIENT}`);
  return found;
}

/**
 * libpq's environment for a postgres:// URL: PGHOST, PGPORT, PGUSER,
 * PGPASSWORD, PGDATABASE and PGSSLMODE (from `sslmode`, or node-pg's
 * `ssl=true`). The programs then take no connection argument at all.
 */
export function libpqEnvironment(url: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  const host = parsed.searchParams.get('host') ?? decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1');
  if (host) env.PGHOST = host;
  if (parsed.port) env.PGPORT = parsed.port;
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  if (database) env.PGDATABASE = database;
  const sslmode = parsed.searchParams.get('sslmode') ?? (parsed.searchParams.get('ssl') === 'true' ? 'require' : null);
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export interface RunOptions {
  /** Where the program's standard output goes: a file descriptor, or 'pipe' to read it with `onLine`. */
  stdout?: number | 'ignore' | 'pipe';
  /** Called with each line of standard output when `stdout` is 'pipe'. */
  onLine?: (line: string) => void;
}

/**
 * Runs `program` with `args` against the database at `url` (null: an archive alone); resolves when it
 * exits 0. Throws ToolError with its last line of complaint (libpq never
 * prints the password) and the database as host:port/name.
 */
export function runProgram(program: PostgresProgram, args: string[], url: string | null, { stdout = 'ignore', onLine }: RunOptions = {}): Promise<void> {
  const path = findProgram(program);
  const child = spawn(path, ['--no-password', ...args], {
    env: { ...process.env, ...(url ? libpqEnvironment(url) : {}), PGAPPNAME: `threshold ${program}`, PGCONNECT_TIMEOUT: '10' },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let complaint = '';
  child.stderr!.on('data', (chunk: Buffer) => (complaint += chunk.toString()));
  const lines = child.stdout && onLine ? createInterface({ input: child.stdout, crlfDelay: Infinity }) : null;
  lines?.on('line', onLine!);
  const read = lines ? new Promise((done) => lines.once('close', done)) : Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new ToolError(`${program} could not run (${error.message}): ${INSTALL_CLIENT}`)));
    child.once('close', (code) => {
      void read.then(() => {
        if (code === 0) return resolve();
        const last = complaint.trim().split('\n').filter(Boolean).pop() ?? `exit code ${code}`;
        reject(new ToolError(`${program} failed${url ? ` on ${describeDatabase(url)}` : ''}: ${last.replace(/^\S+: /, '')}`));
      });
    });
  });
}

/**
 * Takes the server lock of the database at `url` alone (the lock every
 * Threshold server holds while it runs, server/store/open.ts) and keeps it
 * until the returned client is ended: no server can start meanwhile. Throws
 * ToolError if a server (one or several) holds it now.
 */
export async function holdServerLock(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'threshold tool', connectionTimeoutMillis: 10_000 });
  // A dropped connection frees the lock; the tool's next query then fails with a plain message.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown error';
    throw new ToolError(`cannot reach the database at ${describeDatabase(url)} (${code}): check DATABASE_URL and that PostgreSQL is running`);
  }
  const held = (await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held', [SERVER_LOCK])).rows[0]?.held;
  if (!held) {
    await client.end().catch(() => undefined);
    throw new ToolError(`the database at ${describeDatabase(url)} is in use: stop the Threshold server (every process using it) first`);
  }
  return client;
}
