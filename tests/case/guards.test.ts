// Issue 9, section 1: each stage guard, from the case's content, in words a
// route can send as 409 NOT_ALLOWED, and decideMove that applies it.
import { describe, expect, test } from 'vitest';
import { decideMove, missingFor, stageOutlook } from '../../shared/case/guards.js';
import { applyCaseEvent, createCaseFile, stageOf, type CaseSnapshot } from '../../shared/case/lifecycle.js';
import type { CaseEvent } from '../../shared/case/stages.js';
import { calmAssessment, cancel, emptyContent, fullTeam, member, move, movesTo, readyContent } from './support.js';

function at(events: CaseEvent[]): CaseSnapshot {
  return events.reduce(applyCaseEvent, createCaseFile({ caseId: 'c-1' }));
}

describe('the order of the stages', () => {
  test('only the next stage, whatever the content', () => {
    expect(missingFor('intake', 'planning', readyContent())).toEqual(['A case moves one stage at a time: after intake comes assessment']);
    expect(missingFor('ready', 'preparation', readyContent())).toEqual(['A case moves one stage at a time: after ready comes meeting']);
  });

  test('closed and cancelled cases do not move', () => {
    expect(missingFor('closed', 'cancelled', readyContent())).toEqual(['The case is closed; its stage cannot change']);
    expect(missingFor('cancelled', 'assessment', readyContent())).toEqual(['The case was cancelled; its stage cannot change']);
  });

  test('cancelling needs nothing from the content', () => {
    expect(missingFor('intake', 'cancelled', emptyContent())).toEqual([]);
    expect(missingFor('follow-up', 'cancelled', emptyContent())).toEqual([]);
  });
});

describe('intake → assessment', () => {
  test('needs who first called and their relationship', () => {
    expect(missingFor('intake', 'assessment', emptyContent())).toEqual(['Intake: note who first called and how they are related to the loved one']);
    const half = { ...emptyContent(), assessment: { lovedOne: { firstCaller: 'Ann' } } };
    expect(missingFor('intake', 'assessment', half)).toHaveLength(1);
    expect(missingFor('intake', 'assessment', readyContent())).toEqual([]);
  });
});

describe('assessment → planning', () => {
  test('needs a substance, every safety question answered and the suicidality question', () => {
    expect(missingFor('assessment', 'planning', emptyContent())).toEqual([
      'Assessment: note at least one substance or behaviour',
      'Safety screen: answer yes or no for a history of violence, threats to the family, access to weapons, past withdrawal seizures or DTs, a past overdose, naloxone at hand, a pregnancy',
      'Mental health: answer the question about thoughts of suicide (choose "none known" if there are none)',
    ]);
  });

  test('an unanswered question is named alone; "no" counts as an answer', () => {
    const { weaponsAccess: _, ...safety } = calmAssessment().safety!;
    const content = readyContent({ assessment: calmAssessment({ safety }) });
    expect(missingFor('assessment', 'planning', content)).toEqual(['Safety screen: answer yes or no for access to weapons']);
    expect(missingFor('assessment', 'planning', readyContent())).toEqual([]);
  });
});

describe('planning → preparation', () => {
  test('needs an approach', () => {
    expect(missingFor('planning', 'preparation', readyContent({ approach: null }))).toEqual(['Approach: Choose an approach']);
  });

  test('a cautioned approach needs its recorded reason (issue 9, section 4: violence-risk)', () => {
    const assessment = calmAssessment({ safety: { ...calmAssessment().safety, weaponsAccess: true } });
    expect(missingFor('planning', 'preparation', readyContent({ assessment, approach: 'johnson' }))).toEqual([
      'Approach: Johnson is cautioned for this case: record why it was chosen, or choose another approach',
    ]);
    expect(missingFor('planning', 'preparation', readyContent({ assessment, approach: 'johnson', approachReason: 'reviewed with the family and a safety officer' }))).toEqual([]);
  });

  test('roles that do not fit together are named', () => {
    const team = [...fullTeam(), member('p-fay', ['closer', 'support'])];
    expect(missingFor('planning', 'preparation', readyContent({ team }))).toEqual([
      'Team: Only one person can read last: choose one closer',
      'Team: A person is both closer and support. The closer reads a letter, and support attends without one: choose one of the two',
    ]);
  });
});

describe('preparation → ready (every readiness item done or waived)', () => {
  test('each open item is named with what to do', () => {
    const missing = missingFor('preparation', 'ready', readyContent({ team: [member('p-ann')] }));
    expect(missing).toEqual([
      'Readiness, team-of-at-least-3: 1 person speaks in the meeting; at least 3 are needed, not counting support',
      'Readiness, chair-and-closer-assigned: Choose a chair and a closer',
      'Readiness, walk-out-follower-assigned: Choose who goes with the loved one, calmly, if they leave the room',
    ]);
  });

  test('a safety item blocks until marked done or waived with a reason', () => {
    const assessment = calmAssessment({ mentalHealth: { suicidality: 'past-attempt' } });
    expect(missingFor('preparation', 'ready', readyContent({ assessment }))).toEqual([
      'Readiness, crisis-plan: Note 988 and a local crisis service, and have them at hand',
    ]);
    expect(missingFor('preparation', 'ready', readyContent({ assessment, readiness: [{ item: 'crisis-plan', state: 'done' }] }))).toEqual([]);
    const waived = readyContent({ assessment, readiness: [{ item: 'crisis-plan', state: 'waived', reason: 'the crisis team attends in person' }] });
    expect(missingFor('preparation', 'ready', waived)).toEqual([]);
  });

  test('open items can all be waived with reasons', () => {
    const marks = (['team-of-at-least-3', 'chair-and-closer-assigned', 'walk-out-follower-assigned'] as const).map((item) => ({
      item,
      state: 'waived' as const,
      reason: 'an invitational conversation, just the two of them',
    }));
    expect(missingFor('preparation', 'ready', readyContent({ team: [member('p-ann')], readiness: marks }))).toEqual([]);
  });
});

describe('after ready', () => {
  test.each([
    ['ready', 'meeting'],
    ['meeting', 'after-care'],
    ['after-care', 'follow-up'],
    ['follow-up', 'closed'],
  ] as const)('%s → %s needs nothing more than the order', (from, to) => {
    expect(missingFor(from, to, emptyContent())).toEqual([]);
  });
});

describe('decideMove', () => {
  test('applies an allowed move', () => {
    const decision = decideMove(at(movesTo('planning')), move('preparation'), readyContent());
    expect(decision.ok && stageOf(decision.snapshot)).toBe('preparation');
  });

  test('refuses with NOT_ALLOWED naming what is missing, and the snapshot is unchanged', () => {
    const before = at(movesTo('preparation'));
    const decision = decideMove(before, move('ready'), readyContent({ approach: null }));
    expect(decision).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
      message: 'Readiness, approach-chosen: Choose an approach',
      missing: ['Readiness, approach-chosen: Choose an approach'],
    });
    expect(stageOf(before)).toBe('preparation');
  });

  test('cancels from any open stage, with nothing in the content', () => {
    const decision = decideMove(at(movesTo('meeting')), cancel('declined-to-proceed'), emptyContent());
    expect(decision.ok && stageOf(decision.snapshot)).toBe('cancelled');
  });
});

describe("stageOutlook, for the console's Overview", () => {
  test('the next stage and what it still needs, with the same words as a refusal', () => {
    expect(stageOutlook('preparation', readyContent({ approach: null }))).toEqual({
      stage: 'preparation',
      next: 'ready',
      missing: ['Readiness, approach-chosen: Choose an approach'],
      canCancel: true,
    });
    expect(stageOutlook('intake', readyContent())).toEqual({ stage: 'intake', next: 'assessment', missing: [], canCancel: true });
  });

  test('closed and cancelled cases have no next stage and cannot be cancelled', () => {
    expect(stageOutlook('closed', readyContent())).toEqual({ stage: 'closed', next: null, missing: [], canCancel: false });
    expect(stageOutlook('cancelled', readyContent())).toEqual({ stage: 'cancelled', next: null, missing: [], canCancel: false });
  });
});
