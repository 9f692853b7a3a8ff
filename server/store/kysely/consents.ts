// After a yes (issue 11, section 3): the transition checklist and the consents
// under 42 CFR Part 2. The checklist, each form and each signature are sealed
// by the vault before they reach the database; ids, the token's hash and the
// dates of signing and revocation are not.
import type { Kysely, Selectable } from 'kysely';
import type { ConsentForm, ConsentSignature } from '../../../shared/case/consent.js';
import type { Transition } from '../../../shared/case/transition.js';
import type { Vault } from '../../security/vault.js';
import type { Database } from '../schema.js';
import type { ConsentRecord, Consents, TransitionRecord, Transitions } from '../types.js';
import { insertionOrder } from './cases.js';

const sealJson = (v: Vault, value: unknown) => v.seal(JSON.stringify(value));
const openJson = <T>(v: Vault, sealed: string): T => JSON.parse(v.open(sealed)) as T;

export class KyselyTransitions implements Transitions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async get(caseId: string): Promise<TransitionRecord | undefined> {
    const row = await this.db.selectFrom('transitions').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    return row && { caseId, meetingId: row.meeting_id, checklist: openJson<Transition>(this.vault, row.checklist_json), updatedAt: row.updated_at };
  }

  async put(r: TransitionRecord) {
    const values = {
      meeting_id: r.meetingId,
      checklist_json: sealJson(this.vault, r.checklist),
      share_with_family: r.checklist.shareWithFamily ? 1 : 0,
      updated_at: r.updatedAt,
    };
    await this.db.insertInto('transitions').values({ case_id: r.caseId, ...values })
      .onConflict((oc) => oc.column('case_id').doUpdateSet(values)).execute();
  }
}

export class KyselyConsents implements Consents {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async create(c: ConsentRecord) {
    await this.db.insertInto('consents').values({
      id: c.id, case_id: c.caseId, created_by: c.createdBy, token_hash: c.tokenHash,
      form_json: sealJson(this.vault, c.form),
      signature_json: c.signature ? sealJson(this.vault, c.signature) : null,
      created_at: c.createdAt, signed_at: c.signedAt, revoked_at: c.revokedAt, revocation_recorded_at: c.revocationRecordedAt,
    }).execute();
  }

  async get(id: string) {
    const row = await this.db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.toRecord(row);
  }

  async findByTokenHash(tokenHash: string) {
    const row = await this.db.selectFrom('consents').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && this.toRecord(row);
  }

  async listForCase(caseId: string) {
    const rows = await this.db.selectFrom('consents').selectAll()
      .where('case_id', '=', caseId).orderBy('created_at').orderBy(insertionOrder).execute();
    return rows.map((r) => this.toRecord(r));
  }

  async sign(id: string, signature: ConsentSignature) {
    const done = await this.db.updateTable('consents')
      .set({ signature_json: sealJson(this.vault, signature), signed_at: signature.signedAt })
      .where('id', '=', id).where('signed_at', 'is', null).where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async revoke(id: string, at: number, recordedAt: number) {
    const done = await this.db.updateTable('consents').set({ revoked_at: at, revocation_recorded_at: recordedAt })
      .where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  private toRecord(r: Selectable<Database['consents']>): ConsentRecord {
    return {
      id: r.id, caseId: r.case_id, createdBy: r.created_by, tokenHash: r.token_hash,
      form: openJson<ConsentForm>(this.vault, r.form_json),
      signature: r.signature_json === null ? null : openJson<ConsentSignature>(this.vault, r.signature_json),
      createdAt: r.created_at, signedAt: r.signed_at, revokedAt: r.revoked_at, revocationRecordedAt: r.revocation_recorded_at,
    };
  }
}
