// Which view to show, and what to say when a command is refused. Pure, so the
// rules are tested without a browser.
import type { Ack } from '../../../shared/protocol.js';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import { commandRefusalWords } from './command-refusals.js';

interface Versioned {
  meetingId: string;
  revision: number;
  /** A participant's view: `waiting` or `denied` while in the lobby, null once let in. */
  lobby?: unknown;
}

/**
 * A view replaces the one shown unless it is older: an older view would undo
 * something the server already acknowledged. Presence changes keep the
 * revision, so an equal revision is news too. A lobby view carries no revision
 * (always 0, so that it tells a waiting person nothing), and it is always news:
 * it arrives when someone is sent back to the lobby or turned away.
 */
export function isFresh(shown: Versioned | null, incoming: Versioned): boolean {
  if (incoming.lobby !== undefined && incoming.lobby !== null) return true;
  return !shown || shown.meetingId !== incoming.meetingId || incoming.revision >= shown.revision;
}

export const STALE_MESSAGE = 'The meeting had just moved on, so nothing was changed. Here is the latest; please check and try again.';
export const NO_ANSWER_MESSAGE = 'No answer from the server yet. Check the connection, then look at the screen before trying again.';

/**
 * The short message a person sees after a command, or null when it was accepted, in the page's
 * language (issue 15): the constants above are the English. An English page shows a refusal's own
 * words, the server's; another language words its code and reason from the catalog
 * (`commandRefusalWords`), so the real reason survives the translation.
 */
export function noticeFor(ack: Ack | null): string | null {
  if (!ack) return m.notice_no_answer();
  if (ack.ok) return null;
  if (ack.error.code === 'STALE') return m.notice_stale();
  return getLocale() === 'en' ? ack.error.message : commandRefusalWords(ack.error);
}
