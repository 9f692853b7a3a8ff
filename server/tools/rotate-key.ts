// `npm run rotate-key`: re-seals everything sealed (names, relationships,
// letters, bottom lines, meeting inputs, snapshots, the event log, the case
// file, the letters' drafts and comments, the transition checklist, the consents and the vault's check value) under a new key, in one transaction, with the server
// stopped. With a key file, the new key is written beside it first
// (`threshold.key.new`), and the old one kept as `threshold.key.retired-<time>`:
// backups made before the rotation open only with it. With THRESHOLD_KEY, the
// new key comes from NEW_THRESHOLD_KEY. docs/reliability.md says how.
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vault } from '../security/vault.js';
import { CHECK_FILE } from '../store/data-dir.js';
import { storedCheck, verifyKey } from '../store/vault-check.js';
import { openExclusive, runTool, toolConfig, ToolError } from './common.js';

/** Every column schema.ts marks "sealed", by table (tests/durability/backup.test.ts holds the two together). */
export const SEALED_COLUMNS: Record<string, readonly string[]> = {
  cases: ['loved_one_name', 'stage_json', 'approach_reason', 'calendar_label'],
  participants: ['name', 'relationship', 'letter', 'bottom_line'],
  meetings: ['input_json', 'snapshot_json'],
  events: ['event_json'],
  // The case file (migration 004, issue 9).
  case_stage_events: ['event_json'],
  assessments: ['document_json'],
  screenings: ['screening_json'],
  objections: ['objection', 'response'],
  readiness_marks: ['reason'],
  // The family preparation (migration 005, issue 10).
  letter_versions: ['text'],
  letter_comments: ['text'],
  // A working link's token (migration 006, issue 13 item 7).
  links: ['token_sealed'],
  // Treatment logistics (migration 007, issue 11).
  facilities: ['notes'],
  case_logistics: ['document_json'],
  // After a yes: the transition checklist and the consents (migration 008, issue 11 section 3).
  transitions: ['checklist_json'],
  consents: ['form_json', 'signature_json'],
  // After-care (migration 009, issue 11 sections 4 and 5).
  after_care: ['record_json'],
  commitments: ['commitment_json'],
  follow_ups: ['note'],
  vault_check: ['sealed'],
};

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

/** The new key: NEW_THRESHOLD_KEY beside THRESHOLD_KEY, or 32 random bytes for the key file. */
function newKey(usesEnvKey: boolean): Buffer {
  if (!usesEnvKey) return randomBytes(32);
  const raw = process.env.NEW_THRESHOLD_KEY;
  const key = raw ? Buffer.from(raw, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new ToolError('with THRESHOLD_KEY set, give the new key as NEW_THRESHOLD_KEY (32 random bytes in base64: `openssl rand -base64 32`)');
  }
  return key;
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
  const db = openExclusive(config.databaseFile);
  try {
    const from = Vault.load(config.encryptionKey, config.keyFile, { mayCreate: false });
    const key = newKey(usesEnvKey);
    // The new key is on disk before the database is sealed with it: a crash between the two loses nothing.
    if (!usesEnvKey) writeFileSync(pendingKeyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    const count = resealDatabase(db, from, Vault.fromKey(key));
    const check = storedCheck(db)!;
    db.close();
    writeFileSync(join(config.dataDir, CHECK_FILE), check + '\n', { mode: 0o600 });
    if (usesEnvKey) {
      console.log(`Re-sealed ${count} values under NEW_THRESHOLD_KEY. Set THRESHOLD_KEY to it before starting the server.`);
      return;
    }
    const retired = `${config.keyFile}.retired-${new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}`;
    renameSync(config.keyFile, retired);
    renameSync(pendingKeyFile, config.keyFile);
    console.log(`Re-sealed ${count} values under a new key in ${config.keyFile}.`);
    console.log(`The old key is ${retired}: backups made before now open only with it. Move it off this machine, with those backups.`);
  } finally {
    if (db.open) db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runTool('rotate-key', main);
