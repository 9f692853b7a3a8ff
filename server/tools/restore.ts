// `npm run restore -- <backup file>`: puts a backup made by `npm run backup`
// in place of the database, with the server stopped. The backup is checked
// first (SQLite's integrity check, and that the key in hand opens it); the
// database it replaces is kept beside it as `threshold.sqlite.replaced-<time>`.
// docs/reliability.md, "Backups, restore and key rotation".
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Vault } from '../security/vault.js';
import { CHECK_FILE } from '../store/data-dir.js';
import { storedCheck, verifyKey } from '../store/vault-check.js';
import { openExclusive, runTool, toolConfig, ToolError } from './common.js';

/** Checks that `backup` is whole and opens with `vault`; returns its sealed check value. Throws ToolError or VaultError. */
export function checkBackup(backup: string, vault: Vault): string {
  if (!existsSync(backup)) throw new ToolError(`there is no backup at ${backup}`);
  const db = new Database(backup, { fileMustExist: true, readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
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
    kept = `${file}.replaced-${now.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}`;
    renameSync(file, kept);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, kept + suffix);
  }
  const incoming = `${file}.restoring`;
  copyFileSync(backup, incoming);
  chmodSync(incoming, 0o600);
  renameSync(incoming, file);
  return kept;
}

async function main() {
  const config = toolConfig();
  const backup = process.argv[2];
  if (!backup) throw new ToolError('name the backup file: npm run restore -- <file>');
  const vault = Vault.load(config.encryptionKey, config.keyFile, { mayCreate: false });
  const check = checkBackup(resolve(backup), vault);
  const kept = restoreDatabase(resolve(backup), config.databaseFile);
  writeFileSync(join(config.dataDir, CHECK_FILE), check + '\n', { mode: 0o600 });
  console.log(`Restored ${resolve(backup)} to ${config.databaseFile}.`);
  if (kept) console.log(`The database it replaced is kept as ${kept}; delete it once the restored one is confirmed.`);
}

if (import.meta.url === `file://${process.argv[1]}`) runTool('restore', main);
