// Issue 16: accounts beyond the first, one-time links, and case staff.
import { describe, expect, test } from 'vitest';
import type { InvitationRecord } from '../../../server/store/types.js';
import type { StoreHarness } from '../conformance.js';
import { facilitator, freshStore, kase, T0 } from './fixtures.js';

const colleague = (over: Partial<Parameters<typeof facilitator>[0]> = {}) =>
  ({ ...facilitator({ name: 'Eli Colleague', email: 'eli@example.org', ...over }), role: 'interventionist' as const, deactivatedAt: null });

const invitation = (createdBy: string, over: Partial<InvitationRecord> = {}): InvitationRecord => ({
  id: `inv-${Math.random()}`, purpose: 'join', email: 'new@example.org', role: 'interventionist', accountId: null,
  tokenHash: `hash-${Math.random()}`, createdBy, createdAt: T0, expiresAt: T0 + 1000, usedAt: null, revokedAt: null, ...over,
});

export function practiceTests(name: string, open: StoreHarness) {
  describe(`${name}: the practice (issue 16)`, () => {
    const current = freshStore(open);

    test('issue 16: accounts are created once per address, listed oldest first, deactivated and given roles', async () => {
      const { store } = current();
      const dana = facilitator();
      await store.accounts.createFirstFacilitator(dana);
      const eli = colleague({ createdAt: T0 + 1 });
      expect(await store.accounts.createAccount(eli)).toBe(true);
      expect(await store.accounts.createAccount(colleague({ email: 'ELI@example.org' }))).toBe(false);
      expect((await store.accounts.listAccounts()).map((a) => [a.id, a.role])).toEqual([[dana.id, 'admin'], [eli.id, 'interventionist']]);
      expect(await store.accounts.countActiveAdmins()).toBe(1);
      await store.accounts.setRole(eli.id, 'admin');
      expect(await store.accounts.countActiveAdmins()).toBe(2);
      await store.accounts.setDeactivated(eli.id, T0 + 5);
      expect(await store.accounts.countActiveAdmins()).toBe(1);
      expect((await store.accounts.getFacilitator(eli.id))?.deactivatedAt).toBe(T0 + 5);
      await store.accounts.setPassword(eli.id, 'scrypt$other');
      expect((await store.accounts.getFacilitator(eli.id))?.passwordHash).toBe('scrypt$other');
    });

    test("issue 16: a deactivated account's session opens nothing; deleting an account's sessions keeps the one asked", async () => {
      const { store } = current();
      const dana = facilitator();
      await store.accounts.createFirstFacilitator(dana);
      for (const h of ['s-1', 's-2', 's-3']) await store.accounts.createSession({ idHash: h, facilitatorId: dana.id, createdAt: T0, expiresAt: T0 + 1000 });
      expect((await store.accounts.deleteSessionsOf(dana.id, 's-2')).sort()).toEqual(['s-1', 's-3']);
      expect(await store.accounts.findSession('s-1', T0)).toBeUndefined();
      expect(await store.accounts.findSession('s-2', T0)).toBeDefined();
      await store.accounts.setDeactivated(dana.id, T0);
      expect(await store.accounts.findSession('s-2', T0)).toBeUndefined();
    });

    test('issue 16: an invitation is used or revoked once only, found by its hash, and resets of an account are revoked together', async () => {
      const { store } = current();
      const dana = facilitator();
      await store.accounts.createFirstFacilitator(dana);
      const join = invitation(dana.id);
      await store.practice.createInvitation(join);
      expect(await store.practice.findInvitationByTokenHash(join.tokenHash)).toEqual(join);
      const twice = await Promise.all([store.practice.useInvitation(join.id, T0 + 1), store.practice.useInvitation(join.id, T0 + 2)]);
      expect(twice.sort()).toEqual([false, true]);
      expect(await store.practice.revokeInvitation(join.id, T0 + 3)).toBe(false);
      const reset1 = invitation(dana.id, { purpose: 'reset', accountId: dana.id, createdAt: T0 + 1 });
      const reset2 = invitation(dana.id, { purpose: 'reset', accountId: dana.id, createdAt: T0 + 2 });
      await store.practice.createInvitation(reset1);
      await store.practice.createInvitation(reset2);
      await store.practice.revokeResetsFor(dana.id, T0 + 4);
      expect((await store.practice.listInvitations()).map((i) => [i.id, i.usedAt, i.revokedAt])).toEqual([
        [reset2.id, null, T0 + 4], [reset1.id, null, T0 + 4], [join.id, expect.any(Number), null],
      ]);
    });

    test('issue 16: case staff are added once, listed, and removed; the case list includes the cases worked as staff', async () => {
      const { store } = current();
      const dana = facilitator();
      await store.accounts.createFirstFacilitator(dana);
      const eli = colleague();
      await store.accounts.createAccount(eli);
      const c = kase(dana.id);
      await store.cases.createCase(c);
      expect(await store.cases.listCases(eli.id)).toEqual([]);
      const staff = { caseId: c.id, accountId: eli.id, role: 'co-facilitator' as const, addedBy: dana.id, addedAt: T0 };
      expect(await store.practice.addStaff(staff)).toBe(true);
      expect(await store.practice.addStaff(staff)).toBe(false);
      expect(await store.practice.listStaff(c.id)).toEqual([staff]);
      expect(await store.practice.staffRole(c.id, eli.id)).toBe('co-facilitator');
      expect(await store.cases.listCases(eli.id)).toEqual([c]);
      expect(await store.practice.removeStaff(c.id, eli.id)).toBe(true);
      expect(await store.practice.removeStaff(c.id, eli.id)).toBe(false);
      expect(await store.practice.staffRole(c.id, eli.id)).toBeUndefined();
      expect(await store.cases.listCases(eli.id)).toEqual([]);
    });
  });
}
