// Meetings, their snapshots and their event logs. The input, the snapshot and
// every event are sealed JSON. Appending to the log is not done here: it is
// the hot path, and each store does it its own way (SQLite: a writer thread
// with group commits, see event-log-writer.ts; PostgreSQL: one transaction on
// the pool, see postgres.ts).
import type { Kysely, Selectable } from 'kysely';
import type { Vault } from '../../security/vault.js';
import type { AuditEntry } from '../audit.js';
import type { Database } from '../schema.js';
import type { Language } from '../../../shared/vocabulary.js';
import type { MeetingRecord, Meetings, StoredEvent } from '../types.js';

/** Appends one accepted command: see Meetings.appendEvent. */
export type AppendEvent = Meetings['appendEvent'];

const toMeeting = (r: Selectable<Database['meetings']>, v: Vault): MeetingRecord => ({
  id: r.id,
  caseId: r.case_id,
  facilitatorId: r.facilitator_id,
  input: JSON.parse(v.open(r.input_json)),
  snapshot: JSON.parse(v.open(r.snapshot_json)),
  revision: r.revision,
  phase: r.phase,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  // Absent means English, as when written without one: a record reads back as written.
  ...(r.display_language === 'es' ? { displayLanguage: 'es' as const } : {}),
});

export class KyselyMeetings implements Meetings {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly append: AppendEvent,
  ) {}

  async create(m: MeetingRecord) {
    await this.db.insertInto('meetings')
      .values({
        id: m.id, case_id: m.caseId, facilitator_id: m.facilitatorId,
        input_json: this.vault.seal(JSON.stringify(m.input)), snapshot_json: this.vault.seal(JSON.stringify(m.snapshot)),
        revision: m.revision, phase: m.phase, created_at: m.createdAt, updated_at: m.updatedAt, display_language: m.displayLanguage ?? 'en',
      })
      .execute();
  }

  async get(id: string) {
    const row = await this.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toMeeting(row, this.vault);
  }

  async listForCase(caseId: string) {
    const rows = await this.db.selectFrom('meetings').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
    return rows.map((r) => toMeeting(r, this.vault));
  }

  async listUnclosed() {
    const rows = await this.db.selectFrom('meetings').selectAll().where('phase', '<>', 'closed').execute();
    return rows.map((r) => toMeeting(r, this.vault));
  }

  async setDisplayLanguage(meetingId: string, language: Language) {
    await this.db.updateTable('meetings').set({ display_language: language }).where('id', '=', meetingId).execute();
  }

  appendEvent(meetingId: string, stored: StoredEvent, snapshot: unknown | null, phase: string, at: number, audit: AuditEntry) {
    return this.append(meetingId, stored, snapshot, phase, at, audit);
  }

  async findCommand(meetingId: string, commandId: string) {
    const row = await this.db.selectFrom('events').select(['revision', 'event_json'])
      .where('meeting_id', '=', meetingId).where('command_id', '=', commandId)
      .executeTakeFirst();
    if (!row) return undefined;
    const event = JSON.parse(this.vault.open(row.event_json)) as StoredEvent['event'];
    return { revision: row.revision, actorId: event.by.actorId };
  }

  async listCommandIds(meetingId: string) {
    const rows = await this.db.selectFrom('events').select(['command_id', 'revision']).where('meeting_id', '=', meetingId).execute();
    return new Map(rows.map((r) => [r.command_id, r.revision]));
  }

  async listEvents(meetingId: string, afterRevision = 0) {
    const rows = await this.db.selectFrom('events').select(['revision', 'command_id', 'event_json'])
      .where('meeting_id', '=', meetingId).where('revision', '>', afterRevision).orderBy('revision')
      .execute();
    return rows.map((r) => ({ revision: r.revision, commandId: r.command_id, event: JSON.parse(this.vault.open(r.event_json)) }));
  }
}
