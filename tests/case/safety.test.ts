// Issue 9, section 4: each safety rule on its own, from the assessment and the
// screenings, with its reason and what it changes. Sources: the handbook's
// domain.md "Safety screen" and issue 9 section 4 (named in shared/case/safety.ts).
import { describe, expect, test } from 'vitest';
import type { Assessment } from '../../shared/case/assessment.js';
import {
  overdoseRisk,
  pregnancy,
  requirements,
  safetyFlags,
  safetyReview,
  selfHarm,
  violenceRisk,
  withdrawalRisk,
  type SafetyFacts,
} from '../../shared/case/safety.js';
import { scored } from './support.js';

const facts = (assessment: Assessment, screenings: SafetyFacts['screenings'] = []): SafetyFacts => ({ assessment, screenings });
const phq9 = (item9: number, respondent: { participantId: string } | { lovedOne: true; informantId: string }) =>
  scored({ instrument: 'phq-9', respondent, answers: [0, 0, 0, 0, 0, 0, 0, 0, item9] });

describe('violence-risk (domain.md: a risk of violence rules out a surprise confrontation)', () => {
  test.each([['violenceHistory'], ['threatsToFamily'], ['weaponsAccess']] as const)('%s alone raises it', (key) => {
    const flag = violenceRisk(facts({ safety: { [key]: true } }));
    expect(flag).toMatchObject({ flag: 'violence-risk', adds: ['safety-plan'] });
    expect(flag!.cautions.map((c) => c.approach)).toEqual(['johnson', 'love-first']);
  });

  test('its reason names what was noted, calmly', () => {
    const flag = violenceRisk(facts({ safety: { violenceHistory: true, weaponsAccess: true } }));
    expect(flag!.reason).toBe('The assessment notes a history of violence and there is access to weapons.');
  });

  test('answers of no, or no answers, raise nothing', () => {
    expect(violenceRisk(facts({ safety: { violenceHistory: false, threatsToFamily: false, weaponsAccess: false } }))).toBeNull();
    expect(violenceRisk(facts({}))).toBeNull();
  });

  test('the surprise approaches are cautioned and not recommended; the invitational ones are', () => {
    const review = safetyReview(facts({ safety: { threatsToFamily: true } }));
    expect(review.recommendedApproaches).toEqual(['invitational', 'arise', 'systemic']);
    expect(review.cautions.map((c) => c.approach)).toEqual(['johnson', 'love-first']);
    expect(review.cautions[0].reason).toMatch(/invitational approach is safer/);
  });
});

describe('withdrawal-risk (domain.md: dangerous withdrawal means medical detox)', () => {
  test.each([
    ['daily alcohol', { substances: [{ substance: 'alcohol', pattern: 'daily' }] }],
    ['benzodiazepines', { substances: [{ substance: 'benzodiazepines', pattern: 'occasional' }] }],
    ['sedatives', { substances: [{ substance: 'sedatives' }] }],
    ['past seizures or DTs', { safety: { withdrawalSeizuresOrDTs: true } }],
  ] as Array<[string, Assessment]>)('%s raises it, with medically managed detox and its readiness item', (_, assessment) => {
    expect(withdrawalRisk(facts(assessment))).toMatchObject({
      flag: 'withdrawal-risk',
      adds: ['medical-detox-planned'],
      requires: ['medically-managed-detox'],
      cautions: [],
    });
  });

  test('alcohol that is not daily, or other substances, do not', () => {
    expect(withdrawalRisk(facts({ substances: [{ substance: 'alcohol', pattern: 'binges' }] }))).toBeNull();
    expect(withdrawalRisk(facts({ substances: [{ substance: 'cannabis', pattern: 'daily' }] }))).toBeNull();
  });
});

describe('overdose-risk (issue 9, section 4)', () => {
  test.each(['opioids', 'fentanyl', 'heroin', 'prescription-opioids'] as const)('%s raises it with naloxone-on-hand', (substance) => {
    expect(overdoseRisk(facts({ substances: [{ substance }] }))).toMatchObject({ flag: 'overdose-risk', adds: ['naloxone-on-hand'] });
  });

  test('an overdose history raises it whatever is used now; stimulants alone do not', () => {
    expect(overdoseRisk(facts({ safety: { overdoseHistory: true } }))?.reason).toBe('A past overdose: there is a risk of overdose.');
    expect(overdoseRisk(facts({ substances: [{ substance: 'methamphetamine' }] }))).toBeNull();
  });
});

describe('self-harm (domain.md: any sign of suicidality means crisis resources at hand)', () => {
  test.each(['recent-thoughts', 'recent-attempt', 'past-thoughts', 'past-attempt'] as const)('suicidality %s raises it', (suicidality) => {
    expect(selfHarm(facts({ mentalHealth: { suicidality } }))).toMatchObject({
      flag: 'self-harm',
      adds: ['crisis-plan'],
      requires: ['crisis-guidance-always'],
    });
  });

  test('"none known" does not', () => {
    expect(selfHarm(facts({ mentalHealth: { suicidality: 'none-known' } }))).toBeNull();
  });

  test("PHQ-9 item 9 above 0 raises it, about the loved one or in a family member's own answers, and says which", () => {
    const about = selfHarm(facts({}, [phq9(1, { lovedOne: true, informantId: 'p-ann' })]));
    expect(about?.reason).toMatch(/about the loved one/);
    const own = selfHarm(facts({}, [phq9(2, { participantId: 'p-bob' })]));
    expect(own?.reason).toMatch(/a family member's own PHQ-9/);
    expect(own?.reason).not.toMatch(/p-bob/);
  });

  test('PHQ-9 item 9 at 0 does not, whatever the total', () => {
    const severe = scored({ instrument: 'phq-9', respondent: { participantId: 'p-ann' }, answers: [3, 3, 3, 3, 3, 3, 3, 3, 0] });
    expect(selfHarm(facts({}, [severe]))).toBeNull();
  });
});

describe('pregnancy (issue 9, section 4)', () => {
  test('a noted pregnancy adds a medical consultation', () => {
    expect(pregnancy(facts({ safety: { pregnant: true } }))).toMatchObject({ flag: 'pregnancy', adds: ['medical-consult'] });
    expect(pregnancy(facts({ safety: { pregnant: false } }))).toBeNull();
  });
});

describe('all the rules together', () => {
  test('what the flags require beyond the checklist, once each: detox for logistics, crisis guidance for the console', () => {
    const review = safetyReview(
      facts({ substances: [{ substance: 'alcohol', pattern: 'daily' }, { substance: 'sedatives' }], mentalHealth: { suicidality: 'recent-thoughts' } }),
    );
    expect(requirements(review)).toEqual(['medically-managed-detox', 'crisis-guidance-always']);
    expect(requirements(safetyReview(facts({ safety: { pregnant: true } })))).toEqual([]);
  });

  test('no facts, no flags: every approach recommended', () => {
    expect(safetyReview(facts({}))).toEqual({
      flags: [],
      recommendedApproaches: ['johnson', 'love-first', 'invitational', 'arise', 'systemic'],
      cautions: [],
    });
  });

  test('flags come in a fixed order, and no reason or change uses words that shame', () => {
    const flags = safetyFlags(
      facts(
        {
          substances: [{ substance: 'alcohol', pattern: 'daily' }, { substance: 'fentanyl' }],
          mentalHealth: { suicidality: 'recent-attempt' },
          safety: { violenceHistory: true, pregnant: true },
        },
        [],
      ),
    );
    expect(flags.map((f) => f.flag)).toEqual(['violence-risk', 'withdrawal-risk', 'overdose-risk', 'self-harm', 'pregnancy']);
    const words = flags.flatMap((f) => [f.reason, ...f.changes, ...f.cautions.map((c) => c.reason)]).join(' ');
    expect(words).not.toMatch(/addict|abuser|junkie|alcoholic|clean|dirty/i);
  });
});
