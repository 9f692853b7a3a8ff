// The case file's HTTP calls (issue 9, sections 1–5), with their shapes taken
// as types from shared/case and shared/screeners: the console loads none of
// their schemas (no zod in its bundle). Every call is the facilitator's own,
// and every body here is health data: nothing is logged or kept beyond the page.
import type { Approach } from '../../../../shared/approaches.js';
import type { Assessment } from '../../../../shared/case/assessment.js';
import type { StageOutlook } from '../../../../shared/case/guards.js';
import type { Plan as CorePlan } from '../../../../shared/case/plan.js';
import type { ReadinessMark } from '../../../../shared/case/readiness.js';
import type { CancelReason, CaseRole, CaseStage, ReadinessItem } from '../../../../shared/case/vocabulary.js';
import type { InstrumentId, Respondent, ScreeningResult, StatedSex } from '../../../../shared/screeners/catalog.js';
import type { Language, MemberAttendance } from '../../../../shared/vocabulary.js';
import { request } from '../api.js';

export type { Assessment };

/** `GET /plan`: the shared `plan()` plus the approach, its recorded reason and the stage's outlook. */
export interface Plan extends CorePlan {
  approach?: Approach;
  approachReason?: string | null;
  /** The next stage and what it still needs, in the words a refusal would give. */
  outlook?: StageOutlook;
}

/** A stored screening as `GET /screenings` lists it and `POST` answers it (201). */
export interface ScreeningRecord extends ScreeningResult {
  id: string;
  /** Epoch ms. */
  createdAt?: number;
}

/** `POST /stage`: the next stage, or a cancellation with its reason (a note is required for `other`). */
export type StageRequest = { to: CaseStage } | { to: 'cancelled'; reason: CancelReason; note?: string };

/** What `PATCH /participants/:participantId` may change; every field optional. */
export interface ParticipantPatch {
  name?: string;
  relationship?: string;
  attendance?: MemberAttendance;
  letter?: string | null;
  bottomLine?: string | null;
  roles?: CaseRole[];
  inMeeting?: boolean;
  /** The language of their screens (issue 15). */
  language?: Language;
}

export interface ObjectionBody {
  objection: string;
  responderId: string;
  response: string;
}

export interface ScreeningBody {
  instrument: InstrumentId;
  respondent: Respondent;
  answers: number[];
  sex?: StatedSex;
}

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const part = (id: string) => encodeURIComponent(id);

/** Lists come either bare or wrapped under their name; accept both so the page reads either. */
function listOf<T>(data: unknown, key: string): T[] {
  if (Array.isArray(data)) return data as T[];
  const inner = (data as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}

export const caseApi = {
  plan: (caseId: string) => request<Plan>('GET', `${base(caseId)}/plan`),
  moveStage: (caseId: string, body: StageRequest) => request<{ stage: CaseStage }>('POST', `${base(caseId)}/stage`, body),
  /** The whole document (an empty object before anything was saved). */
  assessment: async (caseId: string) => {
    const data = await request<Assessment | { assessment: Assessment } | null>('GET', `${base(caseId)}/assessment`);
    return (data && 'assessment' in data ? data.assessment : data) ?? {};
  },
  /** Replaces the whole document: send every section, not just the one that changed. */
  saveAssessment: (caseId: string, assessment: Assessment) => request<unknown>('PUT', `${base(caseId)}/assessment`, assessment),
  screenings: async (caseId: string) => listOf<ScreeningRecord>(await request('GET', `${base(caseId)}/screenings`), 'screenings'),
  score: (caseId: string, body: ScreeningBody) => request<ScreeningRecord>('POST', `${base(caseId)}/screenings`, body),
  updateParticipant: (caseId: string, participantId: string, patch: ParticipantPatch) =>
    request<unknown>('PATCH', `${base(caseId)}/participants/${part(participantId)}`, patch),
  removeParticipant: (caseId: string, participantId: string) =>
    request<unknown>('DELETE', `${base(caseId)}/participants/${part(participantId)}`),
  /** The team's order, every planned participant once, as the interventionist arranged it. */
  orderTeam: (caseId: string, participantIds: string[]) => request<unknown>('PUT', `${base(caseId)}/team/order`, { participantIds }),
  addObjection: (caseId: string, body: ObjectionBody) => request<{ id?: string; objectionId?: string }>('POST', `${base(caseId)}/objections`, body),
  updateObjection: (caseId: string, objectionId: string, patch: Partial<ObjectionBody>) =>
    request<unknown>('PATCH', `${base(caseId)}/objections/${part(objectionId)}`, patch),
  removeObjection: (caseId: string, objectionId: string) => request<unknown>('DELETE', `${base(caseId)}/objections/${part(objectionId)}`),
  /** The item is in the address; the body is the mark alone (`{state: "done"}` or `{state: "waived", reason}`). */
  markReadiness: (caseId: string, { item, ...mark }: ReadinessMark) => request<unknown>('PUT', `${base(caseId)}/readiness/${part(item)}`, mark),
  /** Takes back a mark: the item is open again (or done by the plan itself). */
  clearReadiness: (caseId: string, item: ReadinessItem) => request<unknown>('DELETE', `${base(caseId)}/readiness/${part(item)}`),
  /** The approach, with the recorded reason a cautioned one needs (left out: none is recorded). */
  chooseApproach: (caseId: string, approach: Approach, reason: string | null) =>
    request<unknown>('PUT', `${base(caseId)}/approach`, reason ? { approach, reason } : { approach }),
};
