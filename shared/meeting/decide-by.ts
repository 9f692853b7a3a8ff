// Whether a deferred outcome's decide-by date has already passed. The date is
// a calendar day in the facilitator's own time zone, which the server does not
// know, so "today" is counted in the earliest zone there is (UTC-12): a date is
// refused only when it is past everywhere, and nobody's today is ever refused.

/** The earliest time zone's offset from UTC, in milliseconds. */
const EARLIEST_ZONE_MS = -12 * 60 * 60 * 1000;

/**
 * True when `decideBy` (YYYY-MM-DD, already valid by the schema) is a day before `at` (ms since the
 * epoch, the server's stamp on the command) in every time zone. Pure: the same event always answers
 * the same, so replay agrees with what was accepted.
 */
export function decideByPassed(decideBy: string, at: number): boolean {
  const earliestToday = new Date(at + EARLIEST_ZONE_MS).toISOString().slice(0, 10);
  return decideBy < earliestToday;
}
