// `npm run rotate-key`: re-seals everything sealed (names, relationships,
// letters, bottom lines, meeting inputs, snapshots, the event log, the case
// file, the letters' drafts and comments, the transition checklist, the consents and the vault's check value) under a new key, in one transaction, with the server
// stopped. With a key file, the new key is written beside it first
// (`threshold.key.new`), and the old one kept as `threshold.key.retired-<time>`:
// backups made before the rotation open only with it. With THRESHOLD_KEY, the
// new key comes from NEW_THRESHOLD_KEY. With DATABASE_URL the same, on
// PostgreSQL (postgres-rotate.ts). docs/reliability.md says how.
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vault } from '../security/vault.js';
import { CHECK_FILE } from '../store/data-dir.js';
import { storedCheck, verifyKey } from '../store/vault-check.js';
import { postgresKysely, postgresPool } from '../store/postgres-connection.js';
import { fileTime, openExclusive, runTool, toolConfig, ToolError } from './common.js';
import { holdServerLock } from './postgres-programs.js';
import { resealPostgres } from './postgres-rotate.js';
import { SEALED_COLUMNS } from './sealed-columns.js';

/** Re-exported where the tests have always found it. */
export { SEALED_COLUMNS };

/**
 * Re-seals every sealed value in `db` from `from` to `to`, in one transaction:
 * all or nothing. Throws VaultError if `from` is not the database's key (nothing
 * changed). Returns how many values were re-sealed.
 */
export function resealDatabase(db: Database.Database, from: Vault, to: Vault): number {
  verifyKey(db, from);
  let count = 0;
  db.transaction(() => {
    for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
      const rows = db.prepare(`SELECT rowid AS id, ${columns.join(', ')} FROM ${table}`).all() as Array<Record<string, string | null> & { id: number }>;
      const update = db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`);
      for (const row of rows) {
        const values = columns.map((c) => {
          const sealed = row[c] ?? null;
          if (sealed !== null) count++;
          return to.sealOrNull(from.openOrNull(sealed));
        });
        update.run(...values, row.id);
      }
    }
  }).exclusive();
  return count;
}

/** The new key: NEW_THRESHOLD_KEY beside THRESHOLD_KEY, or 32 random bytes for the key file. Throws ToolError if NEW_THRESHOLD_KEY is missing or not 32 bytes of base64. */
function newKey(usesEnvKey: boolean): Buffer {
  if (!usesEnvKey) return randomBytes(32);
  const raw = process.env.NEW_THRESHOLD_KEY;
  if (!raw) throw new ToolError('with THRESHOLD_KEY set, give the new key as NEW_THRESHOLD_KEY (32 random bytes in base64: `openssl rand -base64 32`)');
  // The server's own start check on THRESHOLD_KEY (Vault.load): a key it would refuse is refused here, before anything is sealed with it.
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ToolError('NEW_THRESHOLD_KEY is not 32 random bytes in base64: make one with `openssl rand -base64 32`');
  return key;
}

/** Re-seals the SQLite file (held alone, so the server must be stopped); returns the count and the new check value. */
function rotateSqlite(file: string, from: () => Vault, to: Vault, beforeSealing: () => void): { count: number; check: string } {
  const db = openExclusive(file);
  try {
    const vault = from();
    beforeSealing();
    const count = resealDatabase(db, vault, to);
    return { count, check: storedCheck(db)! };
  } finally {
    db.close();
  }
}

/** Re-seals the PostgreSQL database at `url`, holding its server lock throughout (every server must be stopped); returns the count. */
async function rotatePostgres(url: string, from: () => Vault, to: Vault, beforeSealing: () => void): Promise<number> {
  const lock = await holdServerLock(url);
  const db = postgresKysely(postgresPool(url, { max: 1 }));
  try {
    const vault = from();
    beforeSealing();
    return await resealPostgres(db, vault, to);
  } finally {
    await db.destroy();
    await lock.end().catch(() => undefined);
  }
}

async function main() {
  const config = toolConfig();
  const usesEnvKey = config.encryptionKey !== undefined;
  const pendingKeyFile = `${config.keyFile}.new`;
  if (!usesEnvKey && existsSync(pendingKeyFile)) {
    throw new ToolError(
      `${pendingKeyFile} exists: an earlier rotation stopped midway. Start the server with the current key file; if it refuses the key, ` +
        `the database was already re-sealed: move ${pendingKeyFile} to ${config.keyFile} (keep the old one for older backups)`,
    );
  }
  const key = newKey(usesEnvKey);
  const from = () => Vault.load(config.encryptionKey, config.keyFile, { mayCreate: false });
  // The new key is on disk before the database is sealed with it: a crash between the two loses nothing.
  const writePending = () => {
    if (!usesEnvKey) writeFileSync(pendingKeyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  };
  let count: number;
  if (config.databaseUrl) {
    count = await rotatePostgres(config.databaseUrl, from, Vault.fromKey(key), writePending);
  } else {
    const rotated = rotateSqlite(config.databaseFile, from, Vault.fromKey(key), writePending);
    count = rotated.count;
    writeFileSync(join(config.dataDir, CHECK_FILE), rotated.check + '\n', { mode: 0o600 });
  }
  if (usesEnvKey) {
    console.log(`Re-sealed ${count} values under NEW_THRESHOLD_KEY. Set THRESHOLD_KEY to it before starting the server.`);
    return;
  }
  const retired = `${config.keyFile}.retired-${fileTime()}`;
  renameSync(config.keyFile, retired);
  renameSync(pendingKeyFile, config.keyFile);
  console.log(`Re-sealed ${count} values under a new key in ${config.keyFile}.`);
  console.log(`The old key is ${retired}: backups made before now open only with it. Move it off this machine, with those backups.`);
}

if (import.meta.url === `file://${process.argv[1]}`) runTool('rotate-key', main);
