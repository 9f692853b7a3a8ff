// After-care's HTTP calls for the console (issue 11, sections 4 and 5): the
// next-steps plan and the follow-ups of a case, and the due counts across the
// facilitator's cases. Shapes are types from shared/case; no zod in the bundle.
// Every body is health data: nothing is logged or kept beyond the page.
import type { FollowUpKind, FollowUpStatus, FollowUpWindow } from '../../../../shared/case/aftercare-vocabulary.js';
import type { Commitment, NextStepsPlan } from '../../../../shared/case/next-steps.js';
import type { SafetyFlagName } from '../../../../shared/case/vocabulary.js';
import type { Outcome } from '../../../../shared/vocabulary.js';
import { ApiError, request } from '../api.js';

/** A case's name in the calendar feed (a newcomer's trial): chosen, or "Case <n>". */
export interface CalendarLabel {
  label: string;
  chosen: boolean;
}

export interface FollowUp {
  id: string;
  caseId: string;
  kind: FollowUpKind;
  /** Epoch ms. */
  dueAt: number;
  status: FollowUpStatus;
  note: string | null;
}

/** `GET /api/cases/:caseId/next-steps`. */
export interface NextSteps {
  outcome: Outcome;
  outcomeAt: number;
  plan: NextStepsPlan;
  commitments: Array<Commitment & { name: string | null }>;
  /** The case's safety flags: any one of them asks for the safety plan. */
  safetyFlags: SafetyFlagName[];
}

export interface DueCounts {
  today: number;
  overdue: number;
  week: number;
}

/** This browser's time zone, so "today" is the interventionist's own day. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const afterCareApi = {
  /** Null when the case has no next-steps plan (no outcome yet, or one after which there is none). */
  async nextSteps(caseId: string): Promise<NextSteps | null> {
    try {
      return await request<NextSteps>('GET', `${base(caseId)}/next-steps`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
  saveNextSteps: (caseId: string, plan: Omit<NextStepsPlan, 'outcome'>, commitments: Commitment[]) =>
    request<NextSteps>('PUT', `${base(caseId)}/next-steps`, { ...plan, commitments }),
  followUps: (caseId: string) => request<{ begun: boolean; calendarLabel: CalendarLabel; followUps: FollowUp[] }>('GET', `${base(caseId)}/follow-ups`),
  /** What the calendar feed calls the case; null goes back to "Case <n>". */
  setCalendarLabel: (caseId: string, label: string | null) => request<CalendarLabel>('PUT', `${base(caseId)}/calendar-label`, { label }),
  addFollowUp: (caseId: string, dueAt: number, note: string) => request<FollowUp>('POST', `${base(caseId)}/follow-ups`, note ? { dueAt, note } : { dueAt }),
  changeFollowUp: (caseId: string, id: string, patch: Partial<Pick<FollowUp, 'dueAt' | 'status' | 'note'>>) =>
    request<FollowUp>('PATCH', `${base(caseId)}/follow-ups/${encodeURIComponent(id)}`, patch),
  due: (window: FollowUpWindow) =>
    request<{ counts: DueCounts; followUps: FollowUp[] }>('GET', `/api/follow-ups?due=${window}&tz=${encodeURIComponent(browserZone())}`),
};
