// The family preparation (issue 10): links, module progress, letters with their
// versions and pruning, comments, and their sealing on disk.
import { describe, expect, test } from 'vitest';
import type { StoreHarness } from '../conformance.js';
import { freshStore, participant, seedMeeting, T0 } from './fixtures.js';

export function preparationTests(name: string, open: StoreHarness) {
  describe(`${name}: preparation (issue 10)`, () => {
    const current = freshStore(open);

    async function person() {
      const { store } = current();
      const { c } = await seedMeeting(store);
      const p = participant(c.id, { letter: null, bottomLine: null });
      await store.cases.createParticipant(p);
      return { store, c, p };
    }

    test('links: found by hash, the newest working one is active, revoking returns the ids revoked', async () => {
      const { store, c, p } = await person();
      const first = { id: 'l-1', caseId: c.id, participantId: p.id, tokenHash: 'hash-1', createdAt: T0, revokedAt: null };
      await store.preparation.createLink(first);
      expect(await store.preparation.findLinkByTokenHash('hash-1')).toEqual(first);
      expect(await store.preparation.activeLink(p.id)).toEqual(first);
      expect(await store.preparation.revokeLinks(p.id, T0 + 5)).toEqual(['l-1']);
      expect(await store.preparation.activeLink(p.id)).toBeUndefined();
      expect((await store.preparation.findLinkByTokenHash('hash-1'))?.revokedAt).toBe(T0 + 5);
      expect(await store.preparation.revokeLinks(p.id, T0 + 6)).toEqual([]);
      await expect(store.preparation.createLink({ ...first, id: 'l-2' })).rejects.toThrow();
    });

    test('modules done keep their first time', async () => {
      const { store, p } = await person();
      await store.preparation.markModuleDone(p.id, 'safety', T0 + 2);
      await store.preparation.markModuleDone(p.id, 'the-meeting', T0 + 3);
      await store.preparation.markModuleDone(p.id, 'safety', T0 + 9);
      expect(await store.preparation.listModulesDone(p.id)).toEqual([{ moduleId: 'safety', doneAt: T0 + 2 }, { moduleId: 'the-meeting', doneAt: T0 + 3 }]);
    });

    test('versions: each save is the next version; approval marks the latest; comments are listed per person', async () => {
      const { store, p } = await person();
      expect(await store.preparation.getLetter(p.id, 'letter')).toBeUndefined();
      expect(await store.preparation.saveVersion(p.id, 'letter', 'first words', 'draft', T0, 200)).toBe(1);
      expect(await store.preparation.saveVersion(p.id, 'letter', 'second words', 'draft', T0 + 1, 200)).toBe(2);
      await store.preparation.setLetterState(p.id, 'letter', 'approved', T0 + 2);
      expect(await store.preparation.getLetter(p.id, 'letter')).toEqual({ participantId: p.id, part: 'letter', state: 'approved', version: 2, text: 'second words', updatedAt: T0 + 2 });
      expect((await store.preparation.listVersions(p.id, 'letter')).map((v) => [v.version, v.text, v.approved])).toEqual([[1, 'first words', false], [2, 'second words', true]]);
      expect(await store.preparation.getLetter(p.id, 'bottom-line')).toBeUndefined();
      await store.preparation.addComment({ id: 'c-1', participantId: p.id, part: 'letter', authorId: 'f-1', text: 'Shorter, please', at: T0 + 3 });
      expect((await store.preparation.listComments(p.id)).map((c) => c.text)).toEqual(['Shorter, please']);
    });

    test('issue 10, section 5: beyond the limit the oldest never-approved versions go, approved ones stay', async () => {
      const { store, p } = await person();
      await store.preparation.saveVersion(p.id, 'letter', 'v1', 'draft', T0, 3);
      await store.preparation.saveVersion(p.id, 'letter', 'v2', 'submitted', T0 + 1, 3);
      await store.preparation.setLetterState(p.id, 'letter', 'approved', T0 + 2);
      for (let i = 3; i <= 6; i++) await store.preparation.saveVersion(p.id, 'letter', `v${i}`, 'draft', T0 + i, 3);
      expect((await store.preparation.listVersions(p.id, 'letter')).map((v) => v.text)).toEqual(['v2', 'v5', 'v6']);
    });

    test('drafts and comments are sealed on disk', async () => {
      const opened = current();
      const { store, p } = await person();
      const draft = 'Draft-words-Lighthouse-summer-of-nineteen-ninety-four';
      const comment = 'Comment-words-please-leave-out-the-wedding-story';
      await store.preparation.saveVersion(p.id, 'letter', draft, 'draft', T0, 200);
      await store.preparation.addComment({ id: 'c-1', participantId: p.id, part: 'letter', authorId: 'f-1', text: comment, at: T0 });
      const disk = await opened.persistedText();
      expect(disk).not.toContain(draft);
      expect(disk).not.toContain(comment);
    });
  });
}
