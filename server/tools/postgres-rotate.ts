// `npm run rotate-key` on PostgreSQL (DATABASE_URL, issue 17): the same
// re-sealing as on SQLite (the same Vault, the same SEALED_COLUMNS), in one
// transaction, while the tool holds the server lock so that no server starts
// and seals anything under the old key meanwhile. All or nothing: a failure
// midway rolls every value back to the old key. docs/deployment.md.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Vault } from '../security/vault.js';
import { verifyKey } from '../store/postgres-vault-check.js';
import { SEALED_COLUMNS } from './sealed-columns.js';

/** Rows read and written per round trip: a few hundred sealed values, well under a megabyte for most tables. */
export const RESEAL_BATCH = 500;

/** Re-seals one table's sealed columns, batch by batch, through a cursor on the transaction's own connection. */
async function resealTable(trx: Transaction<any>, table: string, columns: readonly string[], from: Vault, to: Vault, batch: number): Promise<number> {
  let count = 0;
  const cols = sql.join(columns.map((c) => sql.id(c)));
  // ctid, PostgreSQL's rowid: every table has one, whatever its key. The cursor
  // reads the rows as they were when it opened, so each row is rewritten once.
  await sql`DECLARE reseal NO SCROLL CURSOR FOR SELECT ctid::text AS row_id, ${cols} FROM ${sql.id(table)}`.execute(trx);
  for (;;) {
    const rows = (await sql<Record<string, string | null>>`FETCH ${sql.raw(String(Math.max(1, Math.floor(batch))))} FROM reseal`.execute(trx)).rows;
    if (rows.length === 0) break;
    const values = columns.map((c) =>
      rows.map((row) => {
        const sealed = row[c] ?? null;
        if (sealed !== null) count++;
        return to.sealOrNull(from.openOrNull(sealed));
      }),
    );
    const arrays = sql.join([sql`${rows.map((r) => r.row_id)}::tid[]`, ...values.map((v) => sql`${v}::text[]`)]);
    const set = sql.join(columns.map((c) => sql`${sql.id(c)} = resealed.${sql.id(c)}`));
    await sql`UPDATE ${sql.id(table)} SET ${set}
      FROM unnest(${arrays}) AS resealed(row_id, ${cols})
      WHERE ${sql.id(table)}.ctid = resealed.row_id`.execute(trx);
  }
  await sql`CLOSE reseal`.execute(trx);
  return count;
}

/**
 * Re-seals every sealed value in the database `db` from `from` to `to`, in
 * one transaction. Throws VaultError if `from` is not the database's key
 * (nothing changed). Returns how many values were re-sealed. The caller holds
 * the server lock (holdServerLock). `batch`: rows per round trip.
 */
export async function resealPostgres(db: Kysely<any>, from: Vault, to: Vault, { batch = RESEAL_BATCH }: { batch?: number } = {}): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await verifyKey(trx, from);
    let count = 0;
    for (const [table, columns] of Object.entries(SEALED_COLUMNS)) count += await resealTable(trx, table, columns, from, to, batch);
    return count;
  });
}
