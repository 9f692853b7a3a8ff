// The follow-ups as an iCalendar feed (issue 11, section 5), built with
// ical-generator rather than by hand. It carries no health data: each event is
// "Follow-up call" with the case's calendar label (its interventionist's
// choice, or "Case 7") and reference, never a name, outcome or note.
import ical from 'ical-generator';
import type { CalendarLabel, FollowUpRecord } from '../store/types.js';

/** How long each call is put in the calendar for. */
const CALL_MINUTES = 30;

/** A case's short reference, the same in the feed and the console: the first 8 characters of its id. */
export function caseReference(caseId: string): string {
  return caseId.slice(0, 8);
}

/**
 * The feed of `followUps` (the caller passes those still due), as iCalendar text; `labels` by case
 * id (Cases.calendarLabels) name each call, so that a week in the calendar tells one case from another.
 */
export function calendarOf(followUps: readonly FollowUpRecord[], labels: ReadonlyMap<string, CalendarLabel>, baseUrl: string): string {
  const calendar = ical({ name: 'Threshold follow-ups', prodId: { company: 'Threshold', product: 'follow-ups', language: 'EN' } });
  for (const f of followUps) {
    calendar.createEvent({
      id: `${f.id}@threshold`,
      start: new Date(f.dueAt),
      end: new Date(f.dueAt + CALL_MINUTES * 60_000),
      stamp: new Date(f.updatedAt),
      summary: `Follow-up call: ${labels.get(f.caseId)?.label ?? 'a case'}`,
      description: `Case reference ${caseReference(f.caseId)}`,
      url: `${baseUrl}/#/cases/${f.caseId}`,
    });
  }
  return calendar.toString();
}
