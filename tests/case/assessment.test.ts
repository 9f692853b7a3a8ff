// Issue 9, section 2: the assessment document as a strict schema, every field
// optional (it is filled in over several calls), its enums exactly, and 400
// messages that name the field without echoing what was written.
import { describe, expect, test } from 'vitest';
import { parseAssessment, unansweredSafety, type Assessment } from '../../shared/case/assessment.js';
import { ATTEMPT_KINDS, INFLUENCE, SUBSTANCES, SUICIDALITY, USE_PATTERNS } from '../../shared/case/vocabulary.js';

function message(raw: unknown): string {
  const result = parseAssessment(raw);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

const whole: Assessment = {
  lovedOne: { preferredName: 'Sam', pronouns: 'they/them', ageYears: 34, firstCaller: 'Ann', firstCallerRelationship: 'mother' },
  substances: [{ substance: 'alcohol', pattern: 'daily', lastUse: 'yesterday', yearsOfUse: 12.5, notes: 'mostly evenings' }],
  history: {
    attempts: [{ year: 2021, kind: 'outpatient', completed: false, notes: 'left after two weeks' }],
    medicalConditions: 'high blood pressure',
    legalSituation: 'none',
    workSituation: 'on leave',
  },
  mentalHealth: { diagnoses: 'anxiety', currentTreatment: 'none', medications: 'none', suicidality: 'none-known' },
  safety: {
    violenceHistory: false,
    threatsToFamily: false,
    weaponsAccess: false,
    withdrawalSeizuresOrDTs: true,
    overdoseHistory: false,
    naloxoneAvailable: false,
    pregnant: false,
    notes: 'shakes in the morning',
  },
  family: { dynamics: 'close, tired', participants: [{ participantId: 'p-ann', influence: 'high', enabling: 'pays the rent' }] },
};

describe('the document', () => {
  test('every section filled in passes as it was sent', () => {
    expect(parseAssessment(whole)).toEqual({ ok: true, assessment: whole });
  });

  test('every field is optional: an empty document, and partial sections, pass', () => {
    expect(parseAssessment({}).ok).toBe(true);
    expect(parseAssessment({ lovedOne: {}, substances: [{}], safety: { pregnant: true } }).ok).toBe(true);
  });

  test('the enums are exactly the issue\'s', () => {
    expect(SUBSTANCES).toEqual(['alcohol', 'opioids', 'fentanyl', 'heroin', 'prescription-opioids', 'benzodiazepines', 'stimulants', 'methamphetamine', 'cocaine', 'cannabis', 'sedatives', 'hallucinogens', 'inhalants', 'gambling', 'other']);
    expect(USE_PATTERNS).toEqual(['daily', 'several-times-a-week', 'weekly', 'binges', 'occasional', 'unknown']);
    expect(ATTEMPT_KINDS).toEqual(['detox', 'residential', 'outpatient', 'mutual-help', 'medication', 'other']);
    expect(SUICIDALITY).toEqual(['none-known', 'past-thoughts', 'recent-thoughts', 'past-attempt', 'recent-attempt']);
    expect(INFLUENCE).toEqual(['high', 'some', 'strained']);
  });
});

describe('400 messages name the field', () => {
  test.each([
    [{ substances: [{ substance: 'alcohol' }, { pattern: 'sometimes' }] }, /^substances\.1\.pattern: /],
    [{ substances: [{ substance: 'crack' }] }, /^substances\.0\.substance: /],
    [{ history: { attempts: [{ kind: 'rehab' }] } }, /^history\.attempts\.0\.kind: /],
    [{ mentalHealth: { suicidality: 'maybe' } }, /^mentalHealth\.suicidality: /],
    [{ safety: { weaponsAccess: 'yes' } }, /^safety\.weaponsAccess: /],
    [{ lovedOne: { ageYears: 34.5 } }, /^lovedOne\.ageYears: /],
    [{ family: { participants: [{ influence: 'high' }] } }, /^family\.participants\.0\.participantId: /],
    [{ family: { participants: [{ participantId: 'p-ann', influence: 'total' }] } }, /^family\.participants\.0\.influence: /],
  ])('%j', (raw, pattern) => {
    expect(message(raw)).toMatch(pattern);
  });

  test('unknown fields are refused in every section, by name', () => {
    expect(message({ diagnosis: 'x' })).toBe('unknown field "diagnosis"');
    expect(message({ safety: { knives: true } })).toBe('unknown field "knives"');
    expect(message({ substances: [{ substance: 'alcohol', dose: 3 }] })).toBe('unknown field "dose"');
  });

  test('what was written is never echoed', () => {
    expect(message({ substances: [{ substance: 'secret-word-xyz' }] })).not.toContain('secret-word-xyz');
    expect(message({ history: { legalSituation: 'q'.repeat(5001) } })).toMatch(/^history\.legalSituation: /);
  });
});

describe('the safety screen', () => {
  test('lists the questions not answered yes or no', () => {
    expect(unansweredSafety({ safety: { violenceHistory: false, pregnant: true } })).toEqual([
      'threats to the family',
      'access to weapons',
      'past withdrawal seizures or DTs',
      'a past overdose',
      'naloxone at hand',
    ]);
    expect(unansweredSafety(whole)).toEqual([]);
  });
});
