// Migration 008: after a yes (issue 11, section 3). The transition checklist
// per case (sealed, with whether the family may see its one calm word), and
// the consents under 42 CFR Part 2: each form and its signature sealed, the
// signing token's hash only, and the dates of signing and revocation in the
// clear so that lists need no key. Only tables are added: a database from
// before keeps every record. Frozen: later changes go in new migrations.
import type { Kysely } from 'kysely';
import { millis, rowidOnPostgres } from './dialect.js';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('transitions')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    // The meeting whose accepted outcome the checklist follows.
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    // sealed JSON: times and who went with them
    .addColumn('checklist_json', 'text', (c) => c.notNull())
    .addColumn('share_with_family', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', millis(db), (c) => c.notNull())
    .execute();

  await db.schema.createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    // SHA-256 of the one-time signing token: a copy of the database signs nothing
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // sealed JSON: every §2.31 element and the statements the signer reads
    .addColumn('form_json', 'text', (c) => c.notNull())
    // sealed JSON: typed name, drawing, representative; NULL until signed
    .addColumn('signature_json', 'text')
    .addColumn('created_at', millis(db), (c) => c.notNull())
    .addColumn('signed_at', millis(db))
    // The date the revocation took effect, and when it was recorded here
    .addColumn('revoked_at', millis(db))
    .addColumn('revocation_recorded_at', millis(db))
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('consents_by_case').on('consents').columns(['case_id', 'created_at']).execute();
}
