// Migration 006: a meeting link's token, kept sealed so that the console can
// show its QR code again without revoking anything (issue 13, item 7). The
// column holds the Vault's sealed text, never the token itself; it is cleared
// when the link is revoked (the store does that) and, by the trigger here,
// when the meeting closes, so a closed meeting keeps no way in. Links from
// before have no kept token: their QR code can only be reissued, as before.
// Frozen: later changes go in new migrations.
import { sql, type Kysely } from 'kysely';
import { onPostgres } from './dialect.js';

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('links').addColumn('token_sealed', 'text').execute();
  // In the database rather than in each writer: the phase moves on the writer thread's own path.
  if (onPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION links_forget_tokens_on_close() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE links SET token_sealed = NULL WHERE meeting_id = NEW.id; RETURN NULL; END $$`.execute(db);
    await sql`CREATE TRIGGER links_forget_tokens_on_close AFTER UPDATE OF phase ON meetings
      FOR EACH ROW WHEN (NEW.phase = 'closed') EXECUTE FUNCTION links_forget_tokens_on_close()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER links_forget_tokens_on_close AFTER UPDATE OF phase ON meetings
    WHEN NEW.phase = 'closed'
    BEGIN UPDATE links SET token_sealed = NULL WHERE meeting_id = NEW.id; END`.execute(db);
}
