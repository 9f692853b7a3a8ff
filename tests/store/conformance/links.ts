// Join links.
import { describe, expect, test } from 'vitest';
import type { StoreHarness } from '../conformance.js';
import { freshStore, link, participant, seedMeeting, T0 } from './fixtures.js';

export function linkTests(name: string, open: StoreHarness) {
  describe(`${name}: links`, () => {
    const current = freshStore(open);

    test('links are found by token hash and id, and listed per meeting in the order issued', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      const issued = [link(m.id, { kind: 'participant', participantId: 'p-1' }), link(m.id, { kind: 'remote' }), link(m.id, { kind: 'display' })];
      for (const l of issued) await store.links.create(l);
      const guest = link(m.id, { kind: 'guest', participantId: 'g-1', parentLinkId: issued[1]!.id, createdAt: T0 + 5 });
      await store.links.create(guest);
      expect(await store.links.findByTokenHash(guest.tokenHash)).toEqual(guest);
      expect(await store.links.get(issued[0]!.id)).toEqual(issued[0]);
      expect(await store.links.list(m.id)).toEqual([...issued, guest]);
      expect(await store.links.findByTokenHash('unknown')).toBeUndefined();
      expect(await store.links.list('other-meeting')).toEqual([]);
    });

    // Issue 13, item 7: a working link's token is kept (sealed) so its QR code can be shown again.
    test('a kept token comes back until the link is revoked; a link made without one has none', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      const [kept, bare, revoked] = [link(m.id), link(m.id), link(m.id, { revokedAt: T0 })];
      await store.links.create(kept!, 'kept-token');
      await store.links.create(bare!);
      await store.links.create(revoked!, 'never-kept');
      expect(await store.links.keptToken(kept!.id)).toBe('kept-token');
      expect(await store.links.keptToken(bare!.id)).toBeNull();
      expect(await store.links.keptToken(revoked!.id)).toBeNull();
      expect(await store.links.keptToken('unknown')).toBeNull();
      expect(await store.links.get(kept!.id)).toEqual(kept);
      await store.links.revoke([kept!.id], T0 + 1);
      expect(await store.links.keptToken(kept!.id)).toBeNull();
    });

    test('a token hash is used once only', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      await store.links.create(link(m.id, { tokenHash: 'taken' }));
      await expect(store.links.create(link(m.id, { tokenHash: 'taken' }))).rejects.toThrow();
    });

    test('revoking keeps the first revocation time, and revoking nothing is harmless', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      const [a, b] = [link(m.id), link(m.id)];
      await store.links.create(a!);
      await store.links.create(b!);
      await store.links.revoke([a!.id], T0 + 1);
      await store.links.revoke([a!.id, b!.id], T0 + 2);
      await store.links.revoke([], T0 + 3);
      expect((await store.links.list(m.id)).map((l) => l.revokedAt)).toEqual([T0 + 1, T0 + 2]);
    });

    // Issue 12, case 2: a guest who left the lobby before anyone decided on them is not kept.
    test('a guest is forgotten in one transaction: their link and their row go, nobody else\'s', async () => {
      const { store } = current();
      const { c, m } = await seedMeeting(store);
      const planned = participant(c.id);
      const guest = participant(c.id, { meetingId: m.id, attendance: 'guest', name: 'Walk-in-guest-name', letter: null, bottomLine: null });
      await store.cases.createParticipant(planned);
      await store.cases.createParticipant(guest);
      const plannedLink = link(m.id, { participantId: planned.id });
      const guestLink = link(m.id, { kind: 'guest', participantId: guest.id });
      await store.links.create(plannedLink);
      await store.links.create(guestLink);
      await store.transaction(async (tx) => {
        await tx.links.remove([guestLink.id, plannedLink.id]);
        await tx.cases.removeGuest(guest.id);
        await tx.cases.removeGuest(planned.id);
      });
      await store.links.remove([]);
      expect(await store.links.list(m.id)).toEqual([plannedLink]);
      expect(await store.cases.getParticipant(guest.id)).toBeUndefined();
      expect(await store.cases.getParticipant(planned.id)).toEqual(planned);
    });
  });
}
