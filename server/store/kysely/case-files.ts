// The case file (issue 9): the stage and its events, the approach's reason,
// the assessment, screenings, the team's roles and order, objections and
// readiness marks. Health data (the assessment, screenings, objections,
// responses, reasons, stage snapshots and events) is sealed by the vault
// before it reaches the database; roles, stage names and item names are not.
import { sql, type Kysely } from 'kysely';
import type { Approach } from '../../../shared/approaches.js';
import type { Assessment } from '../../../shared/case/assessment.js';
import type { ReadinessMark } from '../../../shared/case/readiness.js';
import type { CaseEvent } from '../../../shared/case/stages.js';
import type { CaseRole, CaseStage, ReadinessItem } from '../../../shared/case/vocabulary.js';
import type { Vault } from '../../security/vault.js';
import type { Database } from '../schema.js';
import type { CaseFiles, ObjectionRecord, ScreeningRecord, TeamPlacement } from '../types.js';
import { insertionOrder } from './cases.js';

const sealJson = (v: Vault, value: unknown) => v.seal(JSON.stringify(value));
const openJson = <T>(v: Vault, sealed: string): T => JSON.parse(v.open(sealed)) as T;

export class KyselyCaseFiles implements CaseFiles {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async getStage(caseId: string) {
    const row = await this.db.selectFrom('cases').select(['stage', 'stage_json']).where('id', '=', caseId).executeTakeFirst();
    if (!row) return undefined;
    return { stage: row.stage as CaseStage, snapshot: row.stage_json === null ? null : openJson(this.vault, row.stage_json) };
  }

  async listStageEvents(caseId: string) {
    const rows = await this.db.selectFrom('case_stage_events').select('event_json')
      .where('case_id', '=', caseId).orderBy('position').execute();
    return rows.map((r) => openJson<CaseEvent>(this.vault, r.event_json));
  }

  async recordStage(caseId: string, from: CaseStage, to: CaseStage, event: CaseEvent, snapshot: unknown) {
    // Its own transaction, or the enclosing one: the fenced update and the event land together.
    const write = async (db: Kysely<Database>) => {
      const moved = await db.updateTable('cases').set({ stage: to, stage_json: sealJson(this.vault, snapshot) })
        .where('id', '=', caseId).where('stage', '=', from).executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      const last = await db.selectFrom('case_stage_events').select((eb) => eb.fn.max('position').as('last'))
        .where('case_id', '=', caseId).executeTakeFirst();
      await db.insertInto('case_stage_events').values({
        case_id: caseId, position: Number(last?.last ?? 0) + 1, from_stage: from, to_stage: to,
        actor_id: event.by.actorId, at: event.at, event_json: sealJson(this.vault, event),
      }).execute();
      return true;
    };
    return this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write);
  }

  async getApproachReason(caseId: string) {
    const row = await this.db.selectFrom('cases').select('approach_reason').where('id', '=', caseId).executeTakeFirst();
    return this.vault.openOrNull(row?.approach_reason ?? null);
  }

  async setApproach(caseId: string, approach: Approach, reason: string | null) {
    await this.db.updateTable('cases').set({ approach, approach_reason: this.vault.sealOrNull(reason) }).where('id', '=', caseId).execute();
  }

  async getAssessment(caseId: string) {
    const row = await this.db.selectFrom('assessments').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    return row && { assessment: openJson<Assessment>(this.vault, row.document_json), updatedAt: row.updated_at };
  }

  async putAssessment(caseId: string, assessment: Assessment, at: number) {
    const document_json = sealJson(this.vault, assessment);
    await this.db.insertInto('assessments').values({ case_id: caseId, document_json, updated_at: at })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ document_json, updated_at: at }))
      .execute();
  }

  async addScreening(r: ScreeningRecord) {
    await this.db.insertInto('screenings')
      .values({ id: r.id, case_id: r.caseId, screening_json: sealJson(this.vault, r.screening), created_at: r.createdAt })
      .execute();
  }

  async listScreenings(caseId: string) {
    const rows = await this.db.selectFrom('screenings').selectAll()
      .where('case_id', '=', caseId).orderBy('created_at').orderBy(insertionOrder).execute();
    return rows.map((r) => ({ id: r.id, caseId: r.case_id, screening: openJson<ScreeningRecord['screening']>(this.vault, r.screening_json), createdAt: r.created_at }));
  }

  async listTeam(caseId: string): Promise<TeamPlacement[]> {
    const rows = await this.db.selectFrom('participants').select(['id', 'roles_json', 'in_meeting'])
      .where('case_id', '=', caseId).where('meeting_id', 'is', null)
      // Ordered people first, by their place; the rest as they were added.
      .orderBy(sql`team_position is null`).orderBy('team_position').orderBy('created_at').orderBy(insertionOrder)
      .execute();
    return rows.map((r) => ({ participantId: r.id, roles: JSON.parse(r.roles_json) as CaseRole[], inMeeting: r.in_meeting === 1 }));
  }

  async placeMember(participantId: string, patch: Partial<Omit<TeamPlacement, 'participantId'>>) {
    const set: { roles_json?: string; in_meeting?: number } = {};
    if (patch.roles !== undefined) set.roles_json = JSON.stringify(patch.roles);
    if (patch.inMeeting !== undefined) set.in_meeting = patch.inMeeting ? 1 : 0;
    if (Object.keys(set).length) await this.db.updateTable('participants').set(set).where('id', '=', participantId).execute();
  }

  async orderTeam(caseId: string, participantIds: readonly string[]) {
    const write = async (db: Kysely<Database>) => {
      for (const [index, id] of participantIds.entries()) {
        await db.updateTable('participants').set({ team_position: index + 1 }).where('id', '=', id).where('case_id', '=', caseId).execute();
      }
    };
    await (this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write));
  }

  async createObjection(o: ObjectionRecord) {
    const v = this.vault;
    await this.db.insertInto('objections').values({
      id: o.objectionId, case_id: o.caseId, responder_id: o.responderId,
      objection: v.seal(o.objection), response: v.seal(o.response), created_at: o.createdAt,
    }).execute();
  }

  async getObjection(objectionId: string) {
    const row = await this.db.selectFrom('objections').selectAll().where('id', '=', objectionId).executeTakeFirst();
    return row && this.toObjection(row);
  }

  async listObjections(caseId: string) {
    const rows = await this.db.selectFrom('objections').selectAll()
      .where('case_id', '=', caseId).orderBy('created_at').orderBy(insertionOrder).execute();
    return rows.map((r) => this.toObjection(r));
  }

  async updateObjection(objectionId: string, patch: Partial<Omit<ObjectionRecord, 'objectionId' | 'caseId' | 'createdAt'>>) {
    const set: { objection?: string; response?: string; responder_id?: string } = {};
    if (patch.objection !== undefined) set.objection = this.vault.seal(patch.objection);
    if (patch.response !== undefined) set.response = this.vault.seal(patch.response);
    if (patch.responderId !== undefined) set.responder_id = patch.responderId;
    if (Object.keys(set).length) await this.db.updateTable('objections').set(set).where('id', '=', objectionId).execute();
  }

  async deleteObjection(objectionId: string) {
    await this.db.deleteFrom('objections').where('id', '=', objectionId).execute();
  }

  async listReadinessMarks(caseId: string): Promise<ReadinessMark[]> {
    const rows = await this.db.selectFrom('readiness_marks').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('item').execute();
    return rows.map((r) => r.state === 'done'
      ? { item: r.item as ReadinessItem, state: 'done' as const }
      : { item: r.item as ReadinessItem, state: 'waived' as const, reason: this.vault.open(r.reason ?? '') });
  }

  async putReadinessMark(caseId: string, mark: ReadinessMark, at: number) {
    const reason = mark.state === 'waived' ? this.vault.seal(mark.reason) : null;
    await this.db.insertInto('readiness_marks').values({ case_id: caseId, item: mark.item, state: mark.state, reason, at })
      .onConflict((oc) => oc.columns(['case_id', 'item']).doUpdateSet({ state: mark.state, reason, at }))
      .execute();
  }

  async clearReadinessMark(caseId: string, item: ReadinessItem) {
    await this.db.deleteFrom('readiness_marks').where('case_id', '=', caseId).where('item', '=', item).execute();
  }

  private toObjection(r: { id: string; case_id: string; responder_id: string; objection: string; response: string; created_at: number }): ObjectionRecord {
    return {
      objectionId: r.id, caseId: r.case_id, responderId: r.responder_id,
      objection: this.vault.open(r.objection), response: this.vault.open(r.response), createdAt: r.created_at,
    };
  }
}
