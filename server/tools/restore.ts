// `npm run restore -- <backup file>`: puts a backup made by `npm run backup`
// in place of the database, with the server stopped. The backup is checked
// first (SQLite's integrity check, and that the key in hand opens it); the
// database it replaces is kept beside it as `threshold.sqlite.replaced-<time>`.
// With DATABASE_URL, pg_restore does it (postgres-restore.ts), and a
// database that holds tables is replaced only with --replace.
// docs/reliability.md, "Backups, restore and key rotation".
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Vault } from '../security/vault.js';
import { CHECK_FILE } from '../store/data-dir.js';
import { storedCheck, verifyKey } from '../store/vault-check.js';
import { describeDatabase } from '../store/postgres-connection.js';
import { expectBackupFormat, fileTime, openExclusive, runTool, toolConfig, ToolError } from './common.js';
import { checkPostgresBackup, restorePostgres } from './postgres-restore.js';

/** Checks that `backup` is a SQLite Threshold backup, whole, that opens with `vault`; returns its sealed check value. Throws ToolError or VaultError. */
export function checkBackup(backup: string, vault: Vault): string {
  // Read by its first bytes before SQLite opens it: SQLite's own "file is not a database" was no reason a reader could act on.
  expectBackupFormat(backup, 'sqlite');
  const db = new Database(backup, { fileMustExist: true, readonly: true });
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      // A SQLite header over damaged pages (a copy cut short): SQLite's reason, as one line.
      throw new ToolError(`${backup} is damaged (${error instanceof Error ? error.message : String(error)})`);
    }
    if (integrity !== 'ok') throw new ToolError(`${backup} failed SQLite's integrity check (${String(integrity)})`);
    const check = storedCheck(db);
    if (check === undefined) throw new ToolError(`${backup} is not a Threshold backup (it holds no vault check value)`);
    verifyKey(db, vault);
    return check;
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `file` with `backup`. Returns where the replaced
 * database was kept, or null if there was none. Throws ToolError if the
 * database is in use (the server is running).
 */
export function restoreDatabase(backup: string, file: string, now = new Date()): string | null {
  let kept: string | null = null;
  if (existsSync(file)) {
    // Closing the only connection checkpoints the WAL into the file, so the file alone is the whole database.
    openExclusive(file).close();
    kept = `${file}.replaced-${fileTime(now)}`;
    renameSync(file, kept);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, kept + suffix);
  }
  const incoming = `${file}.restoring`;
  copyFileSync(backup, incoming);
  chmodSync(incoming, 0o600);
  renameSync(incoming, file);
  return kept;
}

/** `npm run restore -- <file> [--replace]`: the backup's path and whether --replace was given. Throws ToolError. */
export function restoreArguments(argv: string[]): { backup: string; replace: boolean } {
  const replace = argv.includes('--replace');
  const files = argv.filter((arg) => arg !== '--replace');
  if (files.length !== 1 || files[0]!.startsWith('--')) throw new ToolError('name the backup file: npm run restore -- <file> [--replace]');
  return { backup: resolve(files[0]!), replace };
}

async function main() {
  const config = toolConfig();
  const { backup, replace } = restoreArguments(process.argv.slice(2));
  // Before the key: a file that is not a backup is named as such whatever key is in hand.
  expectBackupFormat(backup, config.databaseUrl ? 'pg_dump' : 'sqlite');
  const vault = Vault.load(config.encryptionKey, config.keyFile, { mayCreate: false });
  if (config.databaseUrl) {
    const check = await checkPostgresBackup(backup, vault);
    const keepAs = join(config.dataDir, 'backups', `replaced-${fileTime()}.dump`);
    const kept = await restorePostgres(backup, config.databaseUrl, check, { replace, keepAs });
    console.log(`Restored ${backup} to the database at ${describeDatabase(config.databaseUrl)}.`);
    if (kept) console.log(`The database it replaced was dumped to ${kept} first; delete it once the restored one is confirmed.`);
    return;
  }
  const check = checkBackup(backup, vault);
  const kept = restoreDatabase(backup, config.databaseFile);
  writeFileSync(join(config.dataDir, CHECK_FILE), check + '\n', { mode: 0o600 });
  console.log(`Restored ${backup} to ${config.databaseFile}.`);
  if (kept) console.log(`The database it replaced is kept as ${kept}; delete it once the restored one is confirmed.`);
}

if (import.meta.url === `file://${process.argv[1]}`) runTool('restore', main);
