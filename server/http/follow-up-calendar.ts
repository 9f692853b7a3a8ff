// The follow-ups as an iCalendar feed (issue 11, section 5), built with
// ical-generator rather than by hand. It carries no health data: each event is
// "Follow-up call" with the case's calendar label (its interventionist's
// choice, or "Case 7"; never one of the case's names) and reference, and a
// link to the console; never a name, outcome, note or the case's whole id.
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
      // The console's own address, not the case's: a case's whole id is more than a calendar needs (a
      // newcomer's second trial). The console's home lists today's calls, each linking to its case,
      // and the reference above tells the case apart.
      url: `${baseUrl}/#/`,
    });
  }
  return calendar.toString();
}
