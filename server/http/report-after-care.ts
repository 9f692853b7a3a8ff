// The meeting report's after-care (issue 11, sections 3 and 6): the case's
// stage, the transition checklist when this meeting is the accepted one it
// follows, and the consents' statuses. No form contents reach the report:
// a consent appears as its status and dates only.
import { stageOf } from '../../shared/case/index.js';
import type { Transition } from '../../shared/case/transition.js';
import type { AfterCare, ReportTransition } from '../../shared/meeting/report.js';
import type { Services } from '../services.js';
import type { MeetingRecord } from '../store/types.js';
import { caseSnapshot } from './case-content.js';
import { consentStatus } from './consent-view.js';

/** The after-care of `meeting`'s case as the report shows it; `now` (epoch ms) decides a link's expiry. */
export async function afterCareOf(services: Services, meeting: MeetingRecord, now: number): Promise<AfterCare> {
  const stage = stageOf(await caseSnapshot(services, meeting.caseId));
  const saved = await services.store.transitions.get(meeting.caseId);
  const transition = saved && saved.meetingId === meeting.id ? await reportTransition(services, meeting.caseId, saved.checklist) : null;
  const consents = (await services.store.consents.listForCase(meeting.caseId))
    .map((c) => ({ status: consentStatus(c, now), createdAt: c.createdAt, signedAt: c.signedAt, revokedAt: c.revokedAt }))
    .sort((a, b) => a.createdAt - b.createdAt);
  return { stage, transition, consents };
}

/** The checklist with the companion's name resolved; a participant since removed reads as such, calmly. */
async function reportTransition(services: Services, caseId: string, t: Transition): Promise<ReportTransition> {
  const by = t.accompaniedBy;
  let accompaniedBy: ReportTransition['accompaniedBy'] = null;
  if (by && 'participantId' in by) {
    const person = await services.store.cases.getParticipant(by.participantId);
    const name = person && person.caseId === caseId ? person.name : 'someone no longer on the case';
    accompaniedBy = { participantId: by.participantId, name };
  } else if (by) {
    accompaniedBy = { participantId: null, name: by.name };
  }
  return { leftAt: t.leftAt, arrivedAt: t.arrivedAt, admittedAt: t.admittedAt, accompaniedBy, shareWithFamily: t.shareWithFamily };
}
