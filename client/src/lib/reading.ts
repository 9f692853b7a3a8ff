// A letter's reading time in words; the family's page and the console's
// review both show it. The time itself is the server's (130 words a minute).

/** "About 2 minutes", "About 1 minute 30 seconds", "Under half a minute" for `seconds` of reading aloud. */
export function readingWords(seconds: number): string {
  if (seconds < 30) return 'Under half a minute';
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round((seconds % 60) / 15) * 15;
  const whole = rest === 60 ? minutes + 1 : minutes;
  const secs = rest === 60 ? 0 : rest;
  const m = whole === 0 ? '' : `${whole} minute${whole === 1 ? '' : 's'}`;
  const s = secs === 0 ? '' : `${secs} seconds`;
  return `About ${[m, s].filter(Boolean).join(' ')}`;
}
