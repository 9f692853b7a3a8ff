// The console's HTTP calls. Errors come back as values with the server's
// message, which already says what to do next.
import type { Approach } from '../../../shared/approaches.js';
import type { AccountRole } from '../../../shared/practice.js';
import type { Language, LinkKind, MemberAttendance } from '../../../shared/vocabulary.js';
import type { CaseRole, CaseStage } from '../../../shared/case/vocabulary.js';
import type { RecordedEntry } from '../lib/audit-words.js';
import { m } from '../paraglide/messages.js';
import { session } from './session.svelte.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One JSON call to the server; a refusal throws an `ApiError` carrying the server's code and message. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', m.console_network_error());
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  // The server counted this request as activity (requireFacilitator): the idle watch follows it.
  if (res.headers.get('x-session-activity')) session.answered(sentAt);
  if (!res.ok) {
    const error = data?.error ?? {};
    // Signed out in the meantime (idle logoff): back to the sign-in form. Checking who is signed in is not that.
    // A locked console (issue 13, item 3) stays locked: only its password form decides.
    // A wrong current password (issue 16) or a link that no longer works is not a sign-out either.
    const asksForPassword = ['/api/me', '/api/login', '/api/unlock', '/api/me/password', '/api/invitations/accept'].includes(path);
    if (res.status === 401 && !asksForPassword && !session.locked) session.end();
    throw new ApiError(res.status, error.code ?? 'ERROR', error.message ?? m.console_something_went_wrong());
  }
  return data as T;
}

export interface Account {
  id: string;
  name: string;
  email: string;
  /** The account's role in the practice (issue 16): the admin sees the People page. */
  role?: AccountRole;
  /** From `GET /api/me` only: when the session ends whatever the activity, and the server's clock then (epoch ms). */
  sessionEndsAt?: number;
  now?: number;
}
export interface CaseSummary {
  id: string;
  lovedOneName: string;
  approach: Approach;
  createdAt: number;
  /** The case's stage (issue 9); absent from a server before it. */
  stage?: CaseStage;
}
export interface Participant {
  id: string;
  name: string;
  relationship: string;
  attendance: MemberAttendance;
  letter: string | null;
  bottomLine: string | null;
  /** Issue 9: the case's roles and whether they take part in the meeting; absent from a server before it. */
  roles?: CaseRole[];
  inMeeting?: boolean;
  /** The language of their screens (issue 15); absent from a server before it. */
  language?: Language;
}
export interface CaseDetail extends CaseSummary {
  participants: Participant[];
  /** `rehearsal`: practice from the plan, never the case's meeting (issue 10, section 4); absent from an older server. */
  meetings: Array<{ id: string; phase: string; revision: number; createdAt: number; rehearsal?: boolean }>;
}
export interface IssuedLink {
  id: string;
  token: string;
  url: string;
}
export interface CreatedMeeting {
  id: string;
  links: {
    participants: Array<IssuedLink & { participantId: string }>;
    remote: IssuedLink;
    display: IssuedLink;
  };
}
export type { LinkKind };
export interface LinkSummary {
  id: string;
  kind: LinkKind;
  participantId: string | null;
  createdAt: number;
  revokedAt: number | null;
  /** Screens holding the link now (issue 13, item 8). */
  devices: number;
  /** Its QR code can be shown again without revoking it: the server keeps its token sealed (issue 13, item 7). */
  showAgain?: boolean;
}
export interface MeetingSummary {
  id: string;
  caseId: string;
  /** A rehearsal (issue 10, section 4); absent from an older server. */
  rehearsal?: boolean;
  phase: string;
  revision: number;
  links: LinkSummary[];
  /** The room display's language (issue 15); absent from an older server. */
  displayLanguage?: Language;
}
export interface AuditEntry extends RecordedEntry {
  seq: number;
  at: number;
}
export interface AuditLog {
  entries: AuditEntry[];
  /** This meeting's hash chain, checked from its first entry (`checked` is how many); `brokenAt` is the first entry whose link fails. */
  chain: { intact: boolean; checked: number; brokenAt: number | null };
}

export const api = {
  setupNeeded: () => request<{ needed: boolean }>('GET', '/api/setup'),
  setup: (body: { name: string; email: string; password: string }) => request<Account>('POST', '/api/setup', body),
  login: (body: { email: string; password: string }) => request<Account>('POST', '/api/login', body),
  logout: () => request<null>('POST', '/api/logout'),
  /** Opens a locked console with the password (issue 13, item 3); 401 BAD_PASSWORD when it is wrong. */
  unlock: (body: { password: string }) => request<Account>('POST', '/api/unlock', body),
  me: () => request<Account>('GET', '/api/me'),
  cases: () => request<{ cases: CaseSummary[] }>('GET', '/api/cases'),
  createCase: (body: { lovedOneName: string; approach: Approach }) => request<{ id: string }>('POST', '/api/cases', body),
  getCase: (id: string) => request<CaseDetail>('GET', `/api/cases/${encodeURIComponent(id)}`),
  addParticipant: (caseId: string, body: Omit<Participant, 'id' | 'letter' | 'bottomLine'> & { letter?: string; bottomLine?: string }) =>
    request<{ id: string }>('POST', `/api/cases/${encodeURIComponent(caseId)}/participants`, body),
  createMeeting: (caseId: string, body: { speakingOrder?: string[]; turnSeconds?: number; rehearsal?: boolean }) =>
    request<CreatedMeeting>('POST', `/api/cases/${encodeURIComponent(caseId)}/meetings`, body),
  getMeeting: (id: string) => request<MeetingSummary>('GET', `/api/meetings/${encodeURIComponent(id)}`),
  /** The room display's language (issue 15). */
  setDisplayLanguage: (meetingId: string, language: Language) =>
    request<{ displayLanguage: Language }>('PUT', `/api/meetings/${encodeURIComponent(meetingId)}/display-language`, { language }),
  audit: (meetingId: string) => request<AuditLog>('GET', `/api/meetings/${encodeURIComponent(meetingId)}/audit`),
  revokeLink: (meetingId: string, linkId: string) =>
    request<null>('DELETE', `/api/meetings/${encodeURIComponent(meetingId)}/links/${encodeURIComponent(linkId)}`),
  /** A working link's URL again, for its QR code; nothing is revoked (issue 13, item 7). 410 once revoked or closed. */
  showLink: (meetingId: string, linkId: string) =>
    request<{ id: string; kind: LinkKind; participantId: string | null; url: string }>(
      'GET',
      `/api/meetings/${encodeURIComponent(meetingId)}/links/${encodeURIComponent(linkId)}`,
    ),
  reissueLink: (meetingId: string, linkId: string) =>
    request<IssuedLink & { kind: LinkKind; participantId: string | null }>(
      'POST',
      `/api/meetings/${encodeURIComponent(meetingId)}/links/${encodeURIComponent(linkId)}/reissue`,
    ),
};
