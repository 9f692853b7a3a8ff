// Migration 009: after-care (issue 11, sections 4 and 5). One row per case
// that reached after-care through a meeting's outcome (the outcome and the
// next-steps plan, sealed), each participant's commitment (sealed) and the
// follow-up schedule (the note sealed). Only tables are added. Frozen: later
// changes go in new migrations.
import { sql, type Kysely } from 'kysely';
import { millis, rowidOnPostgres } from './dialect.js';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  // The primary key is the idempotence: a second outcome or a replayed hook adds nothing.
  await db.schema.createTable('after_care')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    // sealed JSON: {outcome, outcomeAt, plan}
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('created_at', millis(db), (c) => c.notNull())
    .addColumn('updated_at', millis(db), (c) => c.notNull())
    .execute();

  await db.schema.createTable('commitments')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    // sealed JSON: {commitment, status, checkIns}
    .addColumn('commitment_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', millis(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('commitments_pk', ['case_id', 'participant_id'])
    .$call(rowidOnPostgres(db))
    .execute();

  await db.schema.createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', millis(db), (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('due', 'done', 'missed', 'skipped')`))
    // sealed
    .addColumn('note', 'text')
    .addColumn('created_at', millis(db), (c) => c.notNull())
    .addColumn('updated_at', millis(db), (c) => c.notNull())
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('follow_ups_by_case').on('follow_ups').columns(['case_id', 'due_at']).execute();
}
