// After a yes (issue 11, section 3): the transition checklist and consents.
// A consent signs once and revokes once (checked and written atomically), and
// the checklist, forms and signatures reach the disk sealed.
import { describe, expect, test } from 'vitest';
import { CONSENT_STATEMENTS } from '../../../shared/case/consent.js';
import type { ConsentRecord } from '../../../server/store/types.js';
import type { StoreHarness } from '../conformance.js';
import { freshStore, seedMeeting, T0 } from './fixtures.js';

const SECRET = { patient: 'Consent-patient-Heliotrope-Vance', companion: 'Companion-Basalt-Wren', typed: 'Typed-name-Cinnabar-Moth' };

function consent(caseId: string, over: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: 'consent-1', caseId, createdBy: 'f-1', tokenHash: 'consent-hash-1',
    form: {
      patientName: SECRET.patient, disclosingProgram: 'Program-Alder', information: ['admission confirmation'],
      recipients: [{ name: 'Ann' }], purpose: 'support', expiresAt: { date: '2027-01-01' }, rightToRevoke: { how: 'write to the program' },
      statements: CONSENT_STATEMENTS,
    },
    signature: null, createdAt: T0, signedAt: null, revokedAt: null, revocationRecordedAt: null, ...over,
  };
}

export function consentTests(name: string, open: StoreHarness) {
  describe(`${name}: after a yes (issue 11, section 3)`, () => {
    const current = freshStore(open);

    test('the transition checklist: put replaces, get opens it', async () => {
      const { store } = current();
      const { c, m } = await seedMeeting(store);
      expect(await store.transitions.get(c.id)).toBeUndefined();
      const checklist = { leftAt: T0, arrivedAt: null, admittedAt: null, accompaniedBy: { name: SECRET.companion }, shareWithFamily: true };
      await store.transitions.put({ caseId: c.id, meetingId: m.id, checklist, updatedAt: T0 });
      await store.transitions.put({ caseId: c.id, meetingId: m.id, checklist: { ...checklist, admittedAt: T0 + 5 }, updatedAt: T0 + 5 });
      expect(await store.transitions.get(c.id)).toEqual({ caseId: c.id, meetingId: m.id, checklist: { ...checklist, admittedAt: T0 + 5 }, updatedAt: T0 + 5 });
    });

    test('a consent is found by its token hash, signs once and revokes once', async () => {
      const { store } = current();
      const { c } = await seedMeeting(store);
      await store.consents.create(consent(c.id));
      expect(await store.consents.findByTokenHash('consent-hash-1')).toEqual(consent(c.id));
      const signature = { typedName: SECRET.typed, drawing: null, representative: null, signedAt: T0 + 1 };
      expect(await store.consents.sign('consent-1', signature)).toBe(true);
      expect(await store.consents.sign('consent-1', { ...signature, signedAt: T0 + 2 })).toBe(false);
      expect(await store.consents.revoke('consent-1', T0 + 3, T0 + 4)).toBe(true);
      expect(await store.consents.revoke('consent-1', T0 + 5, T0 + 6)).toBe(false);
      expect(await store.consents.get('consent-1')).toMatchObject({ signature, signedAt: T0 + 1, revokedAt: T0 + 3, revocationRecordedAt: T0 + 4 });
      // A revoked form is never signed afterwards.
      await store.consents.create(consent(c.id, { id: 'consent-2', tokenHash: 'consent-hash-2' }));
      expect(await store.consents.revoke('consent-2', T0 + 3, T0 + 3)).toBe(true);
      expect(await store.consents.sign('consent-2', signature)).toBe(false);
      expect((await store.consents.listForCase(c.id)).map((r) => r.id)).toEqual(['consent-1', 'consent-2']);
    });

    test('the checklist, forms and signatures are sealed on disk', async () => {
      const opened = current();
      const { c, m } = await seedMeeting(opened.store);
      await opened.store.transitions.put({
        caseId: c.id, meetingId: m.id, updatedAt: T0,
        checklist: { leftAt: T0, arrivedAt: null, admittedAt: null, accompaniedBy: { name: SECRET.companion }, shareWithFamily: false },
      });
      await opened.store.consents.create(consent(c.id));
      await opened.store.consents.sign('consent-1', { typedName: SECRET.typed, drawing: null, representative: null, signedAt: T0 + 1 });
      const text = await opened.persistedText();
      for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
    });
  });
}
