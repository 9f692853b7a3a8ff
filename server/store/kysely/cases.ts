// Cases and their participants. Names, relationships, letters and bottom
// lines are sealed by the vault before they reach the database.
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Vault } from '../../security/vault.js';
import type { Database } from '../schema.js';
import type { PrivateTexts } from '../../../shared/meeting/view.js';

import type { CalendarLabel, CaseRecord, Cases, ParticipantPatch, ParticipantRecord } from '../types.js';

const toCase = (r: Selectable<Database['cases']>, v: Vault): CaseRecord => ({
  id: r.id,
  facilitatorId: r.facilitator_id,
  lovedOneName: v.open(r.loved_one_name),
  approach: r.approach as CaseRecord['approach'],
  createdAt: r.created_at,
});

const toParticipant = (r: Selectable<Database['participants']>, v: Vault): ParticipantRecord => ({
  id: r.id,
  caseId: r.case_id,
  meetingId: r.meeting_id ?? null,
  name: v.open(r.name),
  relationship: v.open(r.relationship),
  attendance: r.attendance as ParticipantRecord['attendance'],
  letter: v.openOrNull(r.letter ?? null),
  bottomLine: v.openOrNull(r.bottom_line ?? null),
  createdAt: r.created_at,
  // Absent means English, as when written without one: a record reads back as written.
  ...(r.language === 'es' ? { language: 'es' as const } : {}),
});

/**
 * Ties among rows created in the same millisecond fall back to insertion
 * order: SQLite's rowid, and on PostgreSQL an identity column of that name
 * (migrations/dialect.ts `rowidOnPostgres`) on every table ordered by it.
 */
export const insertionOrder = sql`rowid`;

export class KyselyCases implements Cases {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async createCase(c: CaseRecord) {
    await this.db.insertInto('cases')
      .values({
        id: c.id, facilitator_id: c.facilitatorId, loved_one_name: this.vault.seal(c.lovedOneName), approach: c.approach, created_at: c.createdAt,
        // The next number in the practice (migration 012); one statement, so one writer's cases never share one.
        calendar_number: sql<number>`(SELECT COALESCE(MAX(calendar_number), 0) + 1 FROM cases)`,
      })
      .execute();
  }

  async calendarLabels(caseIds: readonly string[]) {
    const labels = new Map<string, CalendarLabel>();
    if (caseIds.length === 0) return labels;
    const rows = await this.db.selectFrom('cases').select(['id', 'calendar_number', 'calendar_label']).where('id', 'in', [...new Set(caseIds)]).execute();
    for (const r of rows) {
      const chosen = this.vault.openOrNull(r.calendar_label ?? null);
      labels.set(r.id, chosen ? { label: chosen, chosen: true } : { label: `Case ${r.calendar_number ?? '?'}`, chosen: false });
    }
    return labels;
  }

  async setCalendarLabel(caseId: string, label: string | null) {
    await this.db.updateTable('cases').set({ calendar_label: this.vault.sealOrNull(label) }).where('id', '=', caseId).execute();
  }

  async getCase(id: string) {
    const row = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCase(row, this.vault);
  }

  async listCases(facilitatorId: string) {
    // Owned, or worked as a colleague (issue 16).
    const rows = await this.db.selectFrom('cases').selectAll()
      .where((eb) => eb.or([
        eb('facilitator_id', '=', facilitatorId),
        eb('id', 'in', eb.selectFrom('case_staff').select('case_id').where('account_id', '=', facilitatorId)),
      ]))
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => toCase(r, this.vault));
  }

  async createParticipant(p: ParticipantRecord) {
    const v = this.vault;
    await this.db.insertInto('participants')
      .values({
        id: p.id, case_id: p.caseId, meeting_id: p.meetingId, name: v.seal(p.name), relationship: v.seal(p.relationship),
        attendance: p.attendance, letter: v.sealOrNull(p.letter), bottom_line: v.sealOrNull(p.bottomLine), created_at: p.createdAt,
        language: p.language ?? 'en',
      })
      .execute();
  }

  async getParticipant(id: string) {
    const row = await this.db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toParticipant(row, this.vault);
  }

  async listParticipants(caseId: string) {
    const rows = await this.db.selectFrom('participants').selectAll()
      .where('case_id', '=', caseId).where('meeting_id', 'is', null)
      .orderBy('created_at').orderBy(insertionOrder)
      .execute();
    return rows.map((r) => toParticipant(r, this.vault));
  }

  async listMeetingTexts(meetingId: string, caseId: string) {
    const rows = await this.db.selectFrom('participants').select(['id', 'letter', 'bottom_line', 'language'])
      .where('case_id', '=', caseId)
      .where((eb) => eb.or([eb('meeting_id', 'is', null), eb('meeting_id', '=', meetingId)]))
      .execute();
    const v = this.vault;
    // The language rides with the texts: the one per-person record the room reads for a participant's view (issue 15).
    const texts = new Map<string, PrivateTexts>(rows.map((r) => [r.id, {
      letter: v.openOrNull(r.letter), bottomLine: v.openOrNull(r.bottom_line), ...(r.language === 'es' ? { language: 'es' as const } : {}),
    }]));
    // Each responder's tablet shows their prepared answers when an objection is raised (issue 9, section 6).
    const objections = await this.db.selectFrom('objections').select(['id', 'responder_id', 'objection', 'response'])
      .where('case_id', '=', caseId).orderBy('created_at').orderBy(insertionOrder).execute();
    for (const o of objections) {
      const entry = texts.get(o.responder_id);
      if (!entry) continue;
      (entry.objections ??= []).push({ objectionId: o.id, objection: v.open(o.objection), response: v.open(o.response) });
    }
    return texts;
  }

  async updateParticipant(id: string, patch: ParticipantPatch) {
    const v = this.vault;
    const set: Updateable<Database['participants']> = {};
    if (patch.name !== undefined) set.name = v.seal(patch.name);
    if (patch.relationship !== undefined) set.relationship = v.seal(patch.relationship);
    if (patch.attendance !== undefined) set.attendance = patch.attendance;
    if (patch.letter !== undefined) set.letter = v.sealOrNull(patch.letter);
    if (patch.bottomLine !== undefined) set.bottom_line = v.sealOrNull(patch.bottomLine);
    if (patch.language !== undefined) set.language = patch.language;
    if (Object.keys(set).length) await this.db.updateTable('participants').set(set).where('id', '=', id).execute();
  }

  async deleteParticipant(id: string) {
    const write = async (db: Kysely<Database>) => {
      const planned = await db.selectFrom('participants').select('id').where('id', '=', id).where('meeting_id', 'is', null).executeTakeFirst();
      if (!planned) return;
      // Their preparation (issue 10) goes with them: links, progress, drafts, versions, comments.
      for (const table of ['prepare_links', 'module_progress', 'letters', 'letter_versions', 'letter_comments'] as const) {
        await db.deleteFrom(table).where('participant_id', '=', id).execute();
      }
      await db.deleteFrom('participants').where('id', '=', id).execute();
    };
    await (this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write));
  }

  async removeGuest(participantId: string) {
    await this.db.deleteFrom('participants')
      .where('id', '=', participantId).where('attendance', '=', 'guest').where('meeting_id', 'is not', null)
      .execute();
  }
}
