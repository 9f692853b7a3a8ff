// A version's word-level diff as the review route returns it (`{op, text}`
// parts), counted in words for a summary line beside the marked text.
import { plural } from '../../lib/plural.js';
import { m } from '../../paraglide/messages.js';

/** One part of a word-level diff, as `GET .../letters/:participantId/versions` returns it. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** "12 words added, 3 words taken out", or "No change in wording" when nothing was added or taken out. */
export function diffSummary(parts: readonly DiffPart[]): string {
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.op === 'added') added += countWords(p.text);
    if (p.op === 'removed') removed += countWords(p.text);
  }
  if (!added && !removed) return m.letters_diff_no_change();
  const pieces = [
    added && plural(added, m.letters_diff_added_one, m.letters_diff_added_other),
    removed && plural(removed, m.letters_diff_removed_one, m.letters_diff_removed_other),
  ];
  return pieces.filter(Boolean).join(', ');
}
