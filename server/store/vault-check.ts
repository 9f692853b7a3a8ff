// The vault's check value: proof, at every start, that the key in hand is the
// key the database was sealed with. Without it a wrong key went unnoticed
// until something sealed was read (a 500 on the case list) and new records
// were sealed under it, mixing two keys in one file (issue 12, case 10).
// Plain better-sqlite3 on the store's own connection: it runs before the
// migrations (a wrong key must change nothing) and before the writer thread.
import type Database from 'better-sqlite3';
import { VaultError, type Vault } from '../security/vault.js';

/** What the check value seals; it says nothing about anyone. */
export const CHECK_TEXT = 'threshold vault check v1';

export const WRONG_KEY =
  'the encryption key (THRESHOLD_KEY or the key file) is not the key this database was sealed with ' +
  '(stored data could not be decrypted: wrong key, or the data was altered). ' +
  'Start with the key this database was made with, from your backup; nothing was changed.';

const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** The sealed check value, or undefined in a database that has none yet. */
export function storedCheck(db: Database.Database): string | undefined {
  if (!hasTable(db, 'vault_check')) return undefined;
  return (db.prepare('SELECT sealed FROM vault_check WHERE id = 1').get() as { sealed: string } | undefined)?.sealed;
}

/**
 * Whether the database holds anything worth a key: a check value, a
 * facilitator or a case. A missing file, or one with only empty tables, does not.
 */
export function databaseHoldsRecords(db: Database.Database): boolean {
  if (storedCheck(db) !== undefined) return true;
  return ['facilitators', 'cases'].some((table) => hasTable(db, table) && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined);
}

/** Whether `vault` opens `sealed` (and, given `expected`, to that text). */
export const opens = (vault: Vault, sealed: string, expected?: string) => {
  try {
    const text = vault.open(sealed);
    return expected === undefined || text === expected;
  } catch {
    return false;
  }
};

/**
 * Throws VaultError(WRONG_KEY) unless `vault` opens this database: its check
 * value if it has one; otherwise (a database from before the check value) a
 * sample of each table's sealed text. Reads only.
 */
export function verifyKey(db: Database.Database, vault: Vault): void {
  const check = storedCheck(db);
  if (check !== undefined) {
    if (!opens(vault, check, CHECK_TEXT)) throw new VaultError(WRONG_KEY);
    return;
  }
  const samples: Array<[string, string]> = [['cases', 'loved_one_name'], ['participants', 'name'], ['meetings', 'snapshot_json'], ['events', 'event_json']];
  for (const [table, column] of samples) {
    if (!hasTable(db, table)) continue;
    const row = db.prepare(`SELECT ${column} AS sealed FROM ${table} LIMIT 1`).get() as { sealed: string } | undefined;
    if (row && !opens(vault, row.sealed)) throw new VaultError(WRONG_KEY);
  }
}

/** Writes the check value if the database has none (after verifyKey and the migrations). Returns it. */
export function recordCheck(db: Database.Database, vault: Vault, now: number): string {
  const existing = storedCheck(db);
  if (existing !== undefined) return existing;
  const sealed = vault.seal(CHECK_TEXT);
  db.prepare('INSERT INTO vault_check (id, sealed, created_at) VALUES (1, ?, ?)').run(sealed, now);
  return sealed;
}
