// Treatment logistics (issue 11): facilities per facilitator, a case's
// logistics document replaced whole, and their sealing on disk.
import { describe, expect, test } from 'vitest';
import { logisticsSchema } from '../../../shared/case/logistics.js';
import type { FacilityRecord } from '../../../server/store/types.js';
import type { StoreHarness } from '../conformance.js';
import { freshStore, seedMeeting, T0 } from './fixtures.js';

const facility = (facilitatorId: string, over: Partial<FacilityRecord> = {}): FacilityRecord => ({
  id: 'fac-1', facilitatorId, name: 'Oak House', levelsOfCare: ['residential'], phone: '', address: '', notes: '', createdAt: T0, updatedAt: T0, ...over,
});

export function logisticsTests(name: string, open: StoreHarness) {
  describe(`${name}: treatment logistics (issue 11)`, () => {
    const current = freshStore(open);

    test('facilities: created, read, listed per facilitator oldest first, patched field by field', async () => {
      const { store } = current();
      const { f } = await seedMeeting(store);
      await store.logistics.createFacility(facility(f.id));
      await store.logistics.createFacility(facility(f.id, { id: 'fac-2', name: 'Elm', createdAt: T0 + 1, updatedAt: T0 + 1 }));
      expect((await store.logistics.listFacilities(f.id)).map((x) => x.id)).toEqual(['fac-1', 'fac-2']);
      expect(await store.logistics.listFacilities('someone-else')).toEqual([]);
      await store.logistics.updateFacility('fac-1', { levelsOfCare: ['residential', 'outpatient'], notes: 'Calls before noon' }, T0 + 5);
      expect(await store.logistics.getFacility('fac-1')).toEqual(facility(f.id, { levelsOfCare: ['residential', 'outpatient'], notes: 'Calls before noon', updatedAt: T0 + 5 }));
      expect(await store.logistics.getFacility('nope')).toBeUndefined();
    });

    test('a case\'s logistics: none until saved, then replaced whole', async () => {
      const { store } = current();
      const { c } = await seedMeeting(store);
      expect(await store.logistics.getCaseLogistics(c.id)).toBeUndefined();
      const first = logisticsSchema.parse({ primary: { bed: { status: 'held', heldUntil: T0 } } });
      await store.logistics.putCaseLogistics(c.id, first, T0);
      const second = logisticsSchema.parse({ packingList: [{ item: 'Charger' }] });
      await store.logistics.putCaseLogistics(c.id, second, T0 + 1);
      expect(await store.logistics.getCaseLogistics(c.id)).toEqual({ logistics: second, updatedAt: T0 + 1 });
    });

    test('facility notes and the logistics document are sealed on disk', async () => {
      const opened = current();
      const { store } = opened;
      const { f, c } = await seedMeeting(store);
      const note = 'Facility-notes-cormorant-slate-ask-for-the-night-nurse';
      const intake = 'Intake-requirement-bittern-quartz-two-forms-of-id';
      await store.logistics.createFacility(facility(f.id, { notes: note }));
      await store.logistics.putCaseLogistics(c.id, logisticsSchema.parse({ primary: { intakeRequirements: [intake] } }), T0);
      const disk = await opened.persistedText();
      expect(disk).not.toContain(note);
      expect(disk).not.toContain(intake);
    });
  });
}
