// The letter's pure logic on the family's page: the guided sections, the
// reading-time words, the letter's state in plain words, and the text cut into
// plain and hinted pieces for highlighting. The hints and the reading time are
// computed by the server (shared/prepare); this file only shows them.

import type { LetterState } from '../lib/letter-state.js';

export type { LetterState };
export { LONG_LETTER_SECONDS, readingWords } from '../lib/letter-state.js';

/**
 * One wording hint as the server sends it: the flagged words by character offsets into the text
 * (`start` inclusive, `end` exclusive) and a person-first alternative. A hint without offsets is
 * found by its `text` (first occurrence, ignoring case).
 */
export interface WordingHint {
  start?: number;
  end?: number;
  text?: string;
  alternative: string;
}

/** A piece of the letter: plain words, or words that carry a hint. */
export type LetterPiece = { text: string; hint?: WordingHint };

/** The guided sections, in order; every one is optional (issue 10, section 3). */
export const LETTER_SECTIONS = [
  { title: 'What I love and respect about you', tip: 'Start with what is true and good about them.' },
  { title: 'A memory of you at your best', tip: 'One moment you treasure, in a few sentences.' },
  { title: 'What I have seen', tip: 'Facts, with dates where you can: what happened, not what it means about them.' },
  { title: 'How it has affected me', tip: 'Speak about your own feelings, using "I".' },
  { title: 'I know this is a health problem, not a failing', tip: 'Say that you see an illness that can be treated.' },
  { title: 'What I am asking', tip: 'Ask them to accept the help that is ready for them today.' },
  { title: 'Closing with love', tip: 'End warmly, the way you would say goodbye to them.' },
] as const;

/** The state in the family's words. */
export const STATE_WORDS: Record<LetterState, string> = {
  draft: 'Draft: only you can see it until you send it',
  submitted: 'Sent to your interventionist, waiting for their reading',
  'changes-requested': 'Your interventionist has asked for a few changes',
  approved: 'Approved: this is the letter you will read',
};

/** Whether the person may still change the text (a sent or approved letter waits for the interventionist). */
export function editable(state: LetterState): boolean {
  return state === 'draft' || state === 'changes-requested';
}

/**
 * `text` cut into pieces in order, each hinted range its own piece. Hints out of range, empty or
 * overlapping an earlier one are left out (they never hide words); the pieces joined give `text` back.
 */
export function hintPieces(text: string, hints: readonly WordingHint[]): LetterPiece[] {
  const ranges = hints
    .map((hint) => ({ hint, ...rangeOf(text, hint) }))
    .filter((r): r is { hint: WordingHint; start: number; end: number } => r.start !== undefined && r.end !== undefined)
    .sort((a, b) => a.start - b.start);
  const pieces: LetterPiece[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue;
    if (r.start > at) pieces.push({ text: text.slice(at, r.start) });
    pieces.push({ text: text.slice(r.start, r.end), hint: r.hint });
    at = r.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

function rangeOf(text: string, hint: WordingHint): { start?: number; end?: number } {
  if (typeof hint.start === 'number' && typeof hint.end === 'number') {
    const ok = hint.start >= 0 && hint.end > hint.start && hint.end <= text.length;
    return ok ? { start: hint.start, end: hint.end } : {};
  }
  if (!hint.text) return {};
  const start = text.toLowerCase().indexOf(hint.text.toLowerCase());
  return start < 0 ? {} : { start, end: start + hint.text.length };
}
