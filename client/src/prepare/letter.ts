// The letter's pure logic on the family's page: its state in plain words, and
// the text cut into plain and hinted pieces for highlighting. The hints
// themselves come from shared/prepare's `wordingHints`, the same rules the
// server counts for the review.
import type { WordingHint } from '../../../shared/prepare/hints.js';
import type { LetterState } from '../../../shared/prepare/vocabulary.js';

export type { WordingHint };

/** A piece of the letter: plain words, or words that carry a hint. */
export type LetterPiece = { text: string; hint?: WordingHint };

/** The state in the family's words. */
export const STATE_WORDS: Record<LetterState, string> = {
  draft: 'Draft: only you can see it until you send it',
  submitted: 'Sent to your interventionist for their reading. If you change it now, it becomes a draft again',
  'changes-requested': 'Your interventionist has asked for a few changes',
  approved: 'Approved: this is the one you will read',
};

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
