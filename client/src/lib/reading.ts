// A letter's reading time in words; the family's page and the console's
// review both show it, in the page's language (issue 15). The time itself is
// the server's (130 words a minute).
import { m } from '../paraglide/messages.js';
import { plural } from './plural.js';

/** "About 2 minutes", "About 1 minute 30 seconds", "Under half a minute" for `seconds` of reading aloud. */
export function readingWords(seconds: number): string {
  if (seconds < 30) return m.reading_under_half();
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round((seconds % 60) / 15) * 15;
  const whole = rest === 60 ? minutes + 1 : minutes;
  const secs = rest === 60 ? 0 : rest;
  const parts = [
    whole === 0 ? '' : plural(whole, m.reading_minutes_one, m.reading_minutes_other),
    secs === 0 ? '' : m.reading_seconds({ count: secs }),
  ];
  return m.reading_about({ time: parts.filter(Boolean).join(' ') });
}
