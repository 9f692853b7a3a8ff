// Issue 9, section 3: each instrument's published scoring, at every band edge,
// the AUDIT-C threshold from the respondent's own answer, and the PHQ-9 item-9
// self-harm flag whatever the total.
import { describe, expect, test } from 'vitest';
import {
  AUDIT_C,
  GAD_7,
  INSTRUMENTS,
  PHQ_9,
  scoreScreening,
  type InstrumentId,
  type Screening,
} from '../../shared/screeners/index.js';

const SELF = { participantId: 'p-ann' };

/** Answers adding up to `total`, filled from the first item, leaving the last items at 0 where possible. */
function answersFor(id: InstrumentId, total: number): number[] {
  const { items, range } = INSTRUMENTS[id];
  let left = total;
  return items.map(() => {
    const answer = Math.min(range.max, left);
    left -= answer;
    return answer;
  });
}

function score(id: InstrumentId, answers: number[], extra: Partial<Screening> = {}) {
  return scoreScreening({ instrument: id, respondent: SELF, answers, ...extra });
}

describe('the instruments as published', () => {
  test('AUDIT-C has 3 items scored 0-4, PHQ-9 9 items and GAD-7 7 items scored 0-3, each with its citation', () => {
    expect([AUDIT_C.items.length, PHQ_9.items.length, GAD_7.items.length]).toEqual([3, 9, 7]);
    for (const item of AUDIT_C.items) expect(item.options.map((o) => o.score)).toEqual([0, 1, 2, 3, 4]);
    for (const item of [...PHQ_9.items, ...GAD_7.items]) expect(item.options.map((o) => o.score)).toEqual([0, 1, 2, 3]);
    expect(AUDIT_C.citation).toMatch(/Bush.*1998/);
    expect(PHQ_9.citation).toMatch(/Kroenke.*Spitzer.*2001/);
    expect(GAD_7.citation).toMatch(/Spitzer.*Löwe.*2006/);
  });
});

describe('PHQ-9 bands at every edge (issue 9, section 3)', () => {
  test.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('a total of %i is %s', (total, band) => {
    const result = score('phq-9', answersFor('phq-9', total));
    expect(result).toMatchObject({ total, band });
    expect(result.positive).toBeUndefined();
  });
});

describe('GAD-7 bands at every edge (issue 9, section 3)', () => {
  test.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('a total of %i is %s', (total, band) => {
    expect(score('gad-7', answersFor('gad-7', total))).toMatchObject({ total, band, flags: [] });
  });
});

describe('AUDIT-C threshold from the respondent\'s own answer (issue 9, section 3)', () => {
  test.each([
    ['not-stated', 3, false],
    ['not-stated', 4, true],
    ['male', 3, false],
    ['male', 4, true],
    ['female', 2, false],
    ['female', 3, true],
    ['female', 12, true],
    ['male', 0, false],
  ] as const)('%s, total %i: positive %s', (sex, total, positive) => {
    const result = score('audit-c', answersFor('audit-c', total), { sex });
    expect(result).toMatchObject({ total, positive, band: positive ? 'screen-positive' : 'screen-negative' });
  });

  test('with no answer about sex, the general threshold of 4 applies: nothing is guessed', () => {
    expect(score('audit-c', [1, 1, 1]).positive).toBe(false);
    expect(score('audit-c', [2, 1, 1]).positive).toBe(true);
  });
});

describe('PHQ-9 item 9 raises self-harm whatever the total (issue 9, section 3)', () => {
  test('item 9 at 1 with every other item at 0: total 1, minimal, flagged', () => {
    expect(score('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 1])).toMatchObject({ total: 1, band: 'minimal', flags: ['self-harm'] });
  });

  test('a severe total with item 9 at 0 is not flagged', () => {
    expect(score('phq-9', [3, 3, 3, 3, 3, 3, 3, 3, 0])).toMatchObject({ total: 24, band: 'severe', flags: [] });
  });

  test('GAD-7 and AUDIT-C never flag self-harm', () => {
    expect(score('gad-7', [3, 3, 3, 3, 3, 3, 3]).flags).toEqual([]);
    expect(score('audit-c', [4, 4, 4]).flags).toEqual([]);
  });
});

describe('who answered', () => {
  test("a family member's answers about the loved one are an informant's estimate, their own a self-report", () => {
    const about = scoreScreening({ instrument: 'phq-9', respondent: { lovedOne: true, informantId: 'p-ann' }, answers: answersFor('phq-9', 3) });
    expect(about.basis).toBe('informant-estimate');
    expect(score('phq-9', answersFor('phq-9', 3)).basis).toBe('self-report');
  });

  test('scoring refuses answers that were never validated', () => {
    expect(() => score('gad-7', [0, 0, 0])).toThrow(/GAD-7 has 7 items/);
  });
});
