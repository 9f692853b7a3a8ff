// The console's calls for the family's preparation (issue 10): each person's
// preparation link, their letters, versions and the review. Every body here is
// health data: nothing is logged or kept beyond the page.
import type { LetterState } from '../../lib/letter-state.js';
import { request, type IssuedLink } from '../api.js';
import type { DiffPart } from './diff.js';

/** One person's latest letter as `GET /api/cases/:caseId/letters` lists it. */
export interface LetterSummary {
  participantId: string;
  /** Null while the person has written nothing. */
  state: LetterState | null;
  text?: string;
  /** At 130 words a minute. */
  readingSeconds: number;
  hintsCount: number;
  /** Modules done out of all, when the server reports progress here. */
  modulesDone?: number;
  modulesTotal?: number;
}

/** One saved version, newest first or oldest first as the server sends it; `diff` is against the one before. */
export interface LetterVersion {
  /** Epoch ms. */
  at: number;
  text: string;
  state?: LetterState;
  diff: DiffPart[];
}

export type ReviewDecision = 'approve' | 'request-changes';

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const person = (caseId: string, participantId: string) => `${base(caseId)}/participants/${encodeURIComponent(participantId)}`;
const letter = (caseId: string, participantId: string) => `${base(caseId)}/letters/${encodeURIComponent(participantId)}`;

/** Lists come either bare or wrapped under their name; accept both. */
function listOf<T>(data: unknown, key: string): T[] {
  if (Array.isArray(data)) return data as T[];
  const inner = (data as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}

export const lettersApi = {
  letters: async (caseId: string) => listOf<LetterSummary>(await request('GET', `${base(caseId)}/letters`), 'letters'),
  versions: async (caseId: string, participantId: string) =>
    listOf<LetterVersion>(await request('GET', `${letter(caseId, participantId)}/versions`), 'versions'),
  /** A comment is required to request changes; it reaches only that person. */
  review: (caseId: string, participantId: string, decision: ReviewDecision, comment: string) =>
    request<unknown>('POST', `${letter(caseId, participantId)}/review`, { decision, comment }),
  /** Issues the person's preparation link (201), revoking any earlier one; the token is shown once. */
  issueLink: (caseId: string, participantId: string) => request<IssuedLink>('POST', `${person(caseId, participantId)}/prepare-link`),
  revokeLink: (caseId: string, participantId: string) => request<unknown>('DELETE', `${person(caseId, participantId)}/prepare-link`),
};
