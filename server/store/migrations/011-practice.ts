// Migration 011 (issue 16): a practice, not a single login. Accounts get a
// role (`admin` or `interventionist`) and can be deactivated; the account that
// existed before (the one set-up made) becomes the practice's admin.
// Invitations (and the admin's password-reset links) are one-time, expiring
// tokens kept only as SHA-256 hashes. `case_staff` is who works a case beside
// its owner (a co-facilitator): not the family team of `participants`.
// Frozen: later changes go in new migrations.
import { sql, type Kysely } from 'kysely';
import { millis } from './dialect.js';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('facilitators').addColumn('role', 'text', (c) => c.notNull().defaultTo('interventionist')).execute();
  // NULL while the account works; the time it was deactivated otherwise.
  await db.schema.alterTable('facilitators').addColumn('deactivated_at', millis(db)).execute();
  // The first account, made by set-up, has run the installation alone until now: it runs the practice.
  await sql`UPDATE facilitators SET role = 'admin'
    WHERE id = (SELECT id FROM facilitators ORDER BY created_at, id LIMIT 1)`.execute(db);

  await db.schema.createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'join' (a new colleague) or 'reset' (a new password for `account_id`).
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('facilitators.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('facilitators.id'))
    .addColumn('created_at', millis(db), (c) => c.notNull())
    .addColumn('expires_at', millis(db), (c) => c.notNull())
    .addColumn('used_at', millis(db))
    .addColumn('revoked_at', millis(db))
    .execute();

  await db.schema.createTable('case_staff')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('facilitators.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('facilitators.id'))
    .addColumn('added_at', millis(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('case_staff_pk', ['case_id', 'account_id'])
    .execute();
  // The case list asks "which cases is this account on" at every load.
  await db.schema.createIndex('case_staff_by_account').on('case_staff').column('account_id').execute();
}
