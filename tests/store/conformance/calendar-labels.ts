// A newcomer's trial, item 2 (migration 012): each case's calendar label. The
// feed named a call "Case 2bdbd901"; now a case is "Case <n>", numbered per
// practice in the order cases were made, or the label its interventionist
// chose, sealed at rest, on both dialects.
import { describe, expect, test } from 'vitest';
import type { StoreHarness } from '../conformance.js';
import { freshStore, kase, seedMeeting, T0 } from './fixtures.js';

export function calendarLabelTests(name: string, open: StoreHarness) {
  describe(`${name}: calendar labels`, () => {
    const current = freshStore(open);

    test('trial item 2, case 3: cases are numbered Case 1, Case 2… per practice; a chosen label is sealed and can be cleared', async () => {
      const { store, persistedText } = current();
      const { f, c } = await seedMeeting(store);
      const second = kase(f.id, { createdAt: T0 + 1 });
      const third = kase(f.id, { createdAt: T0 + 2 });
      await store.cases.createCase(second);
      await store.cases.createCase(third);
      const labels = await store.cases.calendarLabels([c.id, second.id, third.id, 'no-such-case']);
      expect([c.id, second.id, third.id].map((id) => labels.get(id))).toEqual([
        { label: 'Case 1', chosen: false },
        { label: 'Case 2', chosen: false },
        { label: 'Case 3', chosen: false },
      ]);
      expect(labels.has('no-such-case')).toBe(false);
      expect((await store.cases.calendarLabels([])).size).toBe(0);

      await store.cases.setCalendarLabel(second.id, 'Label-heron-quartz');
      expect((await store.cases.calendarLabels([second.id])).get(second.id)).toEqual({ label: 'Label-heron-quartz', chosen: true });
      expect(await persistedText()).not.toContain('Label-heron-quartz');
      await store.cases.setCalendarLabel(second.id, null);
      expect((await store.cases.calendarLabels([second.id])).get(second.id)).toEqual({ label: 'Case 2', chosen: false });
      // A new case takes the next number, whatever the labels say.
      const fourth = kase(f.id, { createdAt: T0 + 3 });
      await store.cases.createCase(fourth);
      expect((await store.cases.calendarLabels([fourth.id])).get(fourth.id)?.label).toBe('Case 4');
    });
  });
}
