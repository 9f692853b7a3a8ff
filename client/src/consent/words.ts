// The consent page's words that are more than a message (issue 15): its dates, and the words for a
// refusal, in the page's language. The page's own words are messages in the catalogs (consent_…);
// the fixed statements and acknowledgements come with the form from the server, in each language
// (shared/case/consent-terms.ts), because the signature records the ones the signer read.
import type { Language } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import type { SigningElement } from '../../../shared/case/consent-terms.js';
import { FIELD_WORDS, serverRefusalWords, type ServerRefusal } from '../lib/server-refusals.js';

/** A day (YYYY-MM-DD, as the form keeps its dates) as people read it: "November 30, 2026", "30 de noviembre de 2026". */
export function dayWords(day: string, locale: Language = getLocale()): string {
  const [y, mo, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, mo! - 1, d!));
}

/** A moment (epoch ms) as people read it, in this device's time zone and the page's language. */
export function momentWords(at: number, locale: Language = getLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(at);
}

/**
 * A refusal or failure as the page shows it: `code` from the server, `message` its (English) words,
 * and the keys beside them; `missing`: the signing elements a CONSENT_INCOMPLETE names.
 */
export type Problem = ServerRefusal & { missing?: string[] };

/** Each signing element (`SIGNING_ELEMENTS`) a CONSENT_INCOMPLETE can name, as the signer knows it. */
export const MISSING_WORDS: Record<SigningElement, (inputs?: Record<string, never>, options?: { locale?: Language }) => string> = {
  signature: FIELD_WORDS['signature.typedName']!,
  rightToRevoke: FIELD_WORDS.rightToRevoke!,
  notConditioned: FIELD_WORDS.notConditioned!,
};

/** The missing elements named in `locale` ("su nombre escrito y la casilla…"), or null if one is unknown here. */
function missingNamed(missing: string[] | undefined, locale: Language): string | null {
  if (!missing?.length || !missing.every((key) => Object.hasOwn(MISSING_WORDS, key))) return null;
  const names = missing.map((key) => MISSING_WORDS[key as SigningElement]({}, { locale }));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

/** Words per code for the consent page's own refusals; others go to `serverRefusalWords`. */
export const CONSENT_CODE_WORDS: Record<string, (inputs?: Record<string, never>, options?: { locale?: Language }) => string> = {
  NETWORK: m.consent_network,
  UNAUTHENTICATED: m.consent_no_link,
  CONSENT_SIGNED: m.consent_already_signed,
  CONSENT_INCOMPLETE: m.consent_incomplete,
};

/**
 * The words for `problem`: on an English page the server's own sentence (it may name what is
 * missing), on another the catalog's sentence for its code here, else the family pages' words for
 * the server's refusals (a field named in the page's language, a rate limit…), or a general one.
 */
export function problemWords(problem: Problem, locale: Language = getLocale()): string {
  if (locale === 'en' && problem.message) return problem.message;
  const fields = problem.code === 'CONSENT_INCOMPLETE' ? missingNamed(problem.missing, locale) : null;
  if (fields) return m.consent_incomplete_named({ fields }, { locale });
  const own = CONSENT_CODE_WORDS[problem.code];
  return own ? own({}, { locale }) : serverRefusalWords(problem, m.consent_error, locale);
}
