// The facilitator's own records. Another facilitator's case or meeting is
// answered exactly like one that does not exist (404), so ids cannot be probed.
import type { Services } from '../services.js';
import type { CaseRecord, FacilityRecord, MeetingRecord } from '../store/types.js';
import { notFound } from './errors.js';

/** `found` if it belongs to `facilitatorId`; otherwise throws a 404 HttpError naming `what`. */
async function owned<T extends { facilitatorId: string }>(found: Promise<T | undefined>, facilitatorId: string, what: string): Promise<T> {
  const record = await found;
  if (!record || record.facilitatorId !== facilitatorId) throw notFound(what);
  return record;
}

/** The facilitator's own case, or a 404. */
export function ownCase(services: Services, facilitatorId: string, caseId: string): Promise<CaseRecord> {
  return owned(services.store.cases.getCase(caseId), facilitatorId, 'That case');
}

/** The facilitator's own meeting, or a 404. */
export function ownMeeting(services: Services, facilitatorId: string, meetingId: string): Promise<MeetingRecord> {
  return owned(services.store.meetings.get(meetingId), facilitatorId, 'That meeting');
}

/** The facilitator's own treatment facility (issue 11), or a 404 like any record that is not theirs. */
export function ownFacility(services: Services, facilitatorId: string, facilityId: string): Promise<FacilityRecord> {
  return owned(services.store.logistics.getFacility(facilityId), facilitatorId, 'That facility');
}
