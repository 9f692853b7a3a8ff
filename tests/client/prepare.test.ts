// The family's preparation page and the console's letters review (issue 10):
// the letter cut into hinted pieces, the reading time in words, which states
// may be edited, the review's word-level diff, the Letters tab's address, and
// the pages' own words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffPieces, diffSummary } from '../../client/src/console/letters/diff.js';
import { hintsLabel, stateLabel } from '../../client/src/console/letters/words.js';
import { caseHref, parseRoute } from '../../client/src/console/route.js';
import { LETTER_STATES } from '../../client/src/lib/letter-state.js';
import { editable, hintPieces, LETTER_SECTIONS, LONG_LETTER_SECONDS, readingWords, STATE_WORDS } from '../../client/src/prepare/letter.js';

describe('wording hints on the page', () => {
  const text = 'Sam, you are an addict and you never listen.';
  const addict = { start: 16, end: 22, alternative: 'a person with a substance use problem' };
  const never = { start: 27, end: 36, alternative: 'sometimes I feel unheard' };

  test('issue 10, section 3, case 1: each hinted range is its own piece, in order, and the pieces give the text back', () => {
    const pieces = hintPieces(text, [never, addict]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.hint).map((p) => p.text)).toEqual(['addict', 'you never']);
    expect(pieces.find((p) => p.text === 'addict')?.hint?.alternative).toBe('a person with a substance use problem');
  });

  test('issue 10, section 3, case 2: a hint out of range or overlapping an earlier one never hides words', () => {
    const pieces = hintPieces(text, [addict, { start: 18, end: 25, alternative: 'x' }, { start: 40, end: 99, alternative: 'y' }, { start: 5, end: 5, alternative: 'z' }]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.hint).map((p) => p.text)).toEqual(['addict']);
  });

  test('issue 10, section 3, case 3: a hint sent by its words alone is found, ignoring case, and a missing one is left out', () => {
    const pieces = hintPieces('An ADDICT, they said.', [{ text: 'addict', alternative: 'someone struggling' }, { text: 'junkie', alternative: 'x' }]);
    expect(pieces).toEqual([{ text: 'An ' }, { text: 'ADDICT', hint: { text: 'addict', alternative: 'someone struggling' } }, { text: ', they said.' }]);
  });

  test('issue 10, section 3, case 4: no hints, one plain piece; an empty letter, no pieces', () => {
    expect(hintPieces('I love you.', [])).toEqual([{ text: 'I love you.' }]);
    expect(hintPieces('', [])).toEqual([]);
  });
});

describe('reading time and states', () => {
  test('issue 10, section 3, case 5: the reading time reads in quarter minutes, and 3 minutes is where the note starts', () => {
    expect(readingWords(10)).toBe('Under half a minute');
    expect(readingWords(60)).toBe('About 1 minute');
    expect(readingWords(95)).toBe('About 1 minute 30 seconds');
    expect(readingWords(178)).toBe('About 3 minutes');
    expect(readingWords(45)).toBe('About 45 seconds');
    expect(LONG_LETTER_SECONDS).toBe(180);
  });

  test('issue 10, section 3, case 6: only a draft or a letter sent back may be edited; every state has words on both sides', () => {
    expect(LETTER_STATES.filter(editable)).toEqual(['draft', 'changes-requested']);
    for (const s of LETTER_STATES) {
      expect(STATE_WORDS[s]).toMatch(/\w/);
      expect(stateLabel(s)).toMatch(/\w/);
    }
    expect(stateLabel(null)).toBe('Nothing written yet');
    expect(hintsLabel(0)).toBe('No wording hints');
    expect(hintsLabel(1)).toBe('1 wording hint');
  });

  test('issue 10, section 3, case 7: the guide has the seven sections in the issue\'s order', () => {
    expect(LETTER_SECTIONS.map((s) => s.title)).toEqual([
      'What I love and respect about you',
      'A memory of you at your best',
      'What I have seen',
      'How it has affected me',
      'I know this is a health problem, not a failing',
      'What I am asking',
      'Closing with love',
    ]);
  });
});

describe('the review', () => {
  const parts = [{ value: 'You are ' }, { value: 'an addict', removed: true }, { value: 'someone I love, and you are ill', added: true }, { value: '.' }];

  test('issue 10, section 3, case 8: a version\'s diff marks what was added and taken out, and counts the words', () => {
    expect(diffPieces(parts).map((p) => p.change)).toEqual(['same', 'removed', 'added', 'same']);
    expect(diffPieces([{ value: '' }, { value: 'x', added: true }])).toEqual([{ text: 'x', change: 'added' }]);
    expect(diffSummary(parts)).toBe('7 words added, 2 words taken out');
    expect(diffSummary([{ value: 'the first version' }])).toBe('No change in wording');
    expect(diffSummary([{ value: 'one', removed: true }])).toBe('1 word taken out');
  });

  test('issue 10, section 3, case 9: the Letters tab has its own address', () => {
    expect(parseRoute('#/cases/c1/letters')).toEqual({ name: 'case', id: 'c1', tab: 'letters' });
    expect(caseHref('c1', 'letters')).toBe('#/cases/c1/letters');
  });
});

test('issue 10, section 2: the preparation page and the review never use words that shame', () => {
  for (const dir of ['../../client/src/prepare', '../../client/src/console/letters']) {
    const path = join(import.meta.dirname, dir);
    for (const file of readdirSync(path)) {
      const text = readFileSync(join(path, file), 'utf8').toLowerCase();
      expect(text, file).not.toMatch(/\baddicts?\b|\babuser|\balcoholic\b|\bjunkie/);
    }
  }
});
