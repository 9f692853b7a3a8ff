// Migration 010: the language each family member's screens speak, and the room
// display's per meeting (issue 15): 'en' or 'es', English unless the
// interventionist sets another. Not sealed: a language says nothing about the
// person's health, and the server reads it without decrypting anything.
// Frozen: later changes go in new migrations.
import { sql, type Kysely } from 'kysely';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participants')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en').check(sql`language IN ('en', 'es')`))
    .execute();
  await db.schema.alterTable('meetings')
    .addColumn('display_language', 'text', (c) => c.notNull().defaultTo('en').check(sql`display_language IN ('en', 'es')`))
    .execute();
}
