// The family's preparation page and the console's letters review (issue 10):
// the letter cut into hinted pieces, the reading time in words, the states'
// words, the review's diff summary, the Letters tab's address, and the pages'
// own words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffSummary } from '../../client/src/console/letters/diff.js';
import type { PersonPreparation } from '../../client/src/console/letters/types.js';
import { drafted, hintsLabel, missingForMeeting, namesList, STATE_LABELS } from '../../client/src/console/letters/words.js';
import { caseHref, parseRoute } from '../../client/src/console/route.js';
import { readingWords } from '../../client/src/lib/reading.js';
import { hintPieces, STATE_WORDS } from '../../client/src/prepare/letter.js';
import { wordingHints } from '../../shared/prepare/hints.js';
import { LETTER_STATES } from '../../shared/prepare/vocabulary.js';

describe('wording hints on the page', () => {
  const text = 'Sam, you are an addict and you never listen.';
  const hint = (start: number, end: number, suggestion: string) => ({ start, end, text: text.slice(start, end), kind: 'label' as const, suggestion });
  const addict = hint(16, 22, 'a person with a substance use problem');
  const never = hint(27, 36, 'sometimes I feel unheard');

  test('issue 10, section 3, case 1: each hinted range is its own piece, in order, and the pieces give the text back', () => {
    const pieces = hintPieces(text, [never, addict]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.hint).map((p) => p.text)).toEqual(['addict', 'you never']);
    expect(pieces.find((p) => p.text === 'addict')?.hint?.suggestion).toBe('a person with a substance use problem');
  });

  test('issue 10, section 3, case 2: a hint out of range or overlapping an earlier one never hides words', () => {
    const pieces = hintPieces(text, [addict, hint(18, 25, 'x'), { ...hint(40, 44, 'y'), end: 99, text: 'gone' }, hint(5, 5, 'z')]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.hint).map((p) => p.text)).toEqual(['addict']);
  });

  test('issue 10, section 3, case 3: a hint whose offsets no longer fit is found by its words, ignoring case; one found nowhere is left out', () => {
    const stale = { start: 30, end: 36, text: 'addict', kind: 'label' as const, suggestion: 'someone struggling' };
    const gone = { ...stale, text: 'junkie' };
    const pieces = hintPieces('An ADDICT, they said.', [stale, gone]);
    expect(pieces).toEqual([{ text: 'An ' }, { text: 'ADDICT', hint: stale }, { text: ', they said.' }]);
  });

  test('issue 10, section 3, case 10: the shared hints for "addict" mark exactly that word on the page', () => {
    const letter = 'I love you. Watching you become an addict has frightened me.';
    const marked = hintPieces(letter, wordingHints(letter)).filter((p) => p.hint);
    expect(marked.map((p) => p.text)).toEqual(['addict']);
    expect(marked[0]!.hint!.suggestion).toMatch(/\w/);
  });

  test('issue 10, section 3, case 4: no hints, one plain piece; an empty letter, no pieces', () => {
    expect(hintPieces('I love you.', [])).toEqual([{ text: 'I love you.' }]);
    expect(hintPieces('', [])).toEqual([]);
  });
});

describe('reading time and states', () => {
  test('issue 10, section 3, case 5: the reading time reads in quarter minutes', () => {
    expect(readingWords(10)).toBe('Under half a minute');
    expect(readingWords(60)).toBe('About 1 minute');
    expect(readingWords(95)).toBe('About 1 minute 30 seconds');
    expect(readingWords(178)).toBe('About 3 minutes');
    expect(readingWords(45)).toBe('About 45 seconds');
  });

  test('issue 10, section 3, case 6: every state has words on both sides; only texts the person wrote have versions and a review', () => {
    for (const s of LETTER_STATES) {
      expect(STATE_WORDS[s]).toMatch(/\w/);
      expect(STATE_LABELS[s]).toMatch(/\w/);
      expect(drafted(s)).toBe(true);
    }
    expect(STATE_LABELS.none).toBe('Nothing written yet');
    expect(drafted('none')).toBe(false);
    expect(drafted('typed')).toBe(false);
    expect(hintsLabel(0)).toBe('No wording hints');
    expect(hintsLabel(1)).toBe('1 wording hint');
  });
});

describe('the review', () => {
  const parts = [
    { op: 'same' as const, text: 'You are ' },
    { op: 'removed' as const, text: 'an addict' },
    { op: 'added' as const, text: 'someone I love, and you are ill' },
    { op: 'same' as const, text: '.' },
  ];

  test('issue 10, section 3, case 8: a version\'s diff is summed up in words added and taken out', () => {
    expect(diffSummary(parts)).toBe('7 words added, 2 words taken out');
    expect(diffSummary([{ op: 'same', text: 'unchanged words' }])).toBe('No change in wording');
    expect(diffSummary([{ op: 'removed', text: ' one ' }])).toBe('1 word taken out');
  });

  test('issue 10, section 3, case 9: the Letters tab has its own address', () => {
    expect(parseRoute('#/cases/c1/letters')).toEqual({ name: 'case', id: 'c1', tab: 'letters' });
    expect(caseHref('c1', 'letters')).toBe('#/cases/c1/letters');
  });
});

describe('before the meeting', () => {
  const part = (meetingText: string | null) => ({ state: 'approved' as const, text: meetingText, version: 1, readingSeconds: 60, longLetter: false, hintsCount: 0, meetingText });
  const person = (name: string, over: Partial<PersonPreparation>): PersonPreparation => ({
    participantId: name, name, relationship: 'Family', roles: [], inMeeting: true, speaksAt: 1, link: null,
    modules: { done: [], total: 6 }, letter: part(null), bottomLine: part(null), ...over,
  });

  test('issue 10, section 3, case 11: the console names the readers whose letter or bottom line is not approved, and no one else', () => {
    const people = [
      person('Ann', { letter: part('Dear Sam'), bottomLine: part('I will not lend money') }),
      person('Bob', { bottomLine: part('I will not drive you') }),
      person('Cy', { speaksAt: null }),
      person('Dee', { inMeeting: false }),
      person('Eve', { letter: part('Dear Sam') }),
    ];
    expect(missingForMeeting({ usesBottomLines: true, people })).toEqual({ letters: ['Bob'], bottomLines: ['Eve'] });
    expect(missingForMeeting({ usesBottomLines: false, people })).toEqual({ letters: ['Bob'], bottomLines: [] });
    expect(namesList(['Ann'])).toBe('Ann');
    expect(namesList(['Ann', 'Bob', 'Cy'])).toBe('Ann, Bob and Cy');
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
