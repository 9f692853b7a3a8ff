// How a letter (or bottom line) is shown: to its writer (text, state, reading
// time, hints, comments) and to the interventionist (each person's part, and
// versions with word-level diffs). One place, so both sides count alike.
import { diffWords } from 'diff';
import { isLongLetter, readingSeconds, wordingHints } from '../../shared/prepare/index.js';
import type { LetterPart } from '../../shared/prepare/vocabulary.js';
import type { LetterCommentRecord, LetterRecord, LetterVersionRecord } from '../store/types.js';

/**
 * Whether the text the meeting reads (`meetingText`, the participant's letter or bottom line) is one the
 * interventionist typed, rather than the person's own approved version (s20, finding 2).
 */
export function typedByInterventionist(record: LetterRecord | undefined, meetingText: string | null): boolean {
  if (!meetingText?.trim()) return false;
  return !(record?.state === 'approved' && record.text === meetingText);
}

/**
 * The writer's view: `GET /api/prepare/letter` (and bottom-line). `meetingText` is what the meeting
 * reads. A letter the interventionist typed is shown to its person as approved, with `typed: true`,
 * until the person writes a version of their own: then their version (a draft, for review) is shown,
 * still `typed: true` while the meeting reads the typed one (docs/prepare.md, "Typed letters").
 */
export function writerView(record: LetterRecord | undefined, comments: readonly LetterCommentRecord[], part: LetterPart, meetingText: string | null) {
  const typed = typedByInterventionist(record, meetingText);
  const showsTyped = typed && (!record || record.state === 'approved');
  const text = showsTyped ? meetingText! : (record?.text ?? '');
  const seconds = readingSeconds(text);
  return {
    text,
    state: record?.state ?? (typed ? 'approved' : 'draft'),
    typed,
    meetingText: meetingText?.trim() ? meetingText : null,
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
