// Meetings, their log and the revision fence of appendEvent.
import { describe, expect, test } from 'vitest';
import type { StoreHarness } from '../conformance.js';
import { append, freshStore, meeting, seedMeeting, T0 } from './fixtures.js';

export function meetingTests(name: string, open: StoreHarness) {
  describe(`${name}: meetings and their log`, () => {
    const current = freshStore(open);

    test('a meeting reads back as written, and is listed for its case (newest first) and while not closed', async () => {
      const { store } = current();
      const { c, f, m } = await seedMeeting(store);
      expect(await store.meetings.get(m.id)).toEqual(m);
      expect(await store.meetings.get('missing')).toBeUndefined();
      const later = meeting(c.id, f.id, { createdAt: T0 + 10, updatedAt: T0 + 10 });
      await store.meetings.create(later);
      expect((await store.meetings.listForCase(c.id)).map((x) => x.id)).toEqual([later.id, m.id]);
      await append(store, later.id, 1, {}, 'closed');
      expect((await store.meetings.listUnclosed()).map((x) => x.id)).toEqual([m.id]);
    });

    test('appended commands move the snapshot and revision and are found by command id, in order', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      for (const revision of [1, 2, 3]) await append(store, m.id, revision, {}, revision === 3 ? 'paused' : 'gathering');
      const stored = (await store.meetings.get(m.id))!;
      expect(stored).toMatchObject({ revision: 3, phase: 'paused', snapshot: { value: 'paused', revision: 3 }, updatedAt: T0 + 3000 });
      const events = await store.meetings.listEvents(m.id);
      expect(events.map((e) => [e.revision, e.commandId, e.event.at])).toEqual([[1, 'cmd-1', T0 + 1000], [2, 'cmd-2', T0 + 2000], [3, 'cmd-3', T0 + 3000]]);
      expect(await store.meetings.listCommandIds(m.id)).toEqual(new Map([['cmd-1', 1], ['cmd-2', 2], ['cmd-3', 3]]));
      expect(await store.meetings.findCommand(m.id, 'cmd-2')).toEqual({ revision: 2, actorId: 'f-1' });
      expect(await store.meetings.findCommand(m.id, 'cmd-9')).toBeUndefined();
    });

    test('issue 14: an append without a snapshot keeps the stored one, moves revision and phase, and the tail lists from it', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      await append(store, m.id, 1, {}, 'opening');
      for (const revision of [2, 3, 4]) await append(store, m.id, revision, {}, revision === 4 ? 'speaking' : 'opening', null);
      const stored = (await store.meetings.get(m.id))!;
      expect(stored).toMatchObject({ revision: 4, phase: 'speaking', snapshot: { value: 'opening', revision: 1 }, updatedAt: T0 + 4000 });
      expect((await store.meetings.listEvents(m.id, 1)).map((e) => e.revision)).toEqual([2, 3, 4]);
      expect((await store.meetings.listEvents(m.id, 4))).toEqual([]);
      expect((await store.meetings.listEvents(m.id)).map((e) => e.revision)).toEqual([1, 2, 3, 4]);
      expect((await store.audit.list(m.id)).length).toBe(4);
    });

    test('the revision fence: an append that skips or repeats a revision is refused and writes nothing', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      await append(store, m.id, 1);
      await expect(append(store, m.id, 3, { commandId: 'skips' })).rejects.toThrow();
      await expect(append(store, m.id, 1, { commandId: 'repeats' })).rejects.toThrow();
      expect((await store.meetings.get(m.id))!.revision).toBe(1);
      expect((await store.meetings.listEvents(m.id)).map((e) => e.commandId)).toEqual(['cmd-1']);
      expect((await store.audit.list(m.id)).length).toBe(1);
    });

    test('a command id already in the log is refused and writes nothing', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      await append(store, m.id, 1, { commandId: 'same' });
      await expect(append(store, m.id, 2, { commandId: 'same' })).rejects.toThrow();
      expect((await store.meetings.get(m.id))!.revision).toBe(1);
      expect((await store.audit.list(m.id)).length).toBe(1);
      // The failed append did not stop the next one.
      await append(store, m.id, 2, { commandId: 'next' });
      expect((await store.meetings.get(m.id))!.revision).toBe(2);
    });

    test('appends to many meetings at once all land, each meeting in order', async () => {
      const { store } = current();
      const { c, f } = await seedMeeting(store);
      const meetings = Array.from({ length: 5 }, () => meeting(c.id, f.id));
      for (const x of meetings) await store.meetings.create(x);
      await Promise.all(meetings.map(async (x) => {
        for (const revision of [1, 2, 3, 4]) await append(store, x.id, revision);
      }));
      for (const x of meetings) {
        expect((await store.meetings.get(x.id))!.revision).toBe(4);
        expect((await store.audit.list(x.id)).map((a) => a.position)).toEqual([1, 2, 3, 4]);
      }
    });

    // Issue 17: the fence is what keeps a meeting's log linear when two servers share the storage.
    test('two stores on the same storage racing the same revision: exactly one wins each time, and the log stays linear', async () => {
      const opened = current();
      const { m } = await seedMeeting(opened.store);
      const other = await opened.openAnother();
      try {
        for (let revision = 1; revision <= 10; revision++) {
          const results = await Promise.allSettled([
            append(opened.store, m.id, revision, { commandId: `a-${revision}` }),
            append(other, m.id, revision, { commandId: `b-${revision}` }),
          ]);
          expect(results.filter((r) => r.status === 'fulfilled'), `revision ${revision}`).toHaveLength(1);
        }
        expect((await other.meetings.listEvents(m.id)).map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
        expect((await opened.store.meetings.get(m.id))!.revision).toBe(10);
        expect((await opened.store.audit.list(m.id)).map((e) => e.position)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      } finally {
        await other.close();
      }
    });
  });
}
