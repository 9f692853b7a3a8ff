// How a letter (or bottom line) is shown: to its writer (text, state, reading
// time, hints, comments) and to the interventionist (each person's part, and
// versions with word-level diffs). One place, so both sides count alike.
import { diffWords } from 'diff';
import { isLongLetter, readingSeconds, wordingHints } from '../../shared/prepare/index.js';
import type { LetterPart } from '../../shared/prepare/vocabulary.js';
import type { LetterCommentRecord, LetterRecord, LetterVersionRecord } from '../store/types.js';

/** The writer's view: `GET /api/prepare/letter` (and bottom-line). */
export function writerView(record: LetterRecord | undefined, comments: readonly LetterCommentRecord[], part: LetterPart) {
  const text = record?.text ?? '';
  const seconds = readingSeconds(text);
  return {
    text,
    state: record?.state ?? 'draft',
    version: record?.version ?? 0,
    updatedAt: record?.updatedAt ?? null,
    readingSeconds: seconds,
    longLetter: isLongLetter(seconds),
    hints: wordingHints(text),
    comments: comments.filter((c) => c.part === part).map(({ at, text: said }) => ({ at, text: said })),
  };
}

/**
 * The interventionist's view of one text. `typed`: no drafts, but the interventionist typed the
 * text (it counts as approved). `meetingText`: what the meeting reads, null when nothing is approved.
 */
export function reviewView(record: LetterRecord | undefined, meetingText: string | null) {
  const text = record?.text ?? meetingText ?? '';
  const seconds = readingSeconds(text);
  const state = record?.state ?? (meetingText !== null ? 'typed' : 'none');
  return {
    state, text, version: record?.version ?? 0, updatedAt: record?.updatedAt ?? null,
    readingSeconds: seconds, longLetter: isLongLetter(seconds), hintsCount: wordingHints(text).length, meetingText,
  };
}

export type DiffPiece = { op: 'same' | 'added' | 'removed'; text: string };

/** Word-level changes from `before` to `after`, with the `diff` package. */
export function wordDiff(before: string, after: string): DiffPiece[] {
  return diffWords(before, after).map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** Every kept version, oldest first, each with its diff against the version kept before it. */
export function versionsView(versions: readonly LetterVersionRecord[]) {
  return versions.map((v, i) => ({
    version: v.version, at: v.at, approved: v.approved, text: v.text, diff: wordDiff(versions[i - 1]?.text ?? '', v.text),
  }));
}
