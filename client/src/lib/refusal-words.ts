// What a family screen says when the server turns its link away, or refuses a
// command, in the page's language (issue 15). The server's own words are
// English and say the most, so an English page keeps them; another language
// gets the catalog's sentence for the code.
import type { HandshakeError } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';

/**
 * Words per handshake refusal a family screen can meet; null: the screen's own heading and words
 * already say it all (a locked lobby, a person turned away, a link opened elsewhere, no link at
 * all). The guest's name refusals are the remote lobby's alone (`NAME_REFUSALS` in
 * client/src/join/lobby-words.ts); SESSION_INVALID is the console's.
 * tests/client/server-refusals.test.ts checks every other code.
 */
export const HANDSHAKE_WORDS: Partial<Record<HandshakeError | 'OPENED_ELSEWHERE', (() => string) | null>> = {
  // A page without its link shows "Please open your personal link" and never connects.
  CREDENTIALS_REQUIRED: null,
  LINK_INVALID: m.refusal_link_invalid,
  LINK_EXPIRED: m.refusal_link_expired,
  MEETING_NOT_FOUND: m.refusal_meeting_not_found,
  LOBBY_LOCKED: null,
  LOBBY_FULL: m.refusal_lobby_full,
  RATE_LIMITED: m.refusal_rate_limited,
  DENIED: null,
  OPENED_ELSEWHERE: null,
  PROTOCOL_UNSUPPORTED: m.refusal_protocol,
  // The connection keeps trying by itself (connection.svelte.ts): the screen says it is reconnecting.
  UNAVAILABLE: null,
};

/**
 * The words for a refusal `{code, message}` (message: the server's English); '' for none. `more`: words
 * for codes only one page meets (the remote lobby's name refusals), so the tablet does not carry them.
 */
export function refusalWords(
  refusal: { code: string; message: string } | null | undefined,
  more: Partial<Record<HandshakeError, () => string>> = {},
): string {
  if (!refusal) return '';
  if (getLocale() === 'en') return refusal.message;
  const code = refusal.code as HandshakeError;
  const words = more[code] ?? HANDSHAKE_WORDS[code];
  return words === null ? '' : (words ?? m.refusal_other)();
}
