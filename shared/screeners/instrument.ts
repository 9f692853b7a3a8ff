// What every screening instrument is made of: items with the published answer
// options, and a pure scoring function. The engine (index.ts) validates answers
// against this shape before any instrument scores them, so scoring never sees
// a missing or out-of-range answer.

/** One published answer option: its score and the words read to the respondent. */
export interface AnswerOption {
  score: number;
  label: string;
}

/** One item: the question in the project's own words, faithful to the instrument's meaning. */
export interface Item {
  /** 1-based, as the published form numbers it. */
  number: number;
  prompt: string;
  options: readonly AnswerOption[];
}

/**
 * The respondent's sex as they state it, asked only by AUDIT-C (its threshold differs).
 * `not-stated` is never replaced by a guess: the general threshold applies.
 */
export const STATED_SEX = ['female', 'male', 'not-stated'] as const;
export type StatedSex = (typeof STATED_SEX)[number];

/** What an instrument's score says. `positive` only for instruments with a threshold (AUDIT-C). */
export interface Score {
  total: number;
  band: string;
  positive?: boolean;
  /** Findings the case's safety rules read (PHQ-9 item 9 gives `self-harm`). */
  flags: ScreeningFlag[];
}

export type ScreeningFlag = 'self-harm';

export interface Instrument {
  id: string;
  name: string;
  /** The published source, shown beside the instrument. */
  citation: string;
  /** How the items are introduced, e.g. "Over the last 2 weeks, how often…". */
  stem: string;
  items: readonly Item[];
  /** The lowest and highest score of every item. */
  range: { min: number; max: number };
  /** Scores valid answers (one whole number per item, in range). */
  score(answers: readonly number[], sex: StatedSex): Score;
}

export function sum(answers: readonly number[]): number {
  return answers.reduce((total, answer) => total + answer, 0);
}

/** The options "Not at all" … "Nearly every day" shared by PHQ-9 and GAD-7 (scored 0–3). */
export const FREQUENCY_OPTIONS: readonly AnswerOption[] = [
  { score: 0, label: 'Not at all' },
  { score: 1, label: 'Several days' },
  { score: 2, label: 'More than half the days' },
  { score: 3, label: 'Nearly every day' },
];

/** Items numbered from 1, each with the same options. */
export function itemsOf(prompts: readonly string[], options: readonly AnswerOption[]): Item[] {
  return prompts.map((prompt, index) => ({ number: index + 1, prompt, options }));
}
