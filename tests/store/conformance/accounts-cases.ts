// Accounts, sessions, cases and participants.
import { describe, expect, test } from 'vitest';
import type { StoreHarness } from '../conformance.js';
import { facilitator, freshStore, kase, meeting, participant, seedMeeting, T0 } from './fixtures.js';

export function accountAndCaseTests(name: string, open: StoreHarness) {
  describe(`${name}: accounts and sessions`, () => {
    const current = freshStore(open);

    test('only the first facilitator is created by set-up, and is found by email in any case', async () => {
      const { store } = current();
      expect(await store.accounts.countFacilitators()).toBe(0);
      const dana = facilitator();
      expect(await store.accounts.createFirstFacilitator(dana)).toBe(true);
      // Two set-ups racing: exactly one wins.
      const results = await Promise.all([facilitator({ email: 'a@example.org' }), facilitator({ email: 'b@example.org' })]
        .map((f) => store.accounts.createFirstFacilitator(f)));
      expect(results).toEqual([false, false]);
      expect(await store.accounts.countFacilitators()).toBe(1);
      // Issue 16: the account set-up creates runs the practice, and works until deactivated.
      const admin = { ...dana, role: 'admin', deactivatedAt: null };
      expect(await store.accounts.findFacilitatorByEmail('DANA@Example.org')).toEqual(admin);
      expect(await store.accounts.getFacilitator(dana.id)).toEqual(admin);
      expect(await store.accounts.findFacilitatorByEmail('nobody@example.org')).toBeUndefined();
      expect(await store.accounts.getFacilitator('missing')).toBeUndefined();
    });

    test('a session is found until it expires, can be extended, and is gone once deleted', async () => {
      const { store } = current();
      const dana = facilitator();
      await store.accounts.createFirstFacilitator(dana);
      const session = { idHash: 'hash-1', facilitatorId: dana.id, createdAt: T0, expiresAt: T0 + 1000 };
      await store.accounts.createSession(session);
      expect(await store.accounts.findSession('hash-1', T0 + 999)).toEqual(session);
      expect(await store.accounts.findSession('hash-1', T0 + 1000)).toBeUndefined();
      await store.accounts.extendSession('hash-1', T0 + 5000);
      expect((await store.accounts.findSession('hash-1', T0 + 4000))?.expiresAt).toBe(T0 + 5000);
      await store.accounts.deleteSession('hash-1');
      expect(await store.accounts.findSession('hash-1', T0)).toBeUndefined();
    });
  });

  describe(`${name}: cases and participants`, () => {
    const current = freshStore(open);

    test('cases read back as written, newest first, each facilitator seeing only theirs', async () => {
      const { store } = current();
      const dana = facilitator();
      await store.accounts.createFirstFacilitator(dana);
      const older = kase(dana.id, { createdAt: T0 });
      const newer = kase(dana.id, { createdAt: T0 + 1, approach: 'love-first', lovedOneName: 'Frederica-Lovedone' });
      await store.cases.createCase(older);
      await store.cases.createCase(newer);
      expect(await store.cases.getCase(older.id)).toEqual(older);
      expect(await store.cases.listCases(dana.id)).toEqual([newer, older]);
      expect(await store.cases.listCases('someone-else')).toEqual([]);
      expect(await store.cases.getCase('missing')).toBeUndefined();
    });

    test("a case's planned participants come back in the order they were added; guests are not among them", async () => {
      const { store } = current();
      const { c, m } = await seedMeeting(store);
      // Same millisecond: only the order of insertion tells them apart.
      const people = ['Zachariah-First', 'Abigail-Second', 'Maximilian-Third'].map((n) => participant(c.id, { name: n }));
      for (const p of people) await store.cases.createParticipant(p);
      const guest = participant(c.id, { meetingId: m.id, attendance: 'guest', name: 'Guestina-Remote', relationship: '', letter: null, bottomLine: null });
      await store.cases.createParticipant(guest);
      expect(await store.cases.listParticipants(c.id)).toEqual(people);
      expect(await store.cases.getParticipant(guest.id)).toEqual(guest);
      expect(await store.cases.getParticipant('missing')).toBeUndefined();
    });

    test("a meeting's texts are its case's planned participants' and its own guests', not another meeting's guests", async () => {
      const { store } = current();
      const { c, m, f } = await seedMeeting(store);
      const planned = participant(c.id);
      const ownGuest = participant(c.id, { meetingId: m.id, attendance: 'guest', letter: 'Guest-letter-text', bottomLine: null });
      const otherMeeting = meeting(c.id, f.id);
      await store.meetings.create(otherMeeting);
      const otherGuest = participant(c.id, { meetingId: otherMeeting.id, attendance: 'guest' });
      for (const p of [planned, ownGuest, otherGuest]) await store.cases.createParticipant(p);
      const texts = await store.cases.listMeetingTexts(m.id, c.id);
      expect([...texts.keys()].sort()).toEqual([planned.id, ownGuest.id].sort());
      expect(texts.get(planned.id)).toEqual({ letter: planned.letter, bottomLine: planned.bottomLine });
      expect(texts.get(ownGuest.id)).toEqual({ letter: 'Guest-letter-text', bottomLine: null });
    });
  });
}
