// After-care (issue 11, sections 4 and 5): the record an outcome begins, the
// participants' commitments and the follow-up schedule. The outcome, the plan,
// every commitment and every note are sealed by the vault before they reach
// the database; ids, kinds, statuses and times are not (the due lists read them).
import type { Kysely, Selectable } from 'kysely';
import type { FollowUpKind, FollowUpStatus } from '../../../shared/case/aftercare-vocabulary.js';
import type { Commitment, NextStepsPlan } from '../../../shared/case/next-steps.js';
import type { Outcome } from '../../../shared/vocabulary.js';
import type { Vault } from '../../security/vault.js';
import type { Database } from '../schema.js';
import type { AfterCare, AfterCareRecord, FollowUpPatch, FollowUpRecord } from '../types.js';
import { atomically, serialiseOn } from './atomic.js';
import { insertionOrder } from './cases.js';

interface SealedRecord {
  outcome: Outcome;
  outcomeAt: number;
  plan: NextStepsPlan | null;
}

type SealedCommitment = Omit<Commitment, 'participantId'>;

export class KyselyAfterCare implements AfterCare {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  private seal(value: unknown): string {
    return this.vault.seal(JSON.stringify(value));
  }

  private open<T>(sealed: string): T {
    return JSON.parse(this.vault.open(sealed)) as T;
  }

  private toFollowUp(r: Selectable<Database['follow_ups']>): FollowUpRecord {
    return {
      id: r.id, caseId: r.case_id, kind: r.kind as FollowUpKind, dueAt: r.due_at, status: r.status as FollowUpStatus,
      note: this.vault.openOrNull(r.note), createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }

  async begin(record: AfterCareRecord, commitments: readonly Commitment[], followUps: readonly FollowUpRecord[]) {
    return atomically(this.db, async (db) => {
      const sealed: SealedRecord = { outcome: record.outcome, outcomeAt: record.outcomeAt, plan: record.plan };
      const inserted = await db.insertInto('after_care').values({
        case_id: record.caseId, meeting_id: record.meetingId, record_json: this.seal(sealed), created_at: record.createdAt, updated_at: record.updatedAt,
      }).onConflict((oc) => oc.column('case_id').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
      for (const { participantId, ...rest } of commitments) {
        await db.insertInto('commitments').values({
          case_id: record.caseId, participant_id: participantId, commitment_json: this.seal(rest satisfies SealedCommitment), updated_at: record.createdAt,
        }).execute();
      }
      for (const f of followUps) await this.insertFollowUp(db, f);
      return true;
    });
  }

  async get(caseId: string) {
    const row = await this.db.selectFrom('after_care').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if (!row) return undefined;
    const sealed = this.open<SealedRecord>(row.record_json);
    return { caseId, meetingId: row.meeting_id, ...sealed, createdAt: row.created_at, updatedAt: row.updated_at };
  }

  async putPlan(caseId: string, plan: NextStepsPlan, at: number) {
    await atomically(this.db, async (db) => {
      // Read, then write what was read: on PostgreSQL two saves must not interleave (docs/store.md).
      await serialiseOn(db, `after-care ${caseId}`);
      const row = await db.selectFrom('after_care').select('record_json').where('case_id', '=', caseId).executeTakeFirst();
      if (!row) return;
      const sealed = { ...this.open<SealedRecord>(row.record_json), plan };
      await db.updateTable('after_care').set({ record_json: this.seal(sealed), updated_at: at }).where('case_id', '=', caseId).execute();
    });
  }

  async listCommitments(caseId: string) {
    const rows = await this.db.selectFrom('commitments').select(['participant_id', 'commitment_json'])
      .where('case_id', '=', caseId).orderBy(insertionOrder).execute();
    return rows.map((r) => ({ participantId: r.participant_id, ...this.open<SealedCommitment>(r.commitment_json) }));
  }

  async getCommitment(caseId: string, participantId: string) {
    const row = await this.db.selectFrom('commitments').select('commitment_json')
      .where('case_id', '=', caseId).where('participant_id', '=', participantId).executeTakeFirst();
    return row && { participantId, ...this.open<SealedCommitment>(row.commitment_json) };
  }

  async putCommitment(caseId: string, { participantId, ...rest }: Commitment, at: number) {
    const updated = await this.db.updateTable('commitments').set({ commitment_json: this.seal(rest satisfies SealedCommitment), updated_at: at })
      .where('case_id', '=', caseId).where('participant_id', '=', participantId).executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  async listFollowUps(caseId: string) {
    const rows = await this.db.selectFrom('follow_ups').selectAll().where('case_id', '=', caseId).orderBy('due_at').orderBy(insertionOrder).execute();
    return rows.map((r) => this.toFollowUp(r));
  }

  async listFollowUpsOf(facilitatorId: string) {
    const rows = await this.db.selectFrom('follow_ups').innerJoin('cases', 'cases.id', 'follow_ups.case_id')
      .selectAll('follow_ups')
      // The cases the account owns or works as a colleague (issue 16), as the case list has them.
      .where((eb) => eb.or([
        eb('cases.facilitator_id', '=', facilitatorId),
        eb('cases.id', 'in', eb.selectFrom('case_staff').select('case_id').where('account_id', '=', facilitatorId)),
      ]))
      .orderBy('follow_ups.due_at').execute();
    return rows.map((r) => this.toFollowUp(r));
  }

  async getFollowUp(id: string) {
    const row = await this.db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.toFollowUp(row);
  }

  async addFollowUp(record: FollowUpRecord) {
    await this.insertFollowUp(this.db, record);
  }

  async updateFollowUp(id: string, patch: FollowUpPatch, at: number) {
    const set: Partial<Database['follow_ups']> = { updated_at: at };
    if (patch.dueAt !== undefined) set.due_at = patch.dueAt;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.note !== undefined) set.note = this.vault.sealOrNull(patch.note);
    await this.db.updateTable('follow_ups').set(set).where('id', '=', id).execute();
  }

  private async insertFollowUp(db: Kysely<Database>, f: FollowUpRecord) {
    await db.insertInto('follow_ups').values({
      id: f.id, case_id: f.caseId, kind: f.kind, due_at: f.dueAt, status: f.status, note: this.vault.sealOrNull(f.note),
      created_at: f.createdAt, updated_at: f.updatedAt,
    }).execute();
  }
}
