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

/** The time of day follow-up calls are put at: a wall-clock time in a zone. */
export interface CallTime {
  /** IANA zone, for example `America/Chicago`. */
  timeZone: string;
  /** `HH:MM`, 24-hour. */
  time: string;
}

/** A case's calendar label, in characters: a short handle such as "Case 7" or "Tuesday family", not a description. */
export const CALENDAR_LABEL_MAX = 40;

/** What a scheduled call is put at when nobody chose otherwise (FOLLOW_UP_TIME): a working hour, not the minute the meeting ended. */
export const DEFAULT_CALL_TIME = '10:00';

/**
 * The schedule after an outcome recorded at `outcomeAt` (ms since the epoch): one `{kind, dueAt}`
 * per scheduled follow-up, in order. With `at`, each falls on its day counted from the outcome's
 * day in `at.timeZone`, at `at.time` there (a newcomer's trial: a call at the minute the meeting
 * ended, say 21:47, is nobody's working hour). Without it, each keeps the outcome's time of day,
 * in UTC. Days and months are calendar ones, through `Date.UTC`: a month is clamped to its last
 * day (31 August + 6 months is 28 or 29 February, never 3 March). Throws RangeError for an
 * unknown zone.
 */
export function followUpSchedule(outcomeAt: number, at?: CallTime): Array<{ kind: ScheduledFollowUp; dueAt: number }> {
  if (!at) return SCHEDULED_FOLLOW_UPS.map((kind) => ({ kind, dueAt: addCalendar(outcomeAt, OFFSETS[kind]) }));
  const [y, m, d] = localDay(outcomeAt, at.timeZone).split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, m - 1, d);
  return SCHEDULED_FOLLOW_UPS.map((kind) => {
    const day = new Date(addCalendar(start, OFFSETS[kind])).toISOString().slice(0, 10);
    return { kind, dueAt: wallClock(day, at.time, at.timeZone) };
  });
}

function addCalendar(at: number, offset: { days: number } | { months: number }): number {
  const d = new Date(at);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const time = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()] as const;
  if ('days' in offset) return Date.UTC(y, m, day + offset.days, ...time);
  const lastDay = new Date(Date.UTC(y, m + offset.months + 1, 0)).getUTCDate();
  return Date.UTC(y, m + offset.months, Math.min(day, lastDay), ...time);
}

/** Whether `time` is a 24-hour `HH:MM`. */
export function isCallTime(time: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
}

/**
 * The instant (ms) at which the clocks of `tz` show `time` (`HH:MM`) on `day` (YYYY-MM-DD). In a
 * daylight-saving gap (a time that does not exist that day) it is the same instant an hour later's
 * clock would give; in the repeated hour, the first. Throws RangeError for an unknown zone.
 */
export function wallClock(day: string, time: string, tz: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const first = asUtc - zoneOffset(asUtc, tz);
  // The offset at the guess may differ from the offset at the answer across a change of clocks.
  return asUtc - zoneOffset(first, tz);
}

/** How far ahead of UTC the clocks of `tz` are at the instant `at`, in ms. */
function zoneOffset(at: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return shown - (at - (at % 1000));
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
