// Migration 001: the schema of the first release, as it was created with
// `CREATE TABLE IF NOT EXISTS` before there were migrations. Every statement
// keeps `IF NOT EXISTS`, so on a database made by that release (which has
// these tables and no migration table) this migration changes nothing and is
// only recorded as done. Frozen: later changes go in new migrations.
//
// Dialect-specific, chosen by ./dialect.js (SQLite's text is unchanged):
// `COLLATE NOCASE` on the email (PostgreSQL: a unique index on lower(email)),
// the triggers that make the audit log append-only (RAISE; PostgreSQL: a
// trigger function), `INTEGER PRIMARY KEY` as the audit's rowid (PostgreSQL:
// an identity column), bigint for the millisecond times on PostgreSQL, and a
// `rowid` identity column there for the tables ordered by insertion.
import { sql, type Kysely } from 'kysely';
import { appendOnlyOnPostgres, millis, onPostgres, rowidOnPostgres } from './dialect.js';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  const pg = onPostgres(db);
  const ms = millis(db);
  await db.schema.createTable('facilitators').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => pg ? c.notNull().unique() : c.notNull().unique().modifyEnd(sql`collate nocase`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  // Sign-in compares lower() on both sides; this keeps addresses unique regardless of case, as NOCASE does.
  if (pg) await db.schema.createIndex('facilitators_email_nocase').ifNotExists().unique().on('facilitators').expression(sql`lower(email)`).execute();

  // Only a hash of the session id is stored: a copy of the database opens no session.
  await db.schema.createTable('sessions').ifNotExists()
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('facilitator_id', 'text', (c) => c.notNull().references('facilitators.id'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .execute();

  await db.schema.createTable('cases').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facilitator_id', 'text', (c) => c.notNull().references('facilitators.id'))
    .addColumn('loved_one_name', 'text', (c) => c.notNull())
    .addColumn('approach', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_by_facilitator').ifNotExists().on('cases').column('facilitator_id').execute();

  // Planned participants belong to the case (meeting_id NULL); guests admitted
  // through a meeting's shared remote link belong to that meeting.
  await db.schema.createTable('participants').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('meeting_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull().check(sql`attendance IN ('in-room', 'remote', 'guest')`))
    .addColumn('letter', 'text')
    .addColumn('bottom_line', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('participants_by_case').ifNotExists().on('participants').column('case_id').execute();

  await db.schema.createTable('meetings').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('facilitator_id', 'text', (c) => c.notNull().references('facilitators.id'))
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_by_phase').ifNotExists().on('meetings').column('phase').execute();

  // The meeting log: one row per accepted command, replayable from the start.
  await db.schema.createTable('events').ifNotExists()
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('command_id', 'text', (c) => c.notNull())
    .addColumn('event_json', 'text', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['meeting_id', 'revision'])
    .addUniqueConstraint('events_command_unique', ['meeting_id', 'command_id'])
    .execute();

  // Link tokens are stored only as hashes.
  await db.schema.createTable('links').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('participant', 'remote', 'display', 'guest')`))
    .addColumn('participant_id', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('parent_link_id', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('revoked_at', ms)
    .$call(rowidOnPostgres(db))
    .execute();
  await db.schema.createIndex('links_by_meeting').ifNotExists().on('links').column('meeting_id').execute();

  // Who did what, in one hash chain (migration 002 splits it per meeting); no health data.
  await db.schema.createTable('audit').ifNotExists()
    .addColumn('seq', pg ? 'bigint' : 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_by_meeting').ifNotExists().on('audit').columns(['meeting_id', 'seq']).execute();
  if (pg) {
    await appendOnlyOnPostgres(db, 'audit', 'the audit log is append-only');
    return;
  }
  await sql`CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
}
