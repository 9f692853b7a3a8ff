// Migration 003: the vault's check value, one row holding a fixed text sealed
// under the key. It is written on the first start (and on the first start after
// this migration, once the key has opened the data already there) and opened
// at every start, so that a wrong key stops the start before anything is read
// or written under it (issue 12, case 10). Frozen, as every migration is.
import { sql, type Kysely } from 'kysely';
import { millisSql } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS vault_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sealed TEXT NOT NULL,
    created_at ${millisSql(db)} NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS vault_check`.execute(db);
}
