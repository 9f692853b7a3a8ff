// The practice beyond accounts (issue 16), in Kysely's portable SQL:
// invitations and reset links (only their tokens' hashes), and case staff,
// the colleagues who work a case beside its owner.
import type { Kysely, Selectable } from 'kysely';
import type { AccountRole, InvitationPurpose, StaffRole } from '../../../shared/practice.js';
import type { Database } from '../schema.js';
import type { InvitationRecord, Practice, StaffRecord } from '../types.js';
import { atomically, serialiseOn } from './atomic.js';

const toInvitation = (r: Selectable<Database['invitations']>): InvitationRecord => ({
  id: r.id,
  purpose: r.purpose as InvitationPurpose,
  email: r.email,
  role: r.role as AccountRole,
  accountId: r.account_id,
  tokenHash: r.token_hash,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  revokedAt: r.revoked_at,
});

const toStaff = (r: Selectable<Database['case_staff']>): StaffRecord => ({
  caseId: r.case_id,
  accountId: r.account_id,
  role: r.role as StaffRole,
  addedBy: r.added_by,
  addedAt: r.added_at,
});

export class KyselyPractice implements Practice {
  constructor(private readonly db: Kysely<Database>) {}

  async createInvitation(i: InvitationRecord) {
    await this.db.insertInto('invitations').values({
      id: i.id, purpose: i.purpose, email: i.email, role: i.role, account_id: i.accountId, token_hash: i.tokenHash,
      created_by: i.createdBy, created_at: i.createdAt, expires_at: i.expiresAt, used_at: i.usedAt, revoked_at: i.revokedAt,
    }).execute();
  }

  async getInvitation(id: string) {
    const row = await this.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toInvitation(row);
  }

  async findInvitationByTokenHash(tokenHash: string) {
    const row = await this.db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toInvitation(row);
  }

  async listInvitations() {
    const rows = await this.db.selectFrom('invitations').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toInvitation);
  }

  async useInvitation(id: string, at: number) {
    // One conditional UPDATE: two people opening the same link at once cannot both use it.
    const result = await this.db.updateTable('invitations').set({ used_at: at })
      .where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revokeInvitation(id: string, at: number) {
    const result = await this.db.updateTable('invitations').set({ revoked_at: at })
      .where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revokeResetsFor(accountId: string, at: number) {
    await this.db.updateTable('invitations').set({ revoked_at: at })
      .where('account_id', '=', accountId).where('purpose', '=', 'reset')
      .where('used_at', 'is', null).where('revoked_at', 'is', null)
      .execute();
  }

  addStaff(s: StaffRecord) {
    return atomically(this.db, async (tx) => {
      // Checked, then written: on PostgreSQL two adds must not interleave (docs/store.md).
      await serialiseOn(tx, `case-staff ${s.caseId} ${s.accountId}`);
      if (await this.onCase(tx, s.caseId, s.accountId)) return false;
      await tx.insertInto('case_staff')
        .values({ case_id: s.caseId, account_id: s.accountId, role: s.role, added_by: s.addedBy, added_at: s.addedAt })
        .execute();
      return true;
    });
  }

  async removeStaff(caseId: string, accountId: string) {
    const result = await this.db.deleteFrom('case_staff').where('case_id', '=', caseId).where('account_id', '=', accountId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async listStaff(caseId: string) {
    const rows = await this.db.selectFrom('case_staff').selectAll().where('case_id', '=', caseId).orderBy('added_at').orderBy('account_id').execute();
    return rows.map(toStaff);
  }

  async staffRole(caseId: string, accountId: string) {
    return (await this.onCase(this.db, caseId, accountId))?.role;
  }

  private async onCase(db: Kysely<Database>, caseId: string, accountId: string) {
    const row = await db.selectFrom('case_staff').selectAll().where('case_id', '=', caseId).where('account_id', '=', accountId).executeTakeFirst();
    return row && toStaff(row);
  }
}
