// The console's calls for the family's preparation (issue 10; docs/protocol.md):
// each person's preparation link, their letters and bottom lines, versions and
// the review. Every body here is health data: nothing is logged or kept beyond the page.
import type { CaseRole } from '../../../../shared/case/vocabulary.js';
import type { LetterPart, LetterState, ReviewDecision } from '../../../../shared/prepare/vocabulary.js';
import { request, type IssuedLink } from '../api.js';
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

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const person = (caseId: string, participantId: string) => `${base(caseId)}/participants/${encodeURIComponent(participantId)}`;
const letter = (caseId: string, participantId: string) => `${base(caseId)}/letters/${encodeURIComponent(participantId)}`;

export const lettersApi = {
  preparations: (caseId: string) => request<Preparations>('GET', `${base(caseId)}/letters`),
  versions: async (caseId: string, participantId: string, part: LetterPart) =>
    (await request<{ versions: LetterVersion[] }>('GET', `${letter(caseId, participantId)}/versions?part=${part}`)).versions,
  /** A comment is required to request changes; it reaches only that person. */
  review: (caseId: string, participantId: string, part: LetterPart, decision: ReviewDecision, comment: string) =>
    request<unknown>('POST', `${letter(caseId, participantId)}/review`, comment ? { decision, comment, part } : { decision, part }),
  /** Issues the person's preparation link (201), revoking any earlier one; the token is shown once. */
  issueLink: (caseId: string, participantId: string) => request<IssuedLink>('POST', `${person(caseId, participantId)}/prepare-link`),
  revokeLink: (caseId: string, participantId: string) => request<unknown>('DELETE', `${person(caseId, participantId)}/prepare-link`),
};
