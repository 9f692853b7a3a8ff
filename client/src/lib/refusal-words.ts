// What a family screen says when the server turns its link away, or refuses a
// command, in the page's language (issue 15). The server's own words are
// English and say the most, so an English page keeps them; another language
// gets the catalog's sentence for the code.
import type { HandshakeError } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';

const BY_CODE: Partial<Record<HandshakeError | 'OPENED_ELSEWHERE', () => string>> = {
  LINK_INVALID: m.refusal_link_invalid,
  LINK_EXPIRED: m.refusal_link_expired,
  MEETING_NOT_FOUND: m.refusal_meeting_not_found,
  LOBBY_LOCKED: m.refusal_lobby_locked,
  LOBBY_FULL: m.refusal_lobby_full,
  RATE_LIMITED: m.refusal_rate_limited,
  OPENED_ELSEWHERE: m.refusal_opened_elsewhere,
  NAME_REQUIRED: m.refusal_name_required,
  NAME_RESERVED: m.refusal_name_reserved,
  PROTOCOL_UNSUPPORTED: m.refusal_protocol,
};

/** The words for a refusal `{code, message}` (message: the server's English); '' for none. */
export function refusalWords(refusal: { code: string; message: string } | null | undefined): string {
  if (!refusal) return '';
  if (getLocale() === 'en') return refusal.message;
  return (BY_CODE[refusal.code as HandshakeError] ?? m.refusal_other)();
}
