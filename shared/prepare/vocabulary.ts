// The family preparation's words and limits (issue 10), with no dependency, so
// that the pages import them without zod: the letter's states and parts, its
// optional sections, the reading pace and the saving limits.

/** A letter (or bottom line) moves draft → submitted → changes-requested | approved. */
export const LETTER_STATES = ['draft', 'submitted', 'changes-requested', 'approved'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

/** The two texts a person prepares: the letter, and (for approaches that use them) the bottom line. */
export const LETTER_PARTS = ['letter', 'bottom-line'] as const;
export type LetterPart = (typeof LETTER_PARTS)[number];

/** What the interventionist decides on a submitted (or, to reopen it, an approved) text. */
export const REVIEW_DECISIONS = ['approve', 'request-changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Words a minute when read aloud, slowly, in a room full of feeling. */
export const READING_WORDS_PER_MINUTE = 130;
/** Past this, the page says the letter is long: attention fades after about three minutes. */
export const LONG_LETTER_SECONDS = 180;

export const PREPARE_LIMITS = {
  /** Characters of a letter draft. */
  letter: 20_000,
  /** Characters of a bottom line draft. */
  bottomLine: 5_000,
  /** Characters of the interventionist's comment. */
  comment: 5_000,
  /** Versions kept per text; beyond it the oldest never-approved ones go. */
  versions: 200,
  /** Saves (PUT and POST) per token per minute. */
  savesPerMinute: 30,
} as const;

/** The letter's optional sections, in the order the editor offers them: a guide, never a form (Spanish: spanish.ts). */
export const LETTER_SECTIONS = [
  { id: 'love', title: 'What I love and respect about you', prompt: 'Start with what you love and admire in them.' },
  { id: 'memory', title: 'A memory of you at your best', prompt: 'One moment, told simply, when they were fully themselves.' },
  { id: 'seen', title: 'What I have seen', prompt: 'Facts, with dates where you can: what happened, not what it means about them.' },
  { id: 'affected', title: 'How it has affected me', prompt: 'Say how you felt: "I was frightened", "I could not sleep".' },
  { id: 'health', title: 'I know this is a health problem, not a failing', prompt: 'Let them hear that you see an illness, not a bad person.' },
  { id: 'asking', title: 'What I am asking', prompt: 'Ask them to accept the help that is ready today.' },
  { id: 'closing', title: 'Closing with love', prompt: 'End with love, in your own words.' },
] as const;
