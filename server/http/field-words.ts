// What a person reads when a form is refused (issue 13, item 19): the field's
// own name and units, never the schema's ("lovedOneName: Too small: expected
// string to have >=1 characters", or seconds on a field that asks minutes).
import type { z } from 'zod';
import { describeIssues } from '../../shared/protocol.js';

/** How a form names one of its fields: `label` in a sentence ("the letter"), and the unit a number is entered in. */
export interface FieldWords {
  label: string;
  /** A number field the form asks for in minutes while the body carries seconds. */
  unit?: 'seconds-as-minutes';
  /** What to say for a value outside the choices (an enum), instead of "is not one of the choices". */
  choices?: string;
  /**
   * What to say for any problem with the field, in place of the sentences below: for a value the
   * person chose rather than typed (a date picked, sent as epoch ms), where "too big" means nothing.
   */
  invalid?: string;
}

/** Per top-level body field, its words; fields not listed keep the "path: problem" form. */
export type FormWords = Record<string, FieldWords>;

/** "half a minute", "1 minute", "90 seconds": a number of seconds as the form shows it, in minutes. */
export function minutesWords(seconds: number): string {
  if (seconds === 30) return 'half a minute';
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

const count = (n: number) => n.toLocaleString('en-GB');
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentence(issue: z.core.$ZodIssue, words: FieldWords, value: unknown): string {
  const the = capitalised(words.label);
  const minutes = words.unit === 'seconds-as-minutes';
  if (words.invalid) return words.invalid;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `Please fill in ${words.label}.` : `${the} needs at least ${count(Number(issue.minimum))} characters.`;
      if (minutes) return `${the} must be at least ${minutesWords(Number(issue.minimum))}.`;
      return `${the} must be at least ${count(Number(issue.minimum))}.`;
    case 'too_big':
      if (issue.origin === 'string') {
        const has = typeof value === 'string' ? ` (it has ${count(value.length)})` : '';
        return `${the} is too long: at most ${count(Number(issue.maximum))} characters${has}.`;
      }
      if (minutes) return `${the} can be at most ${minutesWords(Number(issue.maximum))}.`;
      return `${the} can be at most ${count(Number(issue.maximum))}.`;
    case 'invalid_value':
      return words.choices ?? `Please choose ${words.label} from the list.`;
    case 'invalid_type':
      if (value === undefined) return `Please fill in ${words.label}.`;
      return minutes ? `${the} must be a whole number of minutes.` : `${the} is not in the form expected.`;
    case 'not_multiple_of':
      return minutes ? `${the} must be a whole number of minutes.` : `${the} is not in the form expected.`;
    default:
      return `${the} is not in the form expected.`;
  }
}

/**
 * The refusal's message for a person: each issue on a field in `words` as a
 * sentence in the field's terms and units; any other issue as
 * describeIssues has it (for fields no form of ours sends). At most three.
 * `body` is the request as sent, read only for a too-long text's length.
 */
export function describeForPerson(error: z.ZodError, body: unknown, words: FormWords): string {
  const sentences = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length === 1 ? String(issue.path[0]) : undefined;
    const known = field !== undefined ? words[field] : undefined;
    if (!known) return describeIssues({ issues: [issue] } as z.ZodError);
    return sentence(issue, known, (body as Record<string, unknown>)[field!]);
  });
  // Two checks failing on one value (1e20: not a safe integer, and too big) say the same sentence once.
  return [...new Set(sentences)].join(' ');
}
