// The screening engine: the three instruments Threshold ships (all free for
// commercial use, see the handbook's domain.md), validation of a screening as
// the console sends it, and scoring. Pure: the server stores what `parseScreening`
// returns and scores it with `scoreScreening`, and the console uses the same
// items and words.
import { z } from 'zod';
import { LIMITS } from '../vocabulary.js';
import { describeIssues } from '../protocol.js';
import { AUDIT_C } from './audit-c.js';
import { GAD_7 } from './gad-7.js';
import type { Instrument, Score, StatedSex } from './instrument.js';
import { STATED_SEX } from './instrument.js';
import { PHQ_9 } from './phq-9.js';

export type { AnswerOption, Instrument, Item, Score, ScreeningFlag, StatedSex } from './instrument.js';
export { STATED_SEX } from './instrument.js';
export { AUDIT_C, auditCThreshold } from './audit-c.js';
export { PHQ_9, PHQ9_BANDS, PHQ9_SELF_HARM_ITEM, phq9Band, type Phq9Band } from './phq-9.js';
export { GAD_7, GAD7_BANDS, gad7Band, type Gad7Band } from './gad-7.js';

export const INSTRUMENT_IDS = ['audit-c', 'phq-9', 'gad-7'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export const INSTRUMENTS: Record<InstrumentId, Instrument> = {
  'audit-c': AUDIT_C,
  'phq-9': PHQ_9,
  'gad-7': GAD_7,
};

const participantId = z.string().min(1).max(LIMITS.id);

/**
 * Who answered. A family member answering for themselves (`{participantId}`), or a family member
 * estimating for the loved one (`{lovedOne: true, informantId}`): an informant's estimate, never a diagnosis.
 */
export const respondentSchema = z.union(
  [z.strictObject({ participantId }), z.strictObject({ lovedOne: z.literal(true), informantId: participantId })],
  // A union's own message is "Invalid input"; these words say what would be accepted.
  { error: 'expected {participantId} for their own answers, or {lovedOne: true, informantId} for an estimate about the loved one' },
);
export type Respondent = z.infer<typeof respondentSchema>;

/** The body of `POST /api/cases/:caseId/screenings`; `answers` is checked item by item by `checkAnswers`. */
export const screeningSchema = z.strictObject({
  instrument: z.enum(INSTRUMENT_IDS),
  respondent: respondentSchema,
  answers: z.array(z.unknown()).max(50),
  /** AUDIT-C only: the respondent's own answer; when absent, `not-stated` (the general threshold). */
  sex: z.enum(STATED_SEX).optional(),
});

/** A valid screening, as stored (sealed: answers are health data). */
export interface Screening {
  instrument: InstrumentId;
  respondent: Respondent;
  answers: number[];
  sex?: StatedSex;
}

/** A scored screening: the POST's answer without its id. */
export interface ScreeningResult extends Score {
  instrument: InstrumentId;
  respondent: Respondent;
  /** `informant-estimate` when a family member answered about the loved one: the console says so. */
  basis: 'self-report' | 'informant-estimate';
}

export type ParsedScreening = { ok: true; screening: Screening } | { ok: false; message: string };

/**
 * Validate a screening as sent (a 400 when not ok). Messages name the field, or the item:
 * "answers: PHQ-9 has 9 items; 8 answers were given", "answers.3: item 4 needs a whole number
 * from 0 to 3". Values are never echoed.
 */
export function parseScreening(raw: unknown): ParsedScreening {
  const result = screeningSchema.safeParse(raw);
  if (!result.success) return { ok: false, message: describeIssues(result.error) };
  const { instrument, respondent, answers, sex } = result.data;
  if (sex !== undefined && instrument !== 'audit-c') {
    return { ok: false, message: 'sex: only AUDIT-C asks it' };
  }
  const problem = checkAnswers(INSTRUMENTS[instrument], answers);
  if (problem) return { ok: false, message: problem };
  const screening: Screening = { instrument, respondent, answers: answers as number[] };
  return { ok: true, screening: sex === undefined ? screening : { ...screening, sex } };
}

/** Null when `answers` has one whole number in range per item; otherwise the words naming the item. */
export function checkAnswers(instrument: Instrument, answers: readonly unknown[]): string | null {
  const count = instrument.items.length;
  if (answers.length !== count) {
    const given = answers.length === 1 ? '1 answer was given' : `${answers.length} answers were given`;
    return `answers: ${instrument.name} has ${count} items; ${given}`;
  }
  const { min, max } = instrument.range;
  const bad = answers.findIndex((a) => typeof a !== 'number' || !Number.isInteger(a) || a < min || a > max);
  if (bad === -1) return null;
  return `answers.${bad}: item ${bad + 1} needs a whole number from ${min} to ${max}`;
}

/** Score a valid screening (from `parseScreening`). Throws on answers `checkAnswers` refuses. */
export function scoreScreening(screening: Screening): ScreeningResult {
  const instrument = INSTRUMENTS[screening.instrument];
  const problem = checkAnswers(instrument, screening.answers);
  if (problem) throw new RangeError(problem);
  const score = instrument.score(screening.answers, screening.sex ?? 'not-stated');
  const basis = 'lovedOne' in screening.respondent ? 'informant-estimate' : 'self-report';
  return { instrument: screening.instrument, respondent: screening.respondent, basis, ...score };
}

/** Calm words for the console beside a result: what kind of answer it is. */
export function basisWords(basis: ScreeningResult['basis']): string {
  return basis === 'informant-estimate'
    ? "A family member's estimate about their loved one. It is not a diagnosis."
    : "The person's own answers. A screening, not a diagnosis.";
}
