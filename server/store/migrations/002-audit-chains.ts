// Migration 002: one audit chain per meeting, plus one for account events.
// Until now every entry of every meeting joined one global chain, so each
// write waited on the same chain's end. Each entry now records its chain
// (the meeting id, or 'account') and its position in it, and is hashed over
// that position instead of the global seq.
//
// The old chain is verified first, with the hash it was written with; if it
// does not hold, the migration stops and changes nothing (re-chaining would
// launder the tampering). Frozen: the old and the new hash are written out
// here rather than imported, so that later changes to audit.ts cannot change
// what this migration does.
//
// Dialect-specific: the table is rebuilt under a new name and renamed (on
// PostgreSQL too, with its identity moved past the copied seqs), and the
// append-only triggers use RAISE on SQLite, a trigger function on PostgreSQL.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { appendOnlyOnPostgres, millis, onPostgres } from './dialect.js';

const GENESIS = '0'.repeat(64);
const ACCOUNT_CHAIN = 'account';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface OldRow {
  seq: number;
  at: number;
  actor_role: string;
  actor_id: string | null;
  action: string;
  meeting_id: string | null;
  subject_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

const facts = (r: OldRow) => [r.at, r.actor_role, r.actor_id, r.action, r.meeting_id, r.subject_id, r.detail === null ? null : JSON.parse(r.detail)];

/** The seq of the first entry of the global chain that does not hold, or null if it all holds. */
function brokenLegacyEntry(rows: OldRow[]): number | null {
  let prev = GENESIS;
  let expected = rows[0]?.seq ?? 1;
  for (const r of rows) {
    const hash = sha256(prev + '\n' + JSON.stringify([r.seq, ...facts(r)]));
    if (r.seq !== expected || r.prev_hash !== prev || hash !== r.hash) return r.seq;
    prev = r.hash;
    expected += 1;
  }
  return null;
}

// Kysely<any>: a migration is frozen, so it must not follow the current table types (schema.ts).
export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await sql<OldRow>`SELECT * FROM audit ORDER BY seq`.execute(db)).rows;
  const broken = brokenLegacyEntry(rows);
  if (broken !== null) {
    throw new Error(
      `the audit log's chain does not hold at entry ${broken}, so it cannot be split per meeting; nothing was changed. ` +
        'Restore the database from a backup, or keep running the previous release to investigate.',
    );
  }

  const pg = onPostgres(db);
  await db.schema.createTable('audit_chained')
    .addColumn('seq', pg ? 'bigint' : 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('at', millis(db), (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  const tails = new Map<string, { position: number; hash: string }>();
  for (const r of rows) {
    const chain = r.meeting_id ?? ACCOUNT_CHAIN;
    const tail = tails.get(chain) ?? { position: 0, hash: GENESIS };
    const position = tail.position + 1;
    const hash = sha256(tail.hash + '\n' + JSON.stringify([position, ...facts(r)]));
    await db.insertInto('audit_chained').values({ ...r, chain, position, prev_hash: tail.hash, hash }).execute();
    tails.set(chain, { position, hash });
  }

  // Dropping the table drops its triggers and index; they are made again for the new one.
  await db.schema.dropTable('audit').execute();
  await db.schema.alterTable('audit_chained').renameTo('audit').execute();
  // Unique: two writers that read the same end of a chain cannot both append to it.
  await db.schema.createIndex('audit_by_chain').unique().on('audit').columns(['chain', 'position']).execute();
  if (pg) {
    // The copied rows kept their seq; the identity must continue after them.
    if (rows.length > 0) await sql`SELECT setval(pg_get_serial_sequence('audit', 'seq'), (SELECT max(seq) FROM audit))`.execute(db);
    await appendOnlyOnPostgres(db, 'audit', 'the audit log is append-only');
    return;
  }
  await sql`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
}
