// What the maintenance commands (backup, restore, rotate-key) share: the
// configuration read as the server reads it (SQLite or DATABASE_URL), plain messages instead of stack
// traces, and the test that the server is stopped.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { VaultError } from '../security/vault.js';
import { DATABASE_FILE } from '../store/data-dir.js';

export class ToolError extends Error {}

/**
 * DATA_DIR, KEY_FILE, THRESHOLD_KEY and DATABASE_URL from the environment, as
 * the server reads them; the SQLite database's path (unused on PostgreSQL,
 * where each tool works on DATABASE_URL instead).
 */
export function toolConfig(): Config & { databaseFile: string } {
  const config = loadConfig();
  return { ...config, databaseFile: join(config.dataDir, DATABASE_FILE) };
}

/** The first bytes of each kind of backup: SQLite's file header, and pg_dump's custom format. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0');
const PG_DUMP_HEADER = Buffer.from('PGDMP');

/**
 * What `file` is, by its first bytes: a SQLite database (`npm run backup`'s
 * file without DATABASE_URL), a pg_dump custom-format archive (with it), or
 * neither (a log, a text file, an empty file). Throws ToolError if there is no
 * such file or it is a folder.
 */
export function backupFormat(file: string): 'sqlite' | 'pg_dump' | 'neither' {
  if (!existsSync(file)) throw new ToolError(`there is no backup at ${file}`);
  if (statSync(file).isDirectory()) throw new ToolError(`${file} is a folder: name the backup file inside it`);
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === SQLITE_HEADER.length && head.equals(SQLITE_HEADER)) return 'sqlite';
    if (read >= PG_DUMP_HEADER.length && head.subarray(0, PG_DUMP_HEADER.length).equals(PG_DUMP_HEADER)) return 'pg_dump';
    return 'neither';
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses `file` unless it is a backup of the store in use (`expected`:
 * 'sqlite' without DATABASE_URL, 'pg_dump' with it), naming what it is
 * instead: the other store's backup, or not a Threshold backup at all. Throws ToolError.
 */
export function expectBackupFormat(file: string, expected: 'sqlite' | 'pg_dump'): void {
  const format = backupFormat(file);
  if (format === expected) return;
  if (format === 'pg_dump') throw new ToolError(`${file} is a PostgreSQL backup (pg_dump): restore it with DATABASE_URL set`);
  if (format === 'sqlite') throw new ToolError(`${file} is a SQLite backup: restore it without DATABASE_URL`);
  throw new ToolError(`${file} is not a Threshold backup (not ${expected === 'sqlite' ? 'a SQLite database' : 'a pg_dump archive'})`);
}

/** `2026-11-30T02-30-00Z`: a time for file names (no colons, no milliseconds). */
export function fileTime(now = new Date()): string {
  return now.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
}

/**
 * Opens `file` holding an exclusive lock until closed, or throws ToolError if
 * another connection has it open: a running server keeps its connections open,
 * so this is how a tool that must not run beside the server finds out.
 */
export function openExclusive(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch {
    db.close();
    throw new ToolError(`${file} is in use: stop the Threshold server (and any other program using it) first`);
  }
}

/** Runs a tool's main: a ToolError or VaultError is printed as one line and exits 2; anything else exits 1. */
export function runTool(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const known = error instanceof ToolError || error instanceof VaultError;
      console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(known ? 2 : 1);
    },
  );
}
