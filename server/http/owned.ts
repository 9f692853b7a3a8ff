// The one check of who may open a case or a meeting: its owner, or a colleague
// the owner added to the case's staff (issue 16). Anyone else is answered
// exactly like a case or meeting that does not exist (404), so ids cannot be
// probed. A meeting belongs to its case's owner; its case's staff share it.
import { caseAccess } from '../access.js';
import type { Services } from '../services.js';
import type { CaseRecord, FacilityRecord, MeetingRecord } from '../store/types.js';
import { HttpError, notFound } from './errors.js';

/** The case, if `facilitatorId` owns it or is on its staff; otherwise throws a 404 HttpError. */
export async function ownCase(services: Services, facilitatorId: string, caseId: string): Promise<CaseRecord> {
  const record = await services.store.cases.getCase(caseId);
  if (!record || !(await caseAccess(services, facilitatorId, record.id, record.facilitatorId))) throw notFound('That case');
  return record;
}

/** The meeting, if `facilitatorId` owns its case or is on the case's staff; otherwise throws a 404 HttpError. */
export async function ownMeeting(services: Services, facilitatorId: string, meetingId: string): Promise<MeetingRecord> {
  const record = await services.store.meetings.get(meetingId);
  if (!record || !(await caseAccess(services, facilitatorId, record.caseId, record.facilitatorId))) throw notFound('That meeting');
  return record;
}

/**
 * The case, only for its owner: who works on it is the owner's decision. Staff get 403 (they can see
 * the case, so a 404 would be a lie); anyone else the same 404 as ownCase.
 */
export async function caseOwnedBy(services: Services, facilitatorId: string, caseId: string): Promise<CaseRecord> {
  const record = await ownCase(services, facilitatorId, caseId);
  if (record.facilitatorId !== facilitatorId) throw new HttpError(403, 'FORBIDDEN', 'Only the case’s owner can change who works on it');
  return record;
}

/** The facilitator's own treatment facility (issue 11), or a 404 like any record that is not theirs. */
export async function ownFacility(services: Services, facilitatorId: string, facilityId: string): Promise<FacilityRecord> {
  const record = await services.store.logistics.getFacility(facilityId);
  if (!record || record.facilitatorId !== facilitatorId) throw notFound('That facility');
  return record;
}
