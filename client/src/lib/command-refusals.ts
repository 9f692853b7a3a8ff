// A refused meeting command in the page's language (issue 15). The server
// keeps its English `message` (v1 scripts and the console read it) and names
// the refusal by `code` and, for FORBIDDEN and NOT_ALLOWED, by `reason`, a key
// from the rules table (shared/meeting/commands.ts, messages.ts, permissions.ts).
// Only the reasons a family screen can meet are here: those of the commands a
// participant or the speaker sends. tests/client/server-refusals.test.ts
// derives that list from the rules table, so a new refusal without words fails.
import type { Phase } from '../../../shared/meeting/context.js';
import type { AckError } from '../../../shared/protocol.js';
import type { ErrorCode } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';
import { PHASE_WORDS } from './words.js';

type Words = () => string;

/** Words per `error.reason` that has a sentence of its own. */
export const COMMAND_REASON_WORDS: Record<string, Words> = {
  'already-ready': m.refusal_cmd_already_ready,
  'ready-while-gathering': m.refusal_cmd_ready_while_gathering,
  'no-signal': m.refusal_cmd_no_signal,
  'nobody-speaking': m.refusal_cmd_nobody_speaking,
  'in-lobby': m.refusal_cmd_in_lobby,
  'not-speaker': m.refusal_cmd_not_speaker,
};

/**
 * The phase a reason says the meeting is in (`phase-<phase>`, `closed`, and `meeting-ended` for the
 * outcome), or null: such a refusal is worded as "that could not be done just now" and the phase's own
 * sentence, which the screen carries anyway (the tablet's JavaScript budget).
 */
export function phaseOfReason(reason: string): Phase | null {
  const phase = reason === 'meeting-ended' ? 'outcome' : reason === 'closed' ? reason : reason.startsWith('phase-') ? reason.slice(6) : '';
  return Object.hasOwn(PHASE_WORDS, phase) ? (phase as Phase) : null;
}

/** Words per code, for a refusal without a reason known here: a calm general sentence. */
export const COMMAND_CODE_WORDS: Record<ErrorCode, Words> = {
  INVALID: m.notice_refused,
  FORBIDDEN: m.notice_refused,
  STALE: m.notice_stale,
  NOT_ALLOWED: m.notice_refused,
  UNAVAILABLE: m.notice_refused,
  RATE_LIMITED: m.refusal_cmd_rate_limited,
};

/** The catalog's words for a refused command `error`, in the page's language (never the server's English). */
export function commandRefusalWords(error: AckError): string {
  const reason = error.reason ?? '';
  const phase = phaseOfReason(reason);
  if (phase) return `${m.notice_refused()} ${PHASE_WORDS[phase].about()}`;
  return (COMMAND_REASON_WORDS[reason] ?? COMMAND_CODE_WORDS[error.code] ?? m.notice_refused)();
}
