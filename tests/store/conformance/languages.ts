// Issue 15: the language of a participant's screens and of a meeting's room display, stored
// unsealed beside the records; English when never set, and read back as written.
import { describe, expect, test } from 'vitest';
import type { StoreHarness } from '../conformance.js';
import { freshStore, participant, seedMeeting } from './fixtures.js';

export function languageTests(name: string, open: StoreHarness) {
  describe(`${name}: languages`, () => {
    const current = freshStore(open);

    test('issue 15: a participant’s language is written, read back, changed, and carried with the meeting’s texts', async () => {
      const { store } = current();
      const { c, m } = await seedMeeting(store);
      const ana = participant(c.id, { name: 'Ana', language: 'es' });
      const ben = participant(c.id, { name: 'Ben' });
      await store.cases.createParticipant(ana);
      await store.cases.createParticipant(ben);
      expect(await store.cases.getParticipant(ana.id)).toEqual(ana);
      // Never set: English, and absent from the record, as written.
      expect(await store.cases.getParticipant(ben.id)).toEqual(ben);
      let texts = await store.cases.listMeetingTexts(m.id, c.id);
      expect(texts.get(ana.id)?.language).toBe('es');
      expect(texts.get(ben.id)).not.toHaveProperty('language');
      await store.cases.updateParticipant(ana.id, { language: 'en' });
      await store.cases.updateParticipant(ben.id, { language: 'es' });
      texts = await store.cases.listMeetingTexts(m.id, c.id);
      expect(texts.get(ana.id)).not.toHaveProperty('language');
      expect((await store.cases.getParticipant(ben.id))?.language).toBe('es');
    });

    test('issue 15: a meeting’s display language is English until set, then read back', async () => {
      const { store } = current();
      const { m } = await seedMeeting(store);
      expect(await store.meetings.get(m.id)).not.toHaveProperty('displayLanguage');
      await store.meetings.setDisplayLanguage(m.id, 'es');
      expect((await store.meetings.get(m.id))?.displayLanguage).toBe('es');
      await store.meetings.setDisplayLanguage('missing', 'es');
      await store.meetings.setDisplayLanguage(m.id, 'en');
      expect(await store.meetings.get(m.id)).not.toHaveProperty('displayLanguage');
    });
  });
}
