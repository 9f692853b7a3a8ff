// The after-a-yes calls (issue 11, section 3): the transition checklist and the
// case's consents under 42 CFR Part 2. Shapes are types from shared/case/: no
// zod reaches the console's bundle. The bodies are health data: nothing here
// is logged or kept beyond the page.
import type { ConsentForm, ConsentFormInput, ConsentSignature } from '../../../../shared/case/consent.js';
import type { FamilyNews, Transition } from '../../../../shared/case/transition.js';
import { request } from '../api.js';

export type { ConsentForm, ConsentFormInput, FamilyNews, Transition };

/** `GET/PUT …/transition`: the checklist of the case's accepted meeting, and the word the family sees now. */
export interface TransitionAnswer extends Transition {
  meetingId: string;
  familySees: FamilyNews | null;
  /** When it was last saved (epoch ms); null before the first save. */
  updatedAt: number | null;
}

export type ConsentStatus = 'unsigned' | 'signed' | 'revoked' | 'link-expired';

/** One consent as the interventionist sees it (never its token). Times are epoch ms. */
export interface ConsentRecord {
  id: string;
  status: ConsentStatus;
  form: ConsentForm;
  signature: ConsentSignature | null;
  createdAt: number;
  signedAt: number | null;
  revokedAt: number | null;
  revocationRecordedAt: number | null;
}

const caseBase = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const transitionApi = {
  /** A 409 NO_ACCEPTED_OUTCOME until a meeting of the case ends accepted. */
  get: (caseId: string) => request<TransitionAnswer>('GET', `${caseBase(caseId)}/transition`),
  save: (caseId: string, checklist: Transition) => request<TransitionAnswer>('PUT', `${caseBase(caseId)}/transition`, checklist),
  consents: async (caseId: string) => (await request<{ consents: ConsentRecord[] }>('GET', `${caseBase(caseId)}/consents`)).consents,
  /** 201 `{id, url}`: `url` is the one-time signing link, shown once. A missing §2.31 element is a 400 naming it. */
  makeConsent: (caseId: string, form: ConsentFormInput) => request<{ id: string; url: string }>('POST', `${caseBase(caseId)}/consents`, form),
  /** `revokedAt`: when the person revoked it (epoch ms), not in the future; now when left out. */
  revoke: (caseId: string, consentId: string, revokedAt?: number) =>
    request<ConsentRecord>('POST', `${caseBase(caseId)}/consents/${encodeURIComponent(consentId)}/revoke`, revokedAt === undefined ? {} : { revokedAt }),
};
