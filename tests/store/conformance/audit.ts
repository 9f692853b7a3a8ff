// The audit log: one chain per meeting and one for account events.
import { describe, expect, test } from 'vitest';
import { verifyChain, verifyChains } from '../../../server/store/audit.js';
import type { StoreHarness } from '../conformance.js';
import { append, auditEntry, freshStore, meeting, seedMeeting } from './fixtures.js';

export function auditTests(name: string, open: StoreHarness) {
  describe(`${name}: audit chains`, () => {
    const current = freshStore(open);

    test('each meeting and the accounts have a chain of their own, each verifying from position 1', async () => {
      const { store } = current();
      const { c, f, m } = await seedMeeting(store);
      const other = meeting(c.id, f.id);
      await store.meetings.create(other);
      await store.audit.append(auditEntry(null));
      await store.audit.append(auditEntry(m.id, { action: 'meeting.created', subjectId: c.id }));
      await store.audit.append(auditEntry(other.id, { action: 'meeting.created' }));
      await append(store, m.id, 1);
      await store.audit.append(auditEntry(m.id, { detail: { kind: 'display' } }));
      await store.audit.append(auditEntry(null, { action: 'logout' }));

      const mine = await store.audit.list(m.id);
      expect(mine.map((a) => [a.position, a.action])).toEqual([[1, 'meeting.created'], [2, 'command'], [3, 'link.issued']]);
      expect(mine[1]!.detail).toEqual({ type: 'pause.start', revision: 1 });
      expect(mine[2]!.detail).toEqual({ kind: 'display' });
      expect((await store.audit.list(other.id)).map((a) => a.position)).toEqual([1]);
      const accounts = await store.audit.list(null);
      expect(accounts.map((a) => [a.position, a.action, a.meetingId])).toEqual([[1, 'login', null], [2, 'logout', null]]);
      // seq orders the whole log as written.
      expect(mine.map((a) => a.seq)).toEqual([...mine.map((a) => a.seq)].sort((x, y) => x - y));
      for (const chain of [mine, accounts]) expect(verifyChain(chain)).toEqual({ intact: true, checked: chain.length, brokenAt: null });
    });

    test('many appends to one chain at once stay one line', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.audit.append(auditEntry(m.id, { at: i }))));
      const chain = await store.audit.list(m.id);
      expect(chain.map((a) => a.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(verifyChain(chain).intact).toBe(true);
    });

    test('an altered entry breaks its own chain where it was altered, and no other chain', async () => {
      const opened = current();
      const { store } = opened;
      const { c, f, m } = await seedMeeting(store);
      const other = meeting(c.id, f.id);
      await store.meetings.create(other);
      for (let i = 0; i < 3; i++) {
        await store.audit.append(auditEntry(m.id, { at: i }));
        await store.audit.append(auditEntry(other.id, { at: i }));
      }
      await store.audit.append(auditEntry(null));
      const target = (await store.audit.list(m.id))[1]!;
      await opened.tamperAudit(target.seq, 'actor_id', 'someone-else');
      expect(verifyChain(await store.audit.list(m.id))).toEqual({ intact: false, checked: 3, brokenAt: target.seq });
      expect(verifyChain(await store.audit.list(other.id)).intact).toBe(true);
      expect(verifyChains(await store.audit.list(other.id), await store.audit.list(null))).toEqual({ intact: true, checked: 4, brokenAt: null });
      expect(verifyChains(await store.audit.list(m.id), await store.audit.list(null))).toMatchObject({ intact: false, checked: 4, brokenAt: target.seq });
    });
  });
}
