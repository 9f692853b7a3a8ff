// `npm run backup [-- <file>]`: a consistent copy of the database while the
// server runs, with SQLite's online backup (better-sqlite3's `backup`): pages
// are copied from one read snapshot, and the copy restarts by itself if the
// server writes meanwhile, so it never holds half a command. The key is not
// in the copy; keep the key file (or THRESHOLD_KEY) apart from it.
// With DATABASE_URL, pg_dump does it instead (postgres-backup.ts).
// docs/reliability.md, "Backups, restore and key rotation".
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { storedCheck } from '../store/vault-check.js';
import { fileTime, runTool, toolConfig, ToolError } from './common.js';
import { backupPostgres } from './postgres-backup.js';

/**
 * `threshold-2026-11-30T02-30-00Z.sqlite` under DATA_DIR/backups, when no file
 * is named; `.dump` for PostgreSQL's (pg_dump's custom format).
 */
export function defaultBackupFile(dataDir: string, now = new Date(), extension: 'sqlite' | 'dump' = 'sqlite'): string {
  return join(dataDir, 'backups', `threshold-${fileTime(now)}.${extension}`);
}

/**
 * Copies the live database at `source` to `destination` (which must not
 * exist), then checks the copy: SQLite's integrity check and the vault's check
 * value. Resolves with the copy's size in bytes; throws ToolError.
 */
export async function backupDatabase(source: string, destination: string): Promise<number> {
  if (!existsSync(source)) throw new ToolError(`there is no database at ${source}`);
  if (existsSync(destination)) throw new ToolError(`${destination} already exists; name another file`);
  mkdirSync(dirname(destination), { recursive: true, mode: 0o700 });
  // Not readonly: a read-only connection cannot tidy the WAL away when it is the last one (server stopped).
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 2000');
  // Written under a temporary name, so that a half-made copy never looks like a backup.
  const partial = `${destination}.partial`;
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  try {
    // A backup is a single file: no WAL beside it, and readable by its owner only.
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new ToolError(`the copy failed SQLite's integrity check (${String(integrity)})`);
    if (storedCheck(copy) === undefined) throw new ToolError('the copy holds no vault check value: start the server once on this database first');
  } finally {
    copy.close();
  }
  chmodSync(partial, 0o600);
  renameSync(partial, destination);
  return statSync(destination).size;
}

/**
 * The file `npm run backup [-- <file>]` writes: `named` resolved, or
 * defaultBackupFile (whose folder, DATA_DIR/backups, is made if missing).
 * A named file's folder must exist already: a missing one is most often a
 * drive that is not plugged in, and making it would put the backup on the
 * local disk instead. Throws ToolError if that folder is missing or not a
 * folder, or if `named` is itself a folder (with a file name inside it to use).
 */
export function backupTarget(named: string | undefined, dataDir: string, extension: 'sqlite' | 'dump', now = new Date()): string {
  const byDefault = defaultBackupFile(dataDir, now, extension);
  if (!named) return byDefault;
  const file = resolve(named);
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new ToolError(`${file} is a folder: name a file inside it, e.g. npm run backup -- ${join(file, basename(byDefault))}`);
  }
  const folder = dirname(file);
  if (!existsSync(folder)) throw new ToolError(`${folder} does not exist: is the drive plugged in? (the folder must exist; it is not created)`);
  if (!statSync(folder).isDirectory()) throw new ToolError(`${folder} is not a folder`);
  return file;
}

async function main() {
  const config = toolConfig();
  const target = backupTarget(process.argv[2], config.dataDir, config.databaseUrl ? 'dump' : 'sqlite');
  const bytes = config.databaseUrl ? await backupPostgres(config.databaseUrl, target) : await backupDatabase(config.databaseFile, target);
  console.log(`Backup written: ${target} (${bytes} bytes).`);
  console.log('It is sealed with the current key, which is not in it: keep the key (the key file or THRESHOLD_KEY) safe and apart from the backup.');
}

if (import.meta.url === `file://${process.argv[1]}`) runTool('backup', main);
