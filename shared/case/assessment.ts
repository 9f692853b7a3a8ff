// The assessment document (issue 9, section 2): intake and assessment in the
// interventionist's words. Every field is optional so that it is filled in over
// several calls (`PUT` replaces the whole document); the schema is strict, so an
// unknown field is a 400 naming it. Everything here is health data: the store
// seals it with the vault, and no log or participant view carries it.
import { z } from 'zod';
import { describeIssues } from '../protocol.js';
import { LIMITS } from '../vocabulary.js';
import { ATTEMPT_KINDS, INFLUENCE, SAFETY_QUESTIONS, SUBSTANCES, SUICIDALITY, USE_PATTERNS, type SafetyQuestion } from './vocabulary.js';

/** Lengths of the assessment's fields, in characters or entries. */
export const ASSESSMENT_LIMITS = {
  short: 100,
  text: 5000,
  substances: 20,
  attempts: 50,
  family: LIMITS.speakers,
} as const;

const short = z.string().trim().max(ASSESSMENT_LIMITS.short);
const text = z.string().max(ASSESSMENT_LIMITS.text);

const lovedOne = z.strictObject({
  preferredName: z.string().trim().min(1).max(LIMITS.name).optional(),
  pronouns: short.optional(),
  ageYears: z.number().int().min(0).max(120).optional(),
  /** Who first called the interventionist, and how they are related to the loved one. */
  firstCaller: z.string().trim().max(LIMITS.name).optional(),
  firstCallerRelationship: z.string().trim().max(LIMITS.relationship).optional(),
});

const substanceUse = z.strictObject({
  substance: z.enum(SUBSTANCES).optional(),
  pattern: z.enum(USE_PATTERNS).optional(),
  /** In the interventionist's words ("two days ago", "2026-11-20"). */
  lastUse: short.optional(),
  yearsOfUse: z.number().min(0).max(100).optional(),
  notes: text.optional(),
});

const attempt = z.strictObject({
  year: z.number().int().min(1900).max(2200).optional(),
  kind: z.enum(ATTEMPT_KINDS).optional(),
  completed: z.boolean().optional(),
  notes: text.optional(),
});

const history = z.strictObject({
  attempts: z.array(attempt).max(ASSESSMENT_LIMITS.attempts).optional(),
  medicalConditions: text.optional(),
  legalSituation: text.optional(),
  workSituation: text.optional(),
});

const mentalHealth = z.strictObject({
  diagnoses: text.optional(),
  currentTreatment: text.optional(),
  medications: text.optional(),
  suicidality: z.enum(SUICIDALITY).optional(),
});

/** The safety screen: each answer is explicit, because "not answered" is not "no" (see `unansweredSafety`). */
const safety = z.strictObject({
  violenceHistory: z.boolean().optional(),
  threatsToFamily: z.boolean().optional(),
  weaponsAccess: z.boolean().optional(),
  withdrawalSeizuresOrDTs: z.boolean().optional(),
  overdoseHistory: z.boolean().optional(),
  naloxoneAvailable: z.boolean().optional(),
  pregnant: z.boolean().optional(),
  notes: text.optional(),
});

const familyMember = z.strictObject({
  participantId: z.string().min(1).max(LIMITS.id),
  influence: z.enum(INFLUENCE).optional(),
  enabling: text.optional(),
});

const family = z.strictObject({
  dynamics: text.optional(),
  participants: z.array(familyMember).max(ASSESSMENT_LIMITS.family).optional(),
});

/** The whole document, as `PUT /api/cases/:caseId/assessment` takes it and `GET` returns it. */
export const assessmentSchema = z.strictObject({
  lovedOne: lovedOne.optional(),
  substances: z.array(substanceUse).max(ASSESSMENT_LIMITS.substances).optional(),
  history: history.optional(),
  mentalHealth: mentalHealth.optional(),
  safety: safety.optional(),
  family: family.optional(),
});

export type Assessment = z.infer<typeof assessmentSchema>;
export type SafetyScreen = NonNullable<Assessment['safety']>;

// The vocabulary's safety questions are exactly the screen's yes-or-no fields: the console asks
// every one of them, and the `planning` guard waits for every one (a type error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const questionsMatchTheScreen: Same<SafetyQuestion, Exclude<keyof SafetyScreen, 'notes'>> = true;
void questionsMatchTheScreen;

export type ParsedAssessment = { ok: true; assessment: Assessment } | { ok: false; message: string };

/** Validate a PUT body. The message names the field ("substances.0.pattern: …"), never its value. */
export function parseAssessment(raw: unknown): ParsedAssessment {
  const result = assessmentSchema.safeParse(raw);
  return result.success ? { ok: true, assessment: result.data } : { ok: false, message: describeIssues(result.error) };
}

/** The safety questions not answered yes or no yet, as words: "a history of violence", … */
export function unansweredSafety(assessment: Assessment): string[] {
  const screen: SafetyScreen = assessment.safety ?? {};
  return Object.entries(SAFETY_QUESTIONS)
    .filter(([key]) => typeof screen[key as SafetyQuestion] !== 'boolean')
    .map(([, words]) => words);
}
