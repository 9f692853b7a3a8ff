// A letter's states (issue 10, section 3), as the server names them, and its
// reading time in words; the family's page and the console's review both show them.
// The states:
// draft → submitted → changes-requested (back to a draft with a comment) or approved.
export const LETTER_STATES = ['draft', 'submitted', 'changes-requested', 'approved'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

/** The length past which the page notes that a letter runs long, in seconds of reading. */
export const LONG_LETTER_SECONDS = 180;

/** "About 2 minutes", "About 1 minute 30 seconds", "Under half a minute" for `seconds` of reading aloud. */
export function readingWords(seconds: number): string {
  if (seconds < 30) return 'Under half a minute';
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round((seconds % 60) / 15) * 15;
  const whole = rest === 60 ? minutes + 1 : minutes;
  const secs = rest === 60 ? 0 : rest;
  const m = whole === 0 ? '' : `${whole} minute${whole === 1 ? '' : 's'}`;
  const s = secs === 0 ? '' : `${secs} seconds`;
  return `About ${[m, s].filter(Boolean).join(' ')}`;
}
