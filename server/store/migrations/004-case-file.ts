// Migration 004: the case file (issue 9). The case's stage (in the clear, so
// that a list of cases can show it) with its sealed machine snapshot and its
// log of stage events; the recorded reason for a cautioned approach; each
// planned participant's roles, whether they take part in the meeting, and
// their place in the team's order; and four new tables: the assessment (one
// sealed JSON document per case), screenings, objections and readiness marks.
// Everything that is health data is sealed by the vault before it arrives
// here (the columns say "sealed"). Existing cases start at `intake` with no
// snapshot (the store builds one), existing participants take part with no
// role, in the order they were added. Frozen: later changes go in new
// migrations.
import { sql, type Kysely } from 'kysely';
import { millis, rowidOnPostgres } from './dialect.js';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  const ms = millis(db);
  await db.schema.alterTable('cases')
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('intake')).execute();
  // sealed JSON: the case machine's persisted snapshot (a cancellation's note is health data)
  await db.schema.alterTable('cases').addColumn('stage_json', 'text').execute();
  // sealed: why a cautioned approach was chosen anyway
  await db.schema.alterTable('cases').addColumn('approach_reason', 'text').execute();

  await db.schema.alterTable('participants')
    .addColumn('roles_json', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('participants')
    .addColumn('in_meeting', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // NULL until the interventionist orders the team: such people follow, in the order they were added.
  await db.schema.alterTable('participants').addColumn('team_position', 'integer').execute();

  // The stage events, replayable from `intake` when a snapshot does not restore.
  await db.schema.createTable('case_stage_events')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('from_stage', 'text', (c) => c.notNull())
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    // sealed JSON: the stamped event (a cancellation carries its note)
    .addColumn('event_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_stage_events_pk', ['case_id', 'position'])
    .execute();

  await db.schema.createTable('assessments')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    // sealed JSON: the whole document
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  await db.schema.createTable('screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    // sealed JSON: instrument, respondent, answers (the score is computed from them on reading)
    .addColumn('screening_json', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('screenings_by_case').on('screenings').columns(['case_id', 'created_at']).execute();

  await db.schema.createTable('objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('responder_id', 'text', (c) => c.notNull().references('participants.id'))
    // sealed
    .addColumn('objection', 'text', (c) => c.notNull())
    // sealed
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('objections_by_case').on('objections').column('case_id').execute();

  await db.schema.createTable('readiness_marks')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('done', 'waived')`))
    // sealed; NULL when done
    .addColumn('reason', 'text')
    .addColumn('at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('readiness_marks_pk', ['case_id', 'item'])
    .execute();
}
