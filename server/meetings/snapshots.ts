// Which commands store the meeting's snapshot, and how a stored meeting is
// brought back (issue 14). Every command's event joins the log durably before
// its ack, as always; the snapshot beside it (a few KB to serialise, hand to
// the writer thread, seal and rewrite in the meetings row) is stored only
// every SNAPSHOT_EVERY events, at every change of phase, and for every event
// once the meeting has an outcome. A restore takes the stored snapshot and
// replays the events after it, which the log already holds.
import {
  applyEvent, MEETING_MACHINE_VERSION, persistMeeting, phaseOf, replay, restoreMeeting, SnapshotMismatch, type MeetingSnapshot, type PersistedMeeting,
} from '../../shared/meeting/agenda.js';
import type { MeetingRecord, Meetings } from '../store/types.js';

/**
 * At most this many events after the stored snapshot. 16 saves 15 of 16 snapshot writes while a
 * restore replays at most 15 events per meeting (7.5 on average, 40–70 µs each on our 2-core
 * machines: well under a millisecond per meeting, a few tenths of a second for 1,000 meetings
 * after a crash, against a 2 s target). 50 would save little more and replay three times as much.
 */
export const SNAPSHOT_EVERY = 16;

/** The stored form of a snapshot: the machine's, with the revision it was reached at. */
export interface StoredSnapshot extends PersistedMeeting {
  revision: number;
}

/** The stored form of the meeting at `revision`. */
export function storedForm(snapshot: MeetingSnapshot, revision: number): StoredSnapshot {
  return { ...persistMeeting(snapshot), revision };
}

/**
 * The revision a record's stored snapshot was reached at, or null when the next command must
 * store a new one: a snapshot without its revision (made at creation, or by a release that stored
 * one with every event, so at the record's revision) or from another machine version.
 */
export function storedSnapshotRevision(record: Pick<MeetingRecord, 'snapshot' | 'revision'>): number | null {
  const stored = record.snapshot as Partial<StoredSnapshot> | null;
  if (typeof stored !== 'object' || stored === null || stored.machineVersion !== MEETING_MACHINE_VERSION) return null;
  return typeof stored.revision === 'number' ? stored.revision : null;
}

/** The revision the snapshot in `record` holds the meeting at: its own, or (unmarked) the record's. */
function snapshotAt(record: Pick<MeetingRecord, 'snapshot' | 'revision'>): number {
  const revision = (record.snapshot as Partial<StoredSnapshot> | null)?.revision;
  return typeof revision === 'number' ? revision : record.revision;
}

/**
 * Whether the event that moved the meeting from `before` to `after`, accepted at `revision`,
 * stores the snapshot. `storedAt` is the revision of the one stored (null: none usable). A change
 * of phase and an outcome always do, so that what is read from a stored meeting without its log
 * (its phase, its outcome: http/after-yes.ts) is what its snapshot holds.
 */
export function storesSnapshot(before: MeetingSnapshot, after: MeetingSnapshot, revision: number, storedAt: number | null): boolean {
  if (storedAt === null || revision - storedAt >= SNAPSHOT_EVERY) return true;
  const phase = phaseOf(after);
  return phase !== phaseOf(before) || phase === 'outcome' || phase === 'closed';
}

/**
 * The meeting at `record.revision`: its stored snapshot with the events after it replayed.
 * Throws SnapshotMismatch (from restoreMeeting) when the snapshot cannot be used, and an Error
 * when the log does not hold every event after it.
 */
export async function restoreStored(record: MeetingRecord, meetings: Pick<Meetings, 'listEvents'>): Promise<MeetingSnapshot> {
  const snapshot = restoreMeeting(record.snapshot);
  const from = snapshotAt(record);
  if (from >= record.revision) return snapshot;
  const tail = (await meetings.listEvents(record.id, from)).filter((stored) => stored.revision > from);
  if (tail.length !== record.revision - from || tail.some((stored, i) => stored.revision !== from + i + 1)) {
    throw new Error(`meeting ${record.id}: its event log does not reach revision ${record.revision} from its snapshot`);
  }
  return tail.reduce((current, stored) => applyEvent(current, stored.event), snapshot);
}

/** Rebuild a meeting from its creation input and its whole log; throws if the log does not reach `record.revision`. */
export async function rebuildStored(record: MeetingRecord, meetings: Pick<Meetings, 'listEvents'>): Promise<MeetingSnapshot> {
  const events = await meetings.listEvents(record.id);
  if (events.length !== record.revision || events.some((stored, i) => stored.revision !== i + 1)) {
    throw new Error(`meeting ${record.id}: its event log does not reach revision ${record.revision}; it cannot be rebuilt`);
  }
  return replay(record.input, events.map((stored) => stored.event));
}

/**
 * The meeting at `record.revision`: restored (restoreStored) or, when its snapshot is from another
 * machine version or does not restore, rebuilt from the whole log after `rebuilding` is told why.
 * Throws when the log does not reach the record's revision.
 */
export async function storedMeeting(
  record: MeetingRecord,
  meetings: Pick<Meetings, 'listEvents'>,
  rebuilding: (why: SnapshotMismatch) => void,
): Promise<MeetingSnapshot> {
  try {
    return await restoreStored(record, meetings);
  } catch (error) {
    if (!(error instanceof SnapshotMismatch)) throw error;
    rebuilding(error);
    return rebuildStored(record, meetings);
  }
}
