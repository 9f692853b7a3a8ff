// Migration 007: treatment logistics (issue 11, section 1). The interventionist's
// facilities (name, levels of care, phone and address in the clear: they describe
// a treatment provider, not a person; the notes sealed), and per case one sealed
// JSON document with the primary and backup places, the journey and the packing
// list (which place a person goes to, their insurance and intake are health
// data). Frozen: later changes go in new migrations.
import type { Kysely } from 'kysely';
import { millis, rowidOnPostgres } from './dialect.js';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('facilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facilitator_id', 'text', (c) => c.notNull().references('facilitators.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON array of levels of care
    .addColumn('levels_json', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    // sealed
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', millis(db), (c) => c.notNull())
    .addColumn('updated_at', millis(db), (c) => c.notNull())
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('facilities_by_facilitator').on('facilities').columns(['facilitator_id', 'created_at']).execute();

  await db.schema.createTable('case_logistics')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    // sealed JSON: the whole document
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', millis(db), (c) => c.notNull())
    .execute();
}
