// A running test server whose meetings carry a case's plan for the live
// meeting (issue 9, section 6): the objections with their responders and
// words, and the walk-out followers, put into the store's answers for a case
// with fixed ids, so that tests of the live meeting need not walk the case
// file's routes: the meeting's input (and its first snapshot) gains the plan's
// ids, and the responders' texts gain their objections' words, as
// `cases.listMeetingTexts` gives them. tests/protocol/case-to-meeting.test.ts
// takes the real routes end to end.
import { createMeeting, persistMeeting } from '../../shared/meeting/agenda.js';
import type { MeetingRecord } from '../../server/store/types.js';
import type { ObjectionText, PrivateTexts } from '../../shared/meeting/view.js';
import type { Running } from './server.js';

/** One planned objection with its words, as the case file keeps it. */
export interface PlannedObjectionText extends ObjectionText {
  responderId: string;
}

export interface MeetingPlan {
  objections: PlannedObjectionText[];
  walkOutFollowers: string[];
}

/**
 * Give every meeting of a case the plan set for that case with `plans.set(caseId, plan)`. Set it
 * before the meeting is first loaded (before anyone connects). Call again after a restart: a meeting
 * restored from a snapshot keeps its plan from there, and its responders' words from here.
 */
export function withMeetingPlans(running: Running, plans = new Map<string, MeetingPlan>()): Map<string, MeetingPlan> {
  const store = running.threshold.services.store;
  const get = store.meetings.get.bind(store.meetings);
  store.meetings.get = async (id: string) => {
    const record = await get(id);
    const plan = record && plans.get(record.caseId);
    return record && plan ? planned(record, plan) : record;
  };
  const texts = store.cases.listMeetingTexts.bind(store.cases);
  store.cases.listMeetingTexts = async (meetingId: string, caseId: string) => {
    const found = await texts(meetingId, caseId);
    const plan = plans.get(caseId);
    if (!plan) return found;
    const withWords = new Map<string, PrivateTexts>();
    for (const [participantId, own] of found) {
      const objections = plan.objections
        .filter((o) => o.responderId === participantId)
        .map(({ objectionId, objection, response }) => ({ objectionId, objection, response }));
      withWords.set(participantId, objections.length > 0 ? { ...own, objections } : own);
    }
    return withWords;
  };
  return plans;
}

/** The record as the case file's meeting creation will make it; a first snapshot is made again from the input. */
function planned(record: MeetingRecord, plan: MeetingPlan): MeetingRecord {
  const input = {
    ...record.input,
    objections: plan.objections.map(({ objectionId, responderId }) => ({ objectionId, responderId })),
    walkOutFollowers: plan.walkOutFollowers,
  };
  return record.revision === 0 ? { ...record, input, snapshot: persistMeeting(createMeeting(input)) } : { ...record, input };
}
