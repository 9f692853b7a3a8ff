// Words for a rehearsal's reading times (issue 10, section 4): each person's actual time at the
// floor against the estimate from their letter, so that the team can see who should trim.
// The words come from the console's catalog (issue 15).
import { m } from '../../paraglide/messages.js';

/** Seconds as "2 min 05 s", or "45 s" under a minute. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return m.live_reading_seconds({ seconds: s });
  return m.live_reading_minutes_seconds({ minutes: Math.floor(s / 60), seconds: String(s % 60).padStart(2, '0') });
}

/**
 * How the actual reading compared with the estimate, in words: "About as estimated" within 15 s
 * either way, else "1 min 10 s longer" or "30 s shorter"; "Not read" when they never had the
 * floor, "No letter to estimate" when the server had no letter for them.
 */
export function readingComparison(estimatedSeconds: number | null, actualSeconds: number | null): string {
  if (actualSeconds === null) return m.live_reading_not_read();
  if (estimatedSeconds === null) return m.live_reading_no_letter();
  const difference = actualSeconds - estimatedSeconds;
  if (Math.abs(difference) <= 15) return m.live_reading_as_estimated();
  const time = formatSeconds(Math.abs(difference));
  return difference > 0 ? m.live_reading_longer({ time }) : m.live_reading_shorter({ time });
}
