// The case file pages' own logic (issue 9, section 7): the tabs' addresses,
// ordering by keyboard or drag, what the assessment form sends, the screening
// form's steps, the order a new meeting follows, and the words shown.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanAssessment, familyEntries, fromYesNo, yesNo } from '../../client/src/console/case/assessment-form.js';
import { needsCrisisGuidance, planOrder, splitByDay } from '../../client/src/console/case/meetings.js';
import { emptyAnswers, framing, nextItem, previousItem, toSend, unanswered } from '../../client/src/console/case/screening-form.js';
import { missingList, stageSteps } from '../../client/src/console/case/stage.js';
import * as words from '../../client/src/console/case/words.js';
import { caseHref, parseRoute } from '../../client/src/console/route.js';
import { dropOn, moveBy } from '../../client/src/lib/reorder.js';
import { READINESS_ITEMS } from '../../shared/case/vocabulary.js';

describe('the case tabs', () => {
  test('issue 9, section 7, case 1: each tab has its own address, and the overview is the case itself', () => {
    expect(parseRoute('#/cases/c1/team')).toEqual({ name: 'case', id: 'c1', tab: 'team' });
    expect(parseRoute('#/cases/c1/screenings')).toEqual({ name: 'case', id: 'c1', tab: 'screenings' });
    expect(parseRoute('#/cases/c1/nowhere')).toEqual({ name: 'case', id: 'c1' });
    expect(caseHref('c 1', 'overview')).toBe('#/cases/c%201');
    expect(caseHref('c1', 'assessment')).toBe('#/cases/c1/assessment');
  });
});

describe('ordering the team', () => {
  test('issue 9, section 5, case 1: earlier and later move one place, and stop at the ends', () => {
    expect(moveBy(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  test('issue 9, section 5, case 2: a dragged row takes the place of the row it is dropped on', () => {
    expect(dropOn(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropOn(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(dropOn(['a', 'b'], 'x', 'a')).toEqual(['a', 'b']);
  });
});

describe('the assessment form', () => {
  test('issue 9, section 2, case 1: cleared fields are left out, not sent empty (the schema is strict)', () => {
    const form = {
      lovedOne: { preferredName: '  ', ageYears: null as unknown as number, firstCaller: 'Ann' },
      substances: [{ substance: 'alcohol' as const, yearsOfUse: Number.NaN, notes: '' }],
      history: { attempts: [], medicalConditions: '' },
      safety: { violenceHistory: false, weaponsAccess: undefined },
      mentalHealth: {},
    };
    expect(cleanAssessment(form)).toEqual({
      lovedOne: { firstCaller: 'Ann' },
      substances: [{ substance: 'alcohol' }],
      history: { attempts: [] },
      safety: { violenceHistory: false },
    });
  });

  test('issue 9, section 2, case 2: "not answered" is not "no" for a safety question', () => {
    expect(yesNo(undefined)).toBe('');
    expect(yesNo(false)).toBe('no');
    expect(fromYesNo('')).toBeUndefined();
    expect(fromYesNo('no')).toBe(false);
    expect(fromYesNo('yes')).toBe(true);
  });

  test('issue 9, section 2, case 3: each planned person has a family entry, keeping what was noted', () => {
    const assessment = { family: { participants: [{ participantId: 'b', influence: 'high' as const }] } };
    expect(familyEntries(assessment, ['a', 'b'])).toEqual([{ participantId: 'a' }, { participantId: 'b', influence: 'high' }]);
  });
});

describe('the screening form', () => {
  test('issue 9, section 3, case 1: every item needs an answer before scoring', () => {
    const answers = emptyAnswers(9);
    answers[0] = 1;
    expect(unanswered('phq-9', answers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(toSend('phq-9', answers)).toBeNull();
    expect(toSend('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  test('issue 9, section 3, case 2: AUDIT-C after "Never" skips the other two and sends them as 0', () => {
    const answers = [0, null, null];
    expect(unanswered('audit-c', answers)).toEqual([]);
    expect(toSend('audit-c', answers)).toEqual([0, 0, 0]);
    expect(nextItem('audit-c', answers, 0)).toBeNull();
    expect(nextItem('audit-c', [1, null, null], 0)).toBe(1);
    expect(previousItem('gad-7', emptyAnswers(7), 3)).toBe(2);
    expect(previousItem('gad-7', emptyAnswers(7), 0)).toBeNull();
  });

  test("issue 9, section 3, case 3: a family member's answers about the loved one are framed as an estimate, never a diagnosis", () => {
    expect(framing(true, 'Sam')).toMatch(/as you believe Sam would answer.*an estimate, not a diagnosis/);
    expect(framing(false, 'Sam')).toBeNull();
  });
});

describe('a new meeting', () => {
  const member = (participantId: string, speaksAt: number | null) => ({ participantId, speaksAt });

  test("issue 9, section 5, case 3: the meeting follows the plan's order (the closer last, support left out)", () => {
    const plan = { team: [member('closer', 3), member('support', null), member('a', 1), member('b', 2)] };
    expect(planOrder(plan as never, [])).toEqual(['a', 'b', 'closer']);
  });

  test('issue 9, section 5, case 4: without a plan, everyone planned reads in their order', () => {
    expect(planOrder(null, [{ id: 'x' }, { id: 'y' }])).toEqual(['x', 'y']);
  });

  test("issue 9, section 7, case 2: today's meetings come first, newest first", () => {
    const now = new Date(2026, 10, 30, 15, 0).getTime();
    const at = (h: number, d = 30) => new Date(2026, 10, d, h, 0).getTime();
    const { today, earlier } = splitByDay([{ createdAt: at(9) }, { createdAt: at(10, 29) }, { createdAt: at(14) }], now);
    expect(today.map((m) => m.createdAt)).toEqual([at(14), at(9)]);
    expect(earlier.map((m) => m.createdAt)).toEqual([at(10, 29)]);
  });
});

describe('crisis guidance on the meeting console', () => {
  test('issue 9, section 4, case 1: in reach all meeting long only when a flag requires it', () => {
    const flag = (requires: string[]) => ({ requires });
    expect(needsCrisisGuidance({ safety: { flags: [flag([]), flag(['crisis-guidance-always'])] } } as never)).toBe(true);
    expect(needsCrisisGuidance({ safety: { flags: [flag(['medically-managed-detox'])] } } as never)).toBe(false);
    expect(needsCrisisGuidance(null)).toBe(false);
  });
});

describe('the stage card', () => {
  test("issue 9, section 1, case 1: a refusal's message becomes the list of what is missing", () => {
    expect(missingList('Intake: note who first called; Safety screen: answer yes or no for a pregnancy')).toEqual([
      'Intake: note who first called',
      'Safety screen: answer yes or no for a pregnancy',
    ]);
  });

  test('issue 9, section 1, case 2: the stages before the current one are done, the later ones ahead', () => {
    const steps = stageSteps('planning');
    expect(steps.slice(0, 4).map((s) => s.state)).toEqual(['done', 'done', 'current', 'ahead']);
    expect(stageSteps('cancelled').every((s) => s.state === 'ahead')).toBe(true);
  });
});

describe('words', () => {
  test('issue 9, section 7, case 3: every readiness item has its words', () => {
    for (const item of READINESS_ITEMS) expect(words.READINESS_LABELS[item]).toMatch(/\w/);
  });

  test('issue 9, section 7, case 4: the case pages never use words that shame', () => {
    const dir = join(import.meta.dirname, '../../client/src/console/case');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8').toLowerCase();
      expect(text, file).not.toMatch(/\baddicts?\b|\babuser|\balcoholic\b|\bjunkie/);
    }
  });
});
