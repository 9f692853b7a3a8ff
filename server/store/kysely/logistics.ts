// Treatment logistics (issue 11): facilities, and each case's logistics as one
// sealed document. A facility's notes are sealed; its name, levels of care,
// phone and address describe a provider, not a person, and stay in the clear.
import type { Kysely } from 'kysely';
import type { CaseLogistics, Facility } from '../../../shared/case/logistics.js';
import type { LevelOfCare } from '../../../shared/case/vocabulary.js';
import type { Vault } from '../../security/vault.js';
import type { Database } from '../schema.js';
import type { FacilityRecord, Logistics } from '../types.js';
import { insertionOrder } from './cases.js';

type FacilityRow = Database['facilities'];

export class KyselyLogistics implements Logistics {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async createFacility(f: FacilityRecord) {
    await this.db.insertInto('facilities').values({
      id: f.id, facilitator_id: f.facilitatorId, name: f.name, levels_json: JSON.stringify(f.levelsOfCare),
      phone: f.phone, address: f.address, notes: this.vault.seal(f.notes), created_at: f.createdAt, updated_at: f.updatedAt,
    }).execute();
  }

  async getFacility(facilityId: string) {
    const row = await this.db.selectFrom('facilities').selectAll().where('id', '=', facilityId).executeTakeFirst();
    return row && this.toFacility(row);
  }

  async listFacilities(facilitatorId: string) {
    const rows = await this.db.selectFrom('facilities').selectAll()
      .where('facilitator_id', '=', facilitatorId).orderBy('created_at').orderBy(insertionOrder).execute();
    return rows.map((r) => this.toFacility(r));
  }

  async updateFacility(facilityId: string, patch: Partial<Facility>, at: number) {
    const set: Partial<FacilityRow> = { updated_at: at };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.levelsOfCare !== undefined) set.levels_json = JSON.stringify(patch.levelsOfCare);
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.address !== undefined) set.address = patch.address;
    if (patch.notes !== undefined) set.notes = this.vault.seal(patch.notes);
    await this.db.updateTable('facilities').set(set).where('id', '=', facilityId).execute();
  }

  async getCaseLogistics(caseId: string) {
    const row = await this.db.selectFrom('case_logistics').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    return row && { logistics: JSON.parse(this.vault.open(row.document_json)) as CaseLogistics, updatedAt: row.updated_at };
  }

  async putCaseLogistics(caseId: string, logistics: CaseLogistics, at: number) {
    const document_json = this.vault.seal(JSON.stringify(logistics));
    await this.db.insertInto('case_logistics').values({ case_id: caseId, document_json, updated_at: at })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ document_json, updated_at: at }))
      .execute();
  }

  private toFacility(r: FacilityRow): FacilityRecord {
    return {
      id: r.id, facilitatorId: r.facilitator_id, name: r.name, levelsOfCare: JSON.parse(r.levels_json) as LevelOfCare[],
      phone: r.phone, address: r.address, notes: this.vault.open(r.notes), createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }
}
