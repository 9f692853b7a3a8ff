// `npm run restore -- <file> [--replace]` on PostgreSQL (DATABASE_URL, issue
// 17): pg_restore of a dump made by `npm run backup`, with every server on the
// database stopped. Into an empty database as it is; over a database that
// holds Threshold's tables only with --replace, and then only after that
// database was dumped beside the backups, so that a restore of the wrong file
// loses nothing. pg_restore runs in one transaction: a restore that fails
// midway leaves the database as it was. docs/deployment.md, "Backups on PostgreSQL".
import { existsSync } from 'node:fs';
import type pg from 'pg';
import { VaultError, type Vault } from '../security/vault.js';
import { describeDatabase, postgresKysely, postgresPool } from '../store/postgres-connection.js';
import { storedCheck } from '../store/postgres-vault-check.js';
import { CHECK_TEXT, opens, WRONG_KEY } from '../store/vault-check.js';
import { expectBackupFormat, ToolError } from './common.js';
import { archiveCheck, dumpTo } from './postgres-backup.js';
import { findProgram, holdServerLock, libpqEnvironment, runProgram } from './postgres-programs.js';

/** Checks that `backup` is a whole Threshold dump that `vault` opens; returns its sealed check value. Throws ToolError or VaultError. */
export async function checkPostgresBackup(backup: string, vault: Vault): Promise<string> {
  expectBackupFormat(backup, 'pg_dump');
  findProgram('pg_dump');
  const check = await archiveCheck(backup);
  if (check === undefined) throw new ToolError(`${backup} is not a Threshold backup (it holds no vault check value)`);
  if (!opens(vault, check, CHECK_TEXT)) throw new VaultError(WRONG_KEY);
  return check;
}

/** The tables of schema public in the database `lock` is connected to. */
async function publicTables(lock: pg.Client): Promise<string[]> {
  return (await lock.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.name);
}

/** The tables the archive `backup` creates (from its table of contents). */
async function archiveTables(backup: string): Promise<Set<string>> {
  const tables = new Set<string>();
  await runProgram('pg_restore', ['--list', backup], null, {
    stdout: 'pipe',
    onLine: (line) => {
      const entry = /^\d+; \d+ \d+ TABLE public (\S+) /.exec(line);
      if (entry) tables.add(entry[1]!);
    },
  });
  return tables;
}

export interface RestoreOptions {
  /** Whether a database that holds tables may be replaced (the command's --replace). */
  replace: boolean;
  /** Where the replaced database is dumped first, when there is one. */
  keepAs: string;
}

/**
 * Restores `backup` (checked with checkPostgresBackup first) into the database
 * at `url`. Returns where the replaced database was dumped, or null if the
 * database was empty. Throws ToolError if a server uses the database, if it
 * holds tables and `replace` is false, or if pg_dump or pg_restore fail.
 */
export async function restorePostgres(backup: string, url: string, check: string, { replace, keepAs }: RestoreOptions): Promise<string | null> {
  const lock = await holdServerLock(url);
  let kept: string | null = null;
  try {
    const present = await publicTables(lock);
    if (present.length > 0) {
      if (!replace) {
        throw new ToolError(
          `the database at ${describeDatabase(url)} is not empty (${present.length} tables): restore into an empty database, ` +
            'or add --replace to replace what it holds (it is dumped beside the backups first)',
        );
      }
      // Two restores within one second would name the same file: the second gets a number.
      kept = keepAs;
      for (let n = 1; existsSync(kept); n++) kept = keepAs.replace(/(\.dump)?$/, `-${n}$1`);
      await dumpTo(url, kept);
      // Tables the backup does not have (a later migration's) would stop the next start's migrations: they go too.
      const restored = await archiveTables(backup);
      const extra = present.filter((table) => !restored.has(table));
      if (extra.length > 0) await lock.query(`DROP TABLE IF EXISTS ${extra.map((t) => `"${t.replaceAll('"', '""')}"`).join(', ')} CASCADE`);
    }
    const env = libpqEnvironment(url);
    await runProgram(
      'pg_restore',
      [
        // Owned by DATABASE_URL's user, whoever made the dump; one transaction, stopped by the first error.
        '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error',
        ...(present.length > 0 ? ['--clean', '--if-exists'] : []),
        `--dbname=${env.PGDATABASE ?? env.PGUSER ?? 'postgres'}`,
        backup,
      ],
      url,
    );
    const db = postgresKysely(postgresPool(url, { max: 1 }));
    try {
      if ((await storedCheck(db)) !== check) throw new ToolError('the restored database does not hold the backup\'s check value');
    } finally {
      await db.destroy();
    }
    return kept;
  } finally {
    await lock.end().catch(() => undefined);
  }
}
