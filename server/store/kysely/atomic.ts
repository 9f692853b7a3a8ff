// Runs work in a transaction unless it already runs inside one, so that a
// repository method that needs several statements (a check and an insert, the
// end of a chain and the next link) is atomic both on its own and as part of
// Store.transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function atomically<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
