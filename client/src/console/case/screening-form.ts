// Pure rules of the screening form: which items are still to answer, AUDIT-C's
// published skip (after "Never" to the first question the other two are not
// asked and count 0), stepping one item at a time on a phone, and the words
// that frame a result. Scoring itself is the server's (shared/screeners).
import type { InstrumentId } from '../../../../shared/screeners/catalog.js';
import { m } from '../../paraglide/messages.js';

/** One answer per item, or null where none was chosen yet. */
export type Answers = Array<number | null>;

export function emptyAnswers(count: number): Answers {
  return Array.from({ length: count }, () => null);
}

/** AUDIT-C: "Never" to question 1 means questions 2 and 3 are skipped (scored 0), as on the published form. */
export function skipped(instrument: InstrumentId, answers: Answers, index: number): boolean {
  return instrument === 'audit-c' && index > 0 && answers[0] === 0;
}

/** The 0-based items still needing an answer (skipped ones never do). */
export function unanswered(instrument: InstrumentId, answers: Answers): number[] {
  return answers.flatMap((a, i) => (a === null && !skipped(instrument, answers, i) ? [i] : []));
}

/** The answers to send: skipped items as 0. Null when something is still unanswered. */
export function toSend(instrument: InstrumentId, answers: Answers): number[] | null {
  if (unanswered(instrument, answers).length > 0) return null;
  return answers.map((a, i) => (skipped(instrument, answers, i) ? 0 : a!));
}

/** The next item to show one at a time after `index`, passing over skipped ones; null at the end. */
export function nextItem(instrument: InstrumentId, answers: Answers, index: number): number | null {
  for (let i = index + 1; i < answers.length; i++) if (!skipped(instrument, answers, i)) return i;
  return null;
}

/** The previous item to show, passing over skipped ones; null at the start. */
export function previousItem(instrument: InstrumentId, answers: Answers, index: number): number | null {
  for (let i = index - 1; i >= 0; i--) if (!skipped(instrument, answers, i)) return i;
  return null;
}

/**
 * How the questions are introduced. The instruments are written to the respondent ("you"); a family
 * member answering about the loved one is asked to answer as they believe the loved one would.
 */
export function framing(aboutLovedOne: boolean, lovedOneName: string): string | null {
  return aboutLovedOne
    ? m.case_screening_framing_estimate({ name: lovedOneName })
    : null;
}
