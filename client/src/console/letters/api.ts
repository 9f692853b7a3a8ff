// The console's calls for the family's preparation (issue 10; docs/protocol.md):
// each person's preparation link, their letters and bottom lines, versions and
// the review. Every body here is health data: nothing is logged or kept beyond the page.
import type { LetterPart, ReviewDecision } from '../../../../shared/prepare/vocabulary.js';
import { request, type IssuedLink } from '../api.js';
import type { LetterVersion, Preparations } from './types.js';

export type * from './types.js';

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
