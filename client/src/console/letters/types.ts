// The shapes of the preparation review's answers (issue 10; docs/protocol.md),
// apart from the calls so that pure code and tests read them without loading
// the console's session.
import type { CaseRole } from '../../../../shared/case/vocabulary.js';
import type { LetterState } from '../../../../shared/prepare/vocabulary.js';
import type { Language } from '../../../../shared/vocabulary.js';
import type { DiffPart } from './diff.js';

/** A text's state in the review: `none` before anything is written, `typed` when the interventionist typed it (counts as approved). */
export type PartState = LetterState | 'none' | 'typed';

/** One of a person's texts as the review lists it. */
export interface PartSummary {
  state: PartState;
  text: string | null;
  version: number;
  /** At 130 words a minute. */
  readingSeconds: number;
  longLetter: boolean;
  hintsCount: number;
  /** What the meeting will read: the approved or typed text, or null. */
  meetingText: string | null;
}

/** One planned person in `GET /api/cases/:caseId/letters`. */
export interface PersonPreparation {
  participantId: string;
  name: string;
  relationship: string;
  roles: CaseRole[];
  inMeeting: boolean;
  /** 1-based place in the speaking order; null: reads no letter (support, or not in the meeting). */
  speaksAt: number | null;
  /** The working preparation link, if any (epoch ms). */
  link: { id: string; createdAt: number; expiresAt: number } | null;
  modules: { done: string[]; total: number };
  letter: PartSummary;
  bottomLine: PartSummary | null;
  /** The language they write and read in (issue 15); absent from an older server. */
  language?: Language;
}

export interface Preparations {
  usesBottomLines: boolean;
  people: PersonPreparation[];
}

/** One saved version, oldest first; `diff` is word-level against the one before (the first against nothing). */
export interface LetterVersion {
  version: number;
  /** Epoch ms. */
  at: number;
  /** Whether this version was approved (such versions are never pruned). */
  approved: boolean;
  text: string;
  diff: DiffPart[];
}
