// Issue 10, section 3: the wording hints, at their edges. Hints, never blocks:
// the function only reports where and what to say instead.
import { describe, expect, test } from 'vitest';
import { wordingHints } from '../../shared/prepare/hints.js';

const words = (text: string) => wordingHints(text).map((h) => h.text);

describe('wording hints (issue 10, section 3)', () => {
  test('case 1: labels are found whatever their case or number, with a person-first alternative', () => {
    const text = 'You are not an Addict to me. Junkies, ALCOHOLIC, a drunk: words I heard.';
    const hints = wordingHints(text);
    expect(hints.map((h) => [h.text, h.kind])).toEqual([
      ['Addict', 'label'], ['Junkies', 'label'], ['ALCOHOLIC', 'label'], ['drunk', 'label'],
    ]);
    for (const h of hints) {
      expect(text.slice(h.start, h.end)).toBe(h.text);
      expect(h.suggestion).not.toMatch(/addict|junkie/i);
    }
    expect(hints[0]!.suggestion).toMatch(/person struggling with substance use/);
  });

  test('case 2: whole words only: addiction, assess, class, passion, scrap and drunken raise nothing', () => {
    expect(words('Addiction is a health condition; we will assess it in class with passion, scrap nothing, not drunken')).toEqual([]);
  });

  test('case 3: drinks are not people: non-alcoholic and alcoholic drinks raise nothing', () => {
    expect(words('We served non-alcoholic wine and no alcoholic drinks.')).toEqual([]);
    expect(words('You are an alcoholic')).toEqual(['alcoholic']);
  });

  test('case 4: blame phrases across spaces and line breaks, with the contraction', () => {
    expect(wordingHints('You always\nlie and you never call. It is your  fault. You’re never home.').map((h) => [h.text, h.kind])).toEqual([
      ['You always', 'blame'], ['you never', 'blame'], ['your  fault', 'blame'], ['You’re never', 'blame'],
    ]);
    expect(words('I will always love you; never forget.')).toEqual([]);
  });

  test('case 5: swearing, including longer forms, but not words that contain it', () => {
    expect(words('What the fuck, this shitty damn mess, asshole')).toEqual(['fuck', 'shitty', 'damn', 'asshole']);
    expect(words('Cocktail glasses, Scunthorpe, Hancock, assistance')).toEqual([]);
  });

  test('case 6: empty text and punctuation around a word; offsets in the original text', () => {
    expect(wordingHints('')).toEqual([]);
    const text = '“addict.”';
    const [hint] = wordingHints(text);
    expect(hint).toMatchObject({ start: 1, end: 7, text: 'addict' });
  });

  test('case 7: hints come in order of position and never overlap', () => {
    const hints = wordingHints('drunk, addict, you never, your fault, damn');
    const starts = hints.map((h) => h.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (let i = 1; i < hints.length; i++) expect(hints[i]!.start).toBeGreaterThanOrEqual(hints[i - 1]!.end);
    expect(hints).toHaveLength(5);
  });
});
