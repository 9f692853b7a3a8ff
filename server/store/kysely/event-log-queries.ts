// The statements of one append to a meeting's log, and of one link in an
// audit chain, built once with Kysely. The SQLite writer thread compiles and
// runs them synchronously (inside its group commit); the audit log runs the
// chain's through Kysely on the main thread; the PostgreSQL store runs all of
// them in an ordinary Kysely transaction (postgres.ts).
import { sql, type Kysely } from 'kysely';
import { chainOf, type AuditEntry } from '../audit.js';
import type { Database } from '../schema.js';

/** One accepted command, its event and snapshot already sealed. */
export interface SealedAppend {
  meetingId: string;
  revision: number;
  commandId: string;
  eventSealed: string;
  /** Null: the stored snapshot stays (it is stored every few events, issue 14). */
  snapshotSealed: string | null;
  phase: string;
  at: number;
}

export const insertEvent = (db: Kysely<Database>, a: SealedAppend) =>
  db.insertInto('events').values({ meeting_id: a.meetingId, revision: a.revision, command_id: a.commandId, event_json: a.eventSealed, at: a.at });

/**
 * Moves the meeting to the append's revision, only from the one before: it
 * changes no row if another writer (a second server on the same data) moved
 * it first, which the caller turns into a failed append.
 */
export const advanceMeeting = (db: Kysely<Database>, a: SealedAppend) =>
  db.updateTable('meetings')
    .set({ revision: a.revision, phase: a.phase, updated_at: a.at, ...(a.snapshotSealed === null ? {} : { snapshot_json: a.snapshotSealed }) })
    .where('id', '=', a.meetingId)
    .where('revision', '=', a.revision - 1);

/**
 * advanceMeeting for an append that stays in the meeting's phase, which most do: `phase` is left
 * out of the SET, so SQLite neither rewrites its index (`meetings_by_phase`, one page of the
 * append's write-ahead log) nor runs the trigger on it (issue 14). It changes no row when the
 * stored phase is another, or the revision moved; the SQLite writer then runs advanceMeeting.
 */
export const advanceMeetingInPhase = (db: Kysely<Database>, a: SealedAppend) =>
  db.updateTable('meetings')
    .set({ revision: a.revision, updated_at: a.at, ...(a.snapshotSealed === null ? {} : { snapshot_json: a.snapshotSealed }) })
    .where('id', '=', a.meetingId)
    .where('revision', '=', a.revision - 1)
    .where('phase', '=', a.phase);

/** The key that serialises the appends to one audit chain (kysely/atomic.ts `serialiseOn`). */
export const chainKey = (meetingId: string | null) => `audit chain ${chainOf(meetingId)}`;

/**
 * The last link of the chain that `meetingId` (null: the account chain) belongs to. The limit is
 * written into the SQL, not bound: SQLite re-prepares a statement whose LIMIT is a bound parameter
 * every time it is bound again (7% of the writer thread's CPU in its profile, issue 14).
 */
export const chainTail = (db: Kysely<Database>, meetingId: string | null) =>
  db.selectFrom('audit').select(['position', 'hash']).where('chain', '=', chainOf(meetingId)).orderBy('position', 'desc').limit(sql.lit(1));

export const insertAudit = (db: Kysely<Database>, e: AuditEntry, link: { position: number; prevHash: string; hash: string }) =>
  db.insertInto('audit').values({
    chain: chainOf(e.meetingId), position: link.position, at: e.at, actor_role: e.actorRole, actor_id: e.actorId, action: e.action,
    meeting_id: e.meetingId, subject_id: e.subjectId, detail: e.detail === null ? null : JSON.stringify(e.detail),
    prev_hash: link.prevHash, hash: link.hash,
  });

/**
 * Each statement's parameters in the order its compiled SQL binds them. The SQLite writer thread
 * compiles each statement once and binds these (issue 14: building and compiling the Kysely
 * queries again for every append was about a fifth of that thread's CPU); it checks them against
 * Kysely's own compilation when it starts, and `tests/store/event-log-queries.test.ts` for every shape.
 */
export const insertEventParameters = (a: SealedAppend): unknown[] => [a.meetingId, a.revision, a.commandId, a.eventSealed, a.at];

/** advanceMeeting's parameters; the SQL differs with and without a snapshot. */
export const advanceMeetingParameters = (a: SealedAppend): unknown[] => [
  a.revision, a.phase, a.at, ...(a.snapshotSealed === null ? [] : [a.snapshotSealed]), a.meetingId, a.revision - 1,
];

/** advanceMeetingInPhase's parameters; the SQL differs with and without a snapshot. */
export const advanceMeetingInPhaseParameters = (a: SealedAppend): unknown[] => [
  a.revision, a.at, ...(a.snapshotSealed === null ? [] : [a.snapshotSealed]), a.meetingId, a.revision - 1, a.phase,
];

export const chainTailParameters = (meetingId: string | null): unknown[] => [chainOf(meetingId)];

export const insertAuditParameters = (e: AuditEntry, link: { position: number; prevHash: string; hash: string }): unknown[] => [
  chainOf(e.meetingId), link.position, e.at, e.actorRole, e.actorId, e.action, e.meetingId, e.subjectId,
  e.detail === null ? null : JSON.stringify(e.detail), link.prevHash, link.hash,
];
