// Runs work in a transaction unless it already runs inside one, so that a
// repository method that needs several statements (a check and an insert, the
// end of a chain and the next link) is atomic both on its own and as part of
// Store.transaction.
import { sql, type Kysely } from 'kysely';
import { onPostgres } from '../migrations/dialect.js';
import type { Database } from '../schema.js';

export function atomically<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Serialises, until the transaction ends, the transactions that read something
 * and then write on the strength of it under the same `key` (the end of an
 * audit chain, "no facilitator yet", a letter's last version). On SQLite every
 * transaction already holds the file's write lock (IMMEDIATE), so this does
 * nothing; PostgreSQL's READ COMMITTED would let two of them read the same
 * thing, so it takes a transaction-scoped advisory lock on the key's hash.
 * Call it inside a transaction (`atomically`), before the read.
 */
export async function serialiseOn(tx: Kysely<Database>, key: string): Promise<void> {
  if (!onPostgres(tx)) return;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
}
