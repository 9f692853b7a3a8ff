// Issue 10, section 3: the letter's states, reading time and the role words on
// the preparation page; section 2: the modules and their checks.
import { describe, expect, test } from 'vitest';
import {
  LETTER_STATES, MODULES, MODULE_IDS, isLongLetter, letterStep, publicModule, readingSeconds, roleWords, wordCount,
} from '../../shared/prepare/index.js';

describe('letter states (issue 10, section 3)', () => {
  test('case 1: draft → submitted → approved, and only the interventionist reopens', () => {
    expect(letterStep('draft', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(letterStep('submitted', 'approve')).toEqual({ ok: true, state: 'approved' });
    expect(letterStep('approved', 'save')).toMatchObject({ ok: false, code: 'LETTER_APPROVED' });
    expect(letterStep('approved', 'submit')).toMatchObject({ ok: false, code: 'LETTER_APPROVED' });
    expect(letterStep('approved', 'request-changes')).toEqual({ ok: true, state: 'changes-requested' });
  });

  test('case 2: changes requested go back to draft when the person writes again, then can be resubmitted', () => {
    expect(letterStep('submitted', 'request-changes')).toEqual({ ok: true, state: 'changes-requested' });
    expect(letterStep('changes-requested', 'save')).toEqual({ ok: true, state: 'draft' });
    expect(letterStep('changes-requested', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(letterStep('submitted', 'save')).toEqual({ ok: true, state: 'draft' });
  });

  test('case 3: refusals: an empty submission, a second submission, approving a draft, asking changes of a draft', () => {
    expect(letterStep('draft', 'submit', true)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(letterStep('submitted', 'submit')).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    for (const state of ['draft', 'changes-requested', 'approved'] as const) expect(letterStep(state, 'approve').ok).toBe(false);
    for (const state of ['draft', 'changes-requested'] as const) expect(letterStep(state, 'request-changes').ok).toBe(false);
    expect(LETTER_STATES).toHaveLength(4);
  });
});

describe('reading time at 130 words a minute (issue 10, section 3)', () => {
  test('case 4: words are counted as read aloud, and the time rounds up', () => {
    expect(wordCount("I love you. Don't go — it's twenty-one days")).toBe(8);
    expect(readingSeconds('')).toBe(0);
    expect(readingSeconds('word '.repeat(130))).toBe(60);
    expect(readingSeconds('word '.repeat(131))).toBe(61);
  });

  test('case 5: past three minutes is long; exactly three is not', () => {
    expect(isLongLetter(readingSeconds('word '.repeat(390)))).toBe(false);
    expect(isLongLetter(readingSeconds('word '.repeat(391)))).toBe(true);
  });
});

describe('the person\'s part in their own words', () => {
  test('case 6: the closer reads last; the first reads first; support reads nothing; out of the meeting says so', () => {
    expect(roleWords({ roles: ['closer'], inMeeting: true, speaksAt: 4, speakers: 4 })).toEqual(['You read last']);
    expect(roleWords({ roles: ['chair'], inMeeting: true, speaksAt: 1, speakers: 4 })[0]).toBe('You read first');
    expect(roleWords({ roles: [], inMeeting: true, speaksAt: 2, speakers: 4 })).toEqual(['You read at place 2 of 4']);
    expect(roleWords({ roles: ['support'], inMeeting: true, speaksAt: null, speakers: 4 })).toEqual(['You are there to support: you do not read a letter']);
    expect(roleWords({ roles: ['closer'], inMeeting: false, speaksAt: null, speakers: 3 })[0]).toMatch(/not in the meeting/);
  });
});

describe('the modules (issue 10, section 2)', () => {
  test('case 7: six modules, each with a check whose answer is one of its options and never sent to the page', () => {
    expect(MODULES.map((m) => m.id)).toEqual([...MODULE_IDS]);
    for (const m of MODULES) {
      expect(m.check.options.map((o) => o.id)).toContain(m.check.answer);
      const sent = JSON.stringify(publicModule(m));
      expect(sent).not.toContain('"answer"');
      expect(sent).not.toContain(m.check.explanation);
    }
    const text = JSON.stringify(MODULES);
    expect(text).toMatch(/988/);
    expect(text).toMatch(/Al-Anon/);
    expect(text).not.toMatch(/\baddicts?\b/i);
  });
});
