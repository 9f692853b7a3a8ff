// Issue 10, sections 2 and 3: readiness gains family-educated, letters-approved
// and, for approaches with bottom lines, bottom-lines-approved, read from the
// preparation, never marked done by hand.
import { describe, expect, test } from 'vitest';
import { markProblem, missingFor, plan, type PreparationFacts } from '../../shared/case/index.js';
import { fullTeam, readyContent } from '../case/support.js';

const everyone = fullTeam().map((m) => m.participantId);
const readers = ['p-ann', 'p-bob', 'p-cy', 'p-dee'];
const all: PreparationFacts = { educated: everyone, lettersApproved: readers, bottomLinesApproved: readers };
const entry = (facts: PreparationFacts, approach: 'love-first' | 'invitational' = 'love-first', item = 'letters-approved') =>
  plan('preparation', readyContent({ approach, preparation: facts })).readiness.find((e) => e.item === item);

describe('the preparation\'s readiness items (issue 10)', () => {
  test('case 1: listed after the plan\'s items; bottom lines only for an approach that uses them', () => {
    const items = (approach: 'love-first' | 'invitational') => plan('preparation', readyContent({ approach, preparation: all })).readiness.map((e) => e.item);
    expect(items('love-first').slice(4)).toEqual(['family-educated', 'letters-approved', 'bottom-lines-approved']);
    expect(items('invitational').slice(4)).toEqual(['family-educated', 'letters-approved']);
    expect(plan('preparation', readyContent({ preparation: all })).readiness.every((e) => e.done)).toBe(true);
  });

  test('case 2: every reader needs an approved (or typed) letter; support reads none; counts, never names', () => {
    const missing = entry({ ...all, lettersApproved: ['p-ann', 'p-bob', 'p-cy'] });
    expect(missing).toEqual({ item: 'letters-approved', done: false, waived: false, detail: '3 of 4 letters approved' });
    // Eve is support: her letter is not needed.
    expect(entry({ ...all, lettersApproved: readers })?.done).toBe(true);
    expect(entry({ ...all, bottomLinesApproved: [] }, 'love-first', 'bottom-lines-approved')?.detail).toBe('0 of 4 bottom lines approved');
  });

  test('case 3: family-educated counts everyone in the meeting, support too, but not those outside it', () => {
    expect(entry({ ...all, educated: readers }, 'love-first', 'family-educated')).toMatchObject({ done: false, detail: '4 of 5 people in the meeting have done the modules' });
    const team = fullTeam().map((m) => (m.participantId === 'p-eve' ? { ...m, inMeeting: false } : m));
    const outside = plan('preparation', readyContent({ team, preparation: { ...all, educated: readers } })).readiness.find((e) => e.item === 'family-educated');
    expect(outside?.done).toBe(true);
  });

  test('case 4: done by the preparation only; waivable with a reason; ready refuses until then', () => {
    expect(markProblem({ item: 'letters-approved', state: 'done' })).toMatch(/waived/);
    expect(markProblem({ item: 'family-educated', state: 'waived', reason: 'taught in person' })).toBeNull();
    const content = readyContent({ preparation: { ...all, educated: [] } });
    expect(missingFor('preparation', 'ready', content)).toEqual(['Readiness, family-educated: 0 of 5 people in the meeting have done the modules']);
    const waived = readyContent({ preparation: { ...all, educated: [] }, readiness: [{ item: 'family-educated', state: 'waived', reason: 'taught in person' }] });
    expect(missingFor('preparation', 'ready', waived)).toEqual([]);
  });
});
