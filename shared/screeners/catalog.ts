// The instruments Threshold ships, and scoring, with no dependency: the
// console imports this (items, options, scoring, labels) without zod, as
// shared/vocabulary.ts serves the meeting. Validation of a request is index.ts's.
import { AUDIT_C } from './audit-c.js';
import { GAD_7 } from './gad-7.js';
import type { Instrument, Score, StatedSex } from './instrument.js';
import { PHQ_9 } from './phq-9.js';

export type { AnswerOption, Instrument, Item, Score, ScreeningFlag, StatedSex } from './instrument.js';
export { STATED_SEX } from './instrument.js';
export { AUDIT_C, auditCThreshold } from './audit-c.js';
export { PHQ_9, PHQ9_BANDS, PHQ9_SELF_HARM_ITEM, phq9Band, type Phq9Band } from './phq-9.js';
export { GAD_7, GAD7_BANDS, gad7Band, type Gad7Band } from './gad-7.js';

/** The three instruments, all free for commercial use (the handbook's domain.md, "Screening instruments"). */
export const INSTRUMENT_IDS = ['audit-c', 'phq-9', 'gad-7'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export const INSTRUMENTS: Record<InstrumentId, Instrument> = {
  'audit-c': AUDIT_C,
  'phq-9': PHQ_9,
  'gad-7': GAD_7,
};

/**
 * Who answered. A family member answering for themselves (`{participantId}`), or a family member
 * estimating for the loved one (`{lovedOne: true, informantId}`): an informant's estimate, never a diagnosis.
 */
export type Respondent = { participantId: string } | { lovedOne: true; informantId: string };

/** A valid screening, as stored (sealed: answers are health data). */
export interface Screening {
  instrument: InstrumentId;
  respondent: Respondent;
  answers: number[];
  /** AUDIT-C only: the respondent's own answer. */
  sex?: StatedSex;
}

/** A scored screening: the POST's answer without its id. */
export interface ScreeningResult extends Score {
  instrument: InstrumentId;
  respondent: Respondent;
  /** `informant-estimate` when a family member answered about the loved one: the console says so. */
  basis: 'self-report' | 'informant-estimate';
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

/** Score a valid screening (from `parseScreening`). Throws a RangeError on answers `checkAnswers` refuses. */
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
