// Plurals and dates in the page's language (issue 15), through Intl: no data
// files, and both languages are built into every browser. Plain TypeScript
// (the locale comes from Paraglide's getLocale, which the page points at its
// language), so the pure word rules that use it are tested without a browser.
import { getLocale } from '../paraglide/runtime.js';

/** `one` or `other` for `count` in the page's language (Spanish's `many`, for millions, reads as `other`). */
export function pluralOf(count: number): 'one' | 'other' {
  return new Intl.PluralRules(getLocale()).select(count) === 'one' ? 'one' : 'other';
}

/** Picks the message for `count`: `one(count)` or `other(count)`, by the page language's plural rules. */
export function plural(count: number, one: (inputs: { count: number }) => string, other: (inputs: { count: number }) => string): string {
  return pluralOf(count) === 'one' ? one({ count }) : other({ count });
}

/** A moment (epoch ms) as a date and time in the page's language: "Nov 30, 2026, 2:05 PM", "30 nov 2026, 14:05". */
export function dateTime(at: number): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A moment (epoch ms) as a day in the page's language: "Nov 30, 2026", "30 nov 2026". */
export function day(at: number): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium' }).format(at);
}
