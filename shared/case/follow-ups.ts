// The follow-up schedule (issue 11, section 5) and the days it is read by:
// pure functions with no clock, so the server, the tests and the console agree.
import { SCHEDULED_FOLLOW_UPS, type FollowUpWindow, type ScheduledFollowUp } from './aftercare-vocabulary.js';

/** How far after the outcome each scheduled follow-up falls: whole days, or calendar months. */
const OFFSETS: Record<ScheduledFollowUp, { days: number } | { months: number }> = {
  '1-day': { days: 1 },
  '3-days': { days: 3 },
  '1-week': { days: 7 },
  '2-weeks': { days: 14 },
  '30-days': { days: 30 },
  '60-days': { days: 60 },
  '90-days': { days: 90 },
  '6-months': { months: 6 },
  '1-year': { months: 12 },
};

/**
 * The schedule after an outcome recorded at `outcomeAt` (ms since the epoch): one `{kind, dueAt}`
 * per scheduled follow-up, in order, each at the outcome's time of day. Calendar arithmetic in
 * UTC, through `Date.UTC`: a day is a UTC calendar day (so no daylight-saving shift moves a call
 * by an hour in UTC), and a month is a UTC calendar month, clamped to the month's last day
 * (31 August + 6 months is 28 or 29 February, never 3 March).
 */
export function followUpSchedule(outcomeAt: number): Array<{ kind: ScheduledFollowUp; dueAt: number }> {
  return SCHEDULED_FOLLOW_UPS.map((kind) => ({ kind, dueAt: addCalendar(outcomeAt, OFFSETS[kind]) }));
}

function addCalendar(at: number, offset: { days: number } | { months: number }): number {
  const d = new Date(at);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const time = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()] as const;
  if ('days' in offset) return Date.UTC(y, m, day + offset.days, ...time);
  const lastDay = new Date(Date.UTC(y, m + offset.months + 1, 0)).getUTCDate();
  return Date.UTC(y, m + offset.months, Math.min(day, lastDay), ...time);
}

/** Whether `tz` is an IANA time zone this runtime knows (for example `America/Chicago`). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day (YYYY-MM-DD) that the instant `at` falls on in `tz`. Throws RangeError for an unknown zone. */
export function localDay(at: number, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The day `days` after `day` (YYYY-MM-DD), on the calendar. */
export function dayAfter(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Whether a follow-up still `due` at `dueAt` falls in `window`, seen from the instant `now` in
 * zone `tz`: `today` is its day, `overdue` any day before, `week` today and the six days after.
 */
export function inWindow(window: FollowUpWindow, dueAt: number, now: number, tz: string): boolean {
  const due = localDay(dueAt, tz);
  const today = localDay(now, tz);
  if (window === 'today') return due === today;
  if (window === 'overdue') return due < today;
  return due >= today && due <= dayAfter(today, 6);
}
