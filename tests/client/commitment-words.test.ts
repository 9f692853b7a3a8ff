// Issue 15: the preparation page's commitment section (issue 11, section 4) speaks the page's
// language: its words come from the catalogs, English and Spanish.
import { describe, expect, test } from 'vitest';
import { COMMITMENT_STATUS_CHOICES, COMMITMENT_WORDS } from '../../client/src/prepare/commitment-words.js';
import { COMMITMENT_STATUSES } from '../../shared/case/aftercare-vocabulary.js';

describe('the commitment section in words', () => {
  test('issue 15, commitment case 1: English as before, Spanish from the catalog', () => {
    expect(COMMITMENT_WORDS.title({}, { locale: 'en' })).toBe('What you said you would do');
    expect(COMMITMENT_WORDS.title({}, { locale: 'es' })).toBe('Lo que usted dijo que haría');
    expect(COMMITMENT_STATUS_CHOICES.kept({}, { locale: 'en' })).toBe('I am keeping it');
    expect(COMMITMENT_STATUS_CHOICES.kept({}, { locale: 'es' })).toBe('Lo estoy cumpliendo');
  });

  test('issue 15, commitment case 2: every word and every status has its own Spanish', () => {
    const words = [...Object.values(COMMITMENT_WORDS), ...COMMITMENT_STATUSES.map((s) => COMMITMENT_STATUS_CHOICES[s])];
    for (const word of words) {
      expect(word({}, { locale: 'es' })).not.toBe(word({}, { locale: 'en' }));
      expect(word({}, { locale: 'es' }).trim()).not.toBe('');
    }
    const es = COMMITMENT_STATUSES.map((s) => COMMITMENT_STATUS_CHOICES[s]({}, { locale: 'es' }));
    expect(new Set(es).size).toBe(COMMITMENT_STATUSES.length);
  });
});
