// A version's word-level diff as the review route returns it (the `diff`
// package's parts: `{value, added?, removed?}`), turned into pieces the page
// marks as inserted or deleted, and counted in words for a summary line.

/** One part of a word-level diff, as `GET .../letters/:participantId/versions` returns it. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export type DiffChange = 'added' | 'removed' | 'same';

/** `parts` as pieces in order, empty ones left out. */
export function diffPieces(parts: readonly DiffPart[]): Array<{ text: string; change: DiffChange }> {
  return parts
    .filter((p) => typeof p.value === 'string' && p.value.length > 0)
    .map((p) => ({ text: p.value, change: p.added ? 'added' : p.removed ? 'removed' : 'same' }));
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** "12 words added, 3 words taken out", or "No change in wording" when nothing was added or taken out. */
export function diffSummary(parts: readonly DiffPart[]): string {
  let added = 0;
  let removed = 0;
  for (const p of diffPieces(parts)) {
    if (p.change === 'added') added += countWords(p.text);
    if (p.change === 'removed') removed += countWords(p.text);
  }
  if (!added && !removed) return 'No change in wording';
  const words = (n: number) => `${n} word${n === 1 ? '' : 's'}`;
  return [added && `${words(added)} added`, removed && `${words(removed)} taken out`].filter(Boolean).join(', ');
}
