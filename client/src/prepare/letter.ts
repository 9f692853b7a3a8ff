// The letter's pure logic on the family's page: its state in plain words, and
// the text cut into plain and hinted pieces for highlighting. The hints
// themselves come from shared/prepare's `wordingHints`, the same rules the
// server counts for the review.
import type { WordingHint } from '../../../shared/prepare/hints.js';
import type { LetterState } from '../../../shared/prepare/vocabulary.js';
import { m } from '../paraglide/messages.js';

export type { WordingHint };

/** A piece of the letter: plain words, or words that carry a hint. */
export type LetterPiece = { text: string; hint?: WordingHint };

const STATE_MESSAGES: Record<LetterState, () => string> = {
  draft: m.letter_state_draft,
  submitted: m.letter_state_submitted,
  'changes-requested': m.letter_state_changes_requested,
  approved: m.letter_state_approved,
};

/** The state in the family's words, in the page's language (issue 15): each read gives the current language's. */
export const STATE_WORDS = Object.defineProperties(
  {} as Record<LetterState, string>,
  Object.fromEntries(Object.entries(STATE_MESSAGES).map(([state, words]) => [state, { get: words, enumerable: true }])),
);

/**
 * `text` cut into pieces in order, each hinted range (UTF-16 offsets, `end` exclusive) its own
 * piece. A hint whose offsets do not fit is looked for by its `text` (a hint computed for a text
 * just changed); one that fits nowhere, is empty or overlaps an earlier one is left out (hints
 * never hide words). The pieces joined give `text` back.
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
  const { start, end } = hint;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length) return { start, end };
  if (!hint.text) return {};
  const found = text.toLowerCase().indexOf(hint.text.toLowerCase());
  return found < 0 ? {} : { start: found, end: found + hint.text.length };
}
