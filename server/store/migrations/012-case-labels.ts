// Migration 012 (a newcomer's trial): a case's label for the calendar. The
// follow-up feed named a call only "Case 2bdbd901", which tells an
// interventionist nothing, while a name must never leave in a calendar feed.
// Each case gets a number, counted per installation (the practice) in the
// order cases were made, so that "Case 7" is its default label, and a label
// the interventionist may choose instead (sealed: they might type more than
// they meant to). Existing cases are numbered by `created_at`, then id.
// Frozen: later changes go in new migrations.
import { sql, type Kysely } from 'kysely';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('calendar_number', 'integer').execute();
  // NULL: the default label, "Case <calendar_number>".
  await db.schema.alterTable('cases').addColumn('calendar_label', 'text').execute();
  // Portable on both dialects: a correlated count, no window function or rowid.
  await sql`UPDATE cases SET calendar_number = (
    SELECT COUNT(*) FROM cases AS earlier
    WHERE earlier.created_at < cases.created_at OR (earlier.created_at = cases.created_at AND earlier.id <= cases.id)
  )`.execute(db);
}
