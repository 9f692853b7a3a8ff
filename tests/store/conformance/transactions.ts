// Store.transaction (all or nothing) and sealing at rest.
import { describe, expect, test } from 'vitest';
import type { StoreHarness } from '../conformance.js';
import { append, auditEntry, facilitator, freshStore, kase, link, meeting, participant, seedMeeting } from './fixtures.js';

export function transactionTests(name: string, open: StoreHarness) {
  describe(`${name}: transactions`, () => {
    const current = freshStore(open);

    test('everything written in a transaction lands together', async () => {
      const { store } = current();
      const { c, m } = await seedMeeting(store);
      const guest = participant(c.id, { meetingId: m.id, attendance: 'guest' });
      const guestLink = link(m.id, { kind: 'guest', participantId: guest.id });
      const result = await store.transaction(async (tx) => {
        await tx.cases.createParticipant(guest);
        await tx.links.create(guestLink);
        await tx.audit.append(auditEntry(m.id, { subjectId: guestLink.id }));
        return 'admitted';
      });
      expect(result).toBe('admitted');
      expect(await store.cases.getParticipant(guest.id)).toEqual(guest);
      expect(await store.links.get(guestLink.id)).toEqual(guestLink);
      expect((await store.audit.list(m.id)).map((a) => a.subjectId)).toEqual([guestLink.id]);
    });

    test('a failure half-way (a taken token) leaves nothing written, and the store keeps working', async () => {
      const { store } = current();
      const { c, m } = await seedMeeting(store);
      await store.links.create(link(m.id, { tokenHash: 'taken' }));
      const guest = participant(c.id, { meetingId: m.id, attendance: 'guest' });
      await expect(store.transaction(async (tx) => {
        await tx.cases.createParticipant(guest);
        await tx.audit.append(auditEntry(m.id));
        await tx.links.create(link(m.id, { tokenHash: 'taken' }));
      })).rejects.toThrow();
      expect(await store.cases.getParticipant(guest.id)).toBeUndefined();
      expect(await store.audit.list(m.id)).toEqual([]);
      expect((await store.links.list(m.id)).length).toBe(1);
      await append(store, m.id, 1);
      expect((await store.audit.list(m.id)).map((a) => a.position)).toEqual([1]);
    });

    test('an error thrown by the work itself rolls back a new meeting with its links and audit', async () => {
      const { store } = current();
      const f = facilitator();
      await store.accounts.createFirstFacilitator(f);
      const c = kase(f.id);
      await store.cases.createCase(c);
      const m = meeting(c.id, f.id);
      await expect(store.transaction(async (tx) => {
        await tx.meetings.create(m);
        await tx.links.create(link(m.id));
        await tx.audit.append(auditEntry(m.id, { action: 'meeting.created' }));
        throw new Error('the response could not be built');
      })).rejects.toThrow('the response could not be built');
      expect(await store.meetings.get(m.id)).toBeUndefined();
      expect(await store.links.list(m.id)).toEqual([]);
      expect(await store.audit.list(m.id)).toEqual([]);
    });

    test('a check-then-write inside a transaction stays atomic (first facilitator)', async () => {
      const { store } = current();
      const wins = await Promise.all([1, 2, 3].map((i) =>
        store.transaction(async (tx) => {
          const created = await tx.accounts.createFirstFacilitator(facilitator({ email: `f${i}@example.org` }));
          if (created) await tx.audit.append(auditEntry(null, { action: 'account.created' }));
          return created;
        })));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect((await store.audit.list(null)).map((a) => a.action)).toEqual(['account.created']);
    });
  });
}

export function sealingTests(name: string, open: StoreHarness) {
  describe(`${name}: sealing at rest`, () => {
    const current = freshStore(open);

    // Names of 12+ characters: base64 ciphertext can hold a short string by chance.
    test('names, letters, bottom lines, notes and snapshots never reach the storage in plain text', async () => {
      const opened = current();
      const { store } = opened;
      const f = facilitator();
      await store.accounts.createFirstFacilitator(f);
      const c = kase(f.id, { lovedOneName: 'Bartholomew-Lovedone' });
      await store.cases.createCase(c);
      const p = participant(c.id, { name: 'Philippa-Participant', relationship: 'Godmother-relation', letter: 'Letter-remember-the-orchard', bottomLine: 'Bottomline-no-more-loans' });
      await store.cases.createParticipant(p);
      const m = meeting(c.id, f.id, { snapshot: { value: 'gathering', context: { note: 'Snapshot-note-confidential' } } });
      await store.meetings.create(m);
      await append(store, m.id, 1, { type: 'offer.respond', response: 'declined', note: 'Offer-note-confidential' });
      expect(await store.cases.getParticipant(p.id)).toEqual(p);
      const text = await opened.persistedText();
      for (const secret of ['Bartholomew-Lovedone', 'Philippa-Participant', 'Godmother-relation', 'Letter-remember-the-orchard',
        'Bottomline-no-more-loans', 'Snapshot-note-confidential', 'Offer-note-confidential', 'Annabella-Planned']) {
        expect(text, `"${secret}" is stored in plain text`).not.toContain(secret);
      }
      // The check can fail: what is not health data is there in the clear.
      expect(text).toContain(f.email);
    });
  });
}
