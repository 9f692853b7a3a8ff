// After a yes (issue 11, section 3): which meeting's accepted outcome a case's
// transition and consents follow. The outcome is read from the meeting's
// stored snapshot (written before any command is acknowledged), never from
// the case stage, which moves separately.
import { restoreMeeting } from '../../shared/meeting/agenda.js';
import type { OutcomeRecord } from '../../shared/meeting/context.js';
import type { Services } from '../services.js';
import type { MeetingRecord } from '../store/types.js';
import { HttpError } from './errors.js';

/** The outcome a stored meeting holds; null before one is recorded, or when the snapshot cannot be read. */
export function outcomeOf(record: MeetingRecord): OutcomeRecord | null {
  try {
    return restoreMeeting(record.snapshot).context.outcome;
  } catch {
    return null;
  }
}

/**
 * The case's latest real meeting with an outcome, when that outcome is `accepted`; otherwise a 409
 * that says what to do. Rehearsals never count.
 */
export async function acceptedMeeting(services: Services, caseId: string): Promise<MeetingRecord> {
  const meetings = await services.store.meetings.listForCase(caseId);
  for (const record of meetings) {
    if (record.input.rehearsal === true) continue;
    const outcome = outcomeOf(record);
    if (!outcome) continue;
    if (outcome.kind === 'accepted') return record;
    break;
  }
  throw new HttpError(
    409,
    'NO_ACCEPTED_OUTCOME',
    'This case has no meeting whose outcome is "accepted" yet. Record the outcome in the meeting first; the transition checklist follows a yes.',
  );
}
