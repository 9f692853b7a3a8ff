// A refusal from the family pages' HTTP routes (the preparation page, the
// consent page) in the page's language (issue 15). The server keeps its English
// `message`; beside it the error names its `code`, and where one code covers
// several refusals a `reason` (a letter's state step), and for a bad field
// `field`, `reason` (the schema's issue) and `limit` (docs/protocol.md). An
// English page shows the server's own sentence; another language words these
// keys from the catalog, naming the field in its own words, with a calm
// general sentence for anything unmapped. tests/client/server-refusals.test.ts
// derives the codes, reasons and fields from the routes and schemas.
import type { Language } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';

type Options = { locale?: Language };
type Words = (inputs?: Record<string, never>, options?: Options) => string;

/** What a family page keeps of an HTTP error body: `{code, message}` and the optional keys beside them. */
export interface ServerRefusal {
  code: string;
  message: string;
  reason?: string;
  field?: string;
  limit?: number;
}

/** Words per code for the routes' refusals that mean one thing whatever the route. */
export const CODE_WORDS: Record<string, Words> = {
  UNAUTHENTICATED: m.server_no_link,
  RATE_LIMITED: m.server_rate_limited,
  NOT_FOUND: m.server_not_found,
  NO_BOTTOM_LINES: m.server_no_bottom_lines,
  TOO_LARGE: m.server_too_large,
  UNAVAILABLE: m.server_unavailable,
  INVALID: m.server_invalid,
  TIMEOUT: m.prepare_error,
  INTERNAL: m.prepare_error,
  FORBIDDEN_ORIGIN: m.prepare_error,
};

/**
 * Codes whose `message` the server already words in the language the page asked for (`?lang=`): a
 * module's check, whose explanation is the module's own.
 */
export const SAID_IN_PAGE_LANGUAGE: readonly string[] = ['CHECK_NOT_PASSED'];

/** Words per `reason` of a letter's refused step (shared/prepare/states.ts, `letterStep`). */
export const LETTER_REASON_WORDS: Record<string, Words> = {
  approved: m.server_letter_approved,
  'already-approved': m.server_letter_already_approved,
  'already-submitted': m.server_letter_already_submitted,
  empty: m.server_letter_empty,
};

/** A field of a family page's request body (its dotted path) as the person knows it. */
export const FIELD_WORDS: Record<string, Words> = {
  text: m.server_field_text,
  answer: m.server_field_answer,
  status: m.server_field_status,
  checkIn: m.server_field_check_in,
  signature: m.server_field_signature,
  'signature.typedName': m.server_field_typed_name,
  'signature.drawing': m.server_field_drawing,
  representative: m.server_field_representative,
  'representative.name': m.server_field_representative_name,
  'representative.authority': m.server_field_representative_authority,
  rightToRevoke: m.server_field_right_to_revoke,
  'rightToRevoke.acknowledged': m.server_field_right_to_revoke,
  notConditioned: m.server_field_not_conditioned,
  'notConditioned.acknowledged': m.server_field_not_conditioned,
  language: m.server_field_language,
};

/** A refused field in a sentence: too long (with its limit), missing, or otherwise to check. */
function fieldWords(refusal: ServerRefusal, locale: Language): string | null {
  const field = refusal.field === undefined ? undefined : FIELD_WORDS[refusal.field];
  if (!field) return null;
  const name = field({}, { locale });
  if (refusal.reason === 'too_big' && refusal.limit !== undefined) {
    return m.server_invalid_too_long({ field: name, limit: new Intl.NumberFormat(locale).format(refusal.limit) }, { locale });
  }
  if (refusal.reason === 'too_small' || refusal.reason === 'invalid_type') {
    return m.server_invalid_missing({ field: name }, { locale });
  }
  return m.server_invalid_field({ field: name }, { locale });
}

/**
 * The words for `refusal` in `locale` (default: the page's): the server's own sentence on an English
 * page; otherwise the catalog's sentence for its field, its reason or its code, or `fallback` (the
 * page's general sentence) for a code it does not know.
 */
export function serverRefusalWords(refusal: ServerRefusal, fallback: Words = m.prepare_error, locale: Language = getLocale()): string {
  if ((locale === 'en' || SAID_IN_PAGE_LANGUAGE.includes(refusal.code)) && refusal.message) return refusal.message;
  if (refusal.code === 'INVALID') {
    const words = fieldWords(refusal, locale);
    if (words) return words;
  }
  const byReason = refusal.reason === undefined ? undefined : LETTER_REASON_WORDS[refusal.reason];
  if (byReason && (refusal.code === 'LETTER_APPROVED' || refusal.code === 'NOT_ALLOWED')) return byReason({}, { locale });
  return (CODE_WORDS[refusal.code] ?? fallback)({}, { locale });
}
