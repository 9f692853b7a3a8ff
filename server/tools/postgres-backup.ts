// `npm run backup` on PostgreSQL (DATABASE_URL, issue 17): pg_dump in its
// custom format. pg_dump reads every table in one REPEATABLE READ snapshot,
// so the dump holds each accepted command whole or not at all while the
// server goes on writing (it takes no lock that blocks a command). The key is
// not in the database, so not in the dump. docs/deployment.md, "Backups on PostgreSQL".
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { postgresKysely, postgresPool } from '../store/postgres-connection.js';
import { storedCheck } from '../store/postgres-vault-check.js';
import { ToolError } from './common.js';
import { findProgram, runProgram } from './postgres-programs.js';

/**
 * Reads the whole archive `file` (pg_restore turns it into SQL, which is
 * scanned and dropped) and returns its sealed vault check value, or undefined
 * if it holds none. Throws ToolError if the archive is damaged or cut short.
 */
export async function archiveCheck(file: string): Promise<string | undefined> {
  if (!existsSync(file)) throw new ToolError(`there is no backup at ${file}`);
  let columns: string[] | null = null;
  let check: string | undefined;
  await runProgram('pg_restore', ['--file=-', file], null, {
    stdout: 'pipe',
    onLine: (line) => {
      if (columns) {
        // The first row of vault_check's COPY block (id 1, the only row): tab-separated text.
        if (line !== '\\.' && check === undefined) check = line.split('\t')[columns.indexOf('sealed')];
        columns = null;
        return;
      }
      const copy = /^COPY (?:public\.)?vault_check \(([^)]*)\) FROM stdin;$/.exec(line);
      if (copy) columns = copy[1]!.split(',').map((c) => c.trim());
    },
  }).catch((error: unknown) => {
    throw error instanceof ToolError ? new ToolError(`${file} is not a whole pg_dump archive (${error.message})`) : error;
  });
  return check;
}

/**
 * pg_dump of the database at `url` into `file`, in the custom format, created
 * with mode 0600 (its directory 0700 if new) so that it is never readable by
 * others, even while written. A failed dump leaves no file. Throws ToolError.
 */
export async function dumpTo(url: string, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'wx', 0o600);
  try {
    await runProgram('pg_dump', ['--format=custom'], url, { stdout: fd });
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  } finally {
    closeSync(fd);
  }
}

/**
 * Dumps the database at `url` to `destination` (which must not exist; mode
 * 0600, written under `<destination>.partial` until checked), then reads the
 * dump back whole and finds the vault's check value in it. Resolves with the
 * dump's size in bytes; throws ToolError.
 */
export async function backupPostgres(url: string, destination: string): Promise<number> {
  if (existsSync(destination)) throw new ToolError(`${destination} already exists; name another file`);
  // Both programs are needed (the dump is read back with pg_restore): missing ones are named before anything is written.
  findProgram('pg_dump');
  findProgram('pg_restore');
  const db = postgresKysely(postgresPool(url, { max: 1 }));
  try {
    if ((await storedCheck(db)) === undefined) throw new ToolError('the database holds no vault check value: start the server once on it first');
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`cannot read the database (${(error as { code?: string }).code ?? 'unknown error'}): check DATABASE_URL and that PostgreSQL is running`);
  } finally {
    await db.destroy();
  }
  const partial = `${destination}.partial`;
  // A half-made dump left by an earlier run that was stopped.
  rmSync(partial, { force: true });
  await dumpTo(url, partial);
  try {
    if ((await archiveCheck(partial)) === undefined) throw new ToolError('the dump holds no vault check value');
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  chmodSync(partial, 0o600);
  renameSync(partial, destination);
  return statSync(destination).size;
}
