// Issue 9, section 3: "the wrong number of answers or a value out of range is a
// 400 naming the item". parseScreening gives the words; the route sends them.
import { describe, expect, test } from 'vitest';
import { basisWords, parseScreening } from '../../shared/screeners/index.js';

const body = (over: Record<string, unknown> = {}) => ({
  instrument: 'phq-9',
  respondent: { participantId: 'p-ann' },
  answers: [0, 1, 2, 3, 0, 1, 2, 3, 0],
  ...over,
});

function message(raw: unknown): string {
  const result = parseScreening(raw);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('a screening as the console sends it', () => {
  test('a valid PHQ-9 passes as it was sent', () => {
    expect(parseScreening(body())).toEqual({ ok: true, screening: body() });
  });

  test('too few or too many answers name the count the instrument needs', () => {
    expect(message(body({ answers: [0, 0, 0, 0, 0, 0, 0, 0] }))).toBe('answers: PHQ-9 has 9 items; 8 answers were given');
    expect(message(body({ instrument: 'audit-c', answers: [0] }))).toBe('answers: AUDIT-C has 3 items; 1 answer was given');
    expect(message(body({ instrument: 'gad-7' }))).toBe('answers: GAD-7 has 7 items; 9 answers were given');
  });

  test.each([
    [4, 'a PHQ-9 answer above 3'],
    [-1, 'a negative answer'],
    [1.5, 'a fraction'],
    ['2', 'a string'],
    [null, 'null'],
  ])('%s (%s) is refused naming the item, without echoing the value', (value, _what) => {
    const answers = [0, 0, 0, value, 0, 0, 0, 0, 0];
    expect(message(body({ answers }))).toBe('answers.3: item 4 needs a whole number from 0 to 3');
  });

  test('AUDIT-C takes answers up to 4, the other instruments up to 3', () => {
    expect(parseScreening(body({ instrument: 'audit-c', answers: [4, 4, 4] })).ok).toBe(true);
    expect(message(body({ instrument: 'audit-c', answers: [4, 5, 4] }))).toBe('answers.1: item 2 needs a whole number from 0 to 4');
  });

  test('an unknown instrument, a malformed respondent or an unknown field are named', () => {
    expect(message(body({ instrument: 'dast-10' }))).toMatch(/^instrument: /);
    // Not "respondent: Invalid input", a union's own words: what would be accepted.
    expect(message(body({ respondent: { lovedOne: true } }))).toMatch(/^respondent: expected \{participantId\} .* or \{lovedOne: true, informantId\}/);
    expect(message(body({ diagnosis: 'x' }))).toBe('unknown field "diagnosis"');
  });

  test("the respondent's sex is asked by AUDIT-C only", () => {
    const audit = parseScreening(body({ instrument: 'audit-c', answers: [1, 1, 1], sex: 'female' }));
    expect(audit).toMatchObject({ ok: true, screening: { sex: 'female' } });
    expect(message(body({ sex: 'female' }))).toBe('sex: only AUDIT-C asks it');
    expect(message(body({ instrument: 'audit-c', answers: [1, 1, 1], sex: 'woman' }))).toMatch(/^sex: /);
  });

  test("an informant's estimate is labelled so, and never as a diagnosis", () => {
    expect(basisWords('informant-estimate')).toMatch(/estimate/);
    expect(basisWords('informant-estimate')).toMatch(/not a diagnosis/);
  });
});
