// The vault's check value on PostgreSQL: the same proof as vault-check.ts
// (the key in hand is the key the database was sealed with), asked through
// Kysely, since pg answers asynchronously. Runs before the migrations: reads only.
import { sql, type Kysely } from 'kysely';
import { VaultError, type Vault } from '../security/vault.js';
import { CHECK_TEXT, opens, WRONG_KEY } from './vault-check.js';

const hasTable = async (db: Kysely<any>, name: string) =>
  (await sql<{ found: string | null }>`SELECT to_regclass(${name})::text AS found`.execute(db)).rows[0]?.found != null;

const firstValue = async (db: Kysely<any>, table: string, column: string) =>
  (await sql<{ value: string }>`SELECT ${sql.id(column)} AS value FROM ${sql.id(table)} LIMIT 1`.execute(db)).rows[0]?.value;

/** The sealed check value, or undefined in a database that has none yet. */
export async function storedCheck(db: Kysely<any>): Promise<string | undefined> {
  if (!(await hasTable(db, 'vault_check'))) return undefined;
  return (await sql<{ sealed: string }>`SELECT sealed FROM vault_check WHERE id = 1`.execute(db)).rows[0]?.sealed;
}

/** Whether the database holds anything worth a key: a check value, a facilitator or a case. */
export async function databaseHoldsRecords(db: Kysely<any>): Promise<boolean> {
  if ((await storedCheck(db)) !== undefined) return true;
  for (const table of ['facilitators', 'cases']) {
    if ((await hasTable(db, table)) && (await firstValue(db, table, 'id')) !== undefined) return true;
  }
  return false;
}

/** Throws VaultError(WRONG_KEY) unless `vault` opens this database (its check value, or a sample of sealed text). */
export async function verifyKey(db: Kysely<any>, vault: Vault): Promise<void> {
  const check = await storedCheck(db);
  if (check !== undefined) {
    if (!opens(vault, check, CHECK_TEXT)) throw new VaultError(WRONG_KEY);
    return;
  }
  const samples: Array<[string, string]> = [['cases', 'loved_one_name'], ['participants', 'name'], ['meetings', 'snapshot_json'], ['events', 'event_json']];
  for (const [table, column] of samples) {
    if (!(await hasTable(db, table))) continue;
    const sealed = await firstValue(db, table, column);
    if (sealed !== undefined && !opens(vault, sealed)) throw new VaultError(WRONG_KEY);
  }
}

/** Writes the check value if the database has none (after verifyKey and the migrations). Returns it. */
export async function recordCheck(db: Kysely<any>, vault: Vault, now: number): Promise<string> {
  const existing = await storedCheck(db);
  if (existing !== undefined) return existing;
  const sealed = vault.seal(CHECK_TEXT);
  // Two servers starting at once: the first row stays, and both return it.
  await sql`INSERT INTO vault_check (id, sealed, created_at) VALUES (1, ${sealed}, ${now}) ON CONFLICT (id) DO NOTHING`.execute(db);
  return (await storedCheck(db))!;
}
