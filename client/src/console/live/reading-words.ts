// Words for a rehearsal's reading times (issue 10, section 4): each person's actual time at the
// floor against the estimate from their letter, so that the team can see who should trim.

/** Seconds as "2 min 05 s", or "45 s" under a minute. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * How the actual reading compared with the estimate, in words: "About as estimated" within 15 s
 * either way, else "1 min 10 s longer" or "30 s shorter"; "Not read" when they never had the
 * floor, "No letter to estimate" when the server had no letter for them.
 */
export function readingComparison(estimatedSeconds: number | null, actualSeconds: number | null): string {
  if (actualSeconds === null) return 'Not read';
  if (estimatedSeconds === null) return 'No letter to estimate';
  const difference = actualSeconds - estimatedSeconds;
  if (Math.abs(difference) <= 15) return 'About as estimated';
  return `${formatSeconds(Math.abs(difference))} ${difference > 0 ? 'longer' : 'shorter'}`;
}
