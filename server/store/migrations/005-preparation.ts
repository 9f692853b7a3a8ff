// Migration 005: the family preparation (issue 10). Each person's preparation
// link (only its token's hash), which modules they have done, their letter and
// bottom line (the state and latest version per text), every version of each
// text (sealed), and the interventionist's comments to them (sealed). Only
// tables are added: a database from before keeps every record, and its
// letters typed by the interventionist still count as approved. Frozen: later
// changes go in new migrations.
import { sql, type Kysely } from 'kysely';
import { millis, rowidOnPostgres } from './dialect.js';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  const ms = millis(db);
  await db.schema.createTable('prepare_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    // SHA-256 of the token: a copy of the database opens no link
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('revoked_at', ms)
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('prepare_links_by_participant').on('prepare_links').columns(['participant_id', 'created_at']).execute();

  await db.schema.createTable('module_progress')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('done_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('module_progress_pk', ['participant_id', 'module_id'])
    .$call(rowidOnPostgres(db))
    .execute();

  // One row per person and text: where it stands. The text itself is its latest version's.
  await db.schema.createTable('letters')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('part', 'text', (c) => c.notNull().check(sql`part IN ('letter', 'bottom-line')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('draft', 'submitted', 'changes-requested', 'approved')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('letters_pk', ['participant_id', 'part'])
    .execute();

  await db.schema.createTable('letter_versions')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // sealed
    .addColumn('text', 'text', (c) => c.notNull())
    // 1 once this version was approved: never pruned
    .addColumn('approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_versions_pk', ['participant_id', 'part', 'version'])
    .execute();

  await db.schema.createTable('letter_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    // sealed
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('letter_comments_by_participant').on('letter_comments').columns(['participant_id', 'at']).execute();
}
