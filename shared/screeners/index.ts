// The screening engine's one entry: the catalog (instruments and scoring, no
// dependency) and the validation of a screening as the console sends it. Pure:
// the server stores what `parseScreening` returns and scores it with
// `scoreScreening`; the console uses the same items and words (from catalog.ts).
import { z } from 'zod';
import { describeIssues } from '../protocol.js';
import { LIMITS } from '../vocabulary.js';
import { INSTRUMENTS, INSTRUMENT_IDS, checkAnswers, type Respondent, type Screening } from './catalog.js';
import { STATED_SEX } from './instrument.js';

export * from './catalog.js';

const participantId = z.string().min(1).max(LIMITS.id);

/** A `Respondent` as sent: `{participantId}`, or `{lovedOne: true, informantId}`. */
export const respondentSchema: z.ZodType<Respondent> = z.union(
  [z.strictObject({ participantId }), z.strictObject({ lovedOne: z.literal(true), informantId: participantId })],
  // A union's own message is "Invalid input"; these words say what would be accepted.
  { error: 'expected {participantId} for their own answers, or {lovedOne: true, informantId} for an estimate about the loved one' },
);

/** The body of `POST /api/cases/:caseId/screenings`; `answers` is checked item by item by `checkAnswers`. */
export const screeningSchema = z.strictObject({
  instrument: z.enum(INSTRUMENT_IDS),
  respondent: respondentSchema,
  answers: z.array(z.unknown()).max(50),
  /** AUDIT-C only: the respondent's own answer; when absent, `not-stated` (the general threshold). */
  sex: z.enum(STATED_SEX).optional(),
});

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
