// A refused meeting command in the page's language (issue 15). The server
// keeps its English `message` (v1 scripts and the console read it) and names
// the refusal by `code` and, for FORBIDDEN and NOT_ALLOWED, by `reason`, a key
// from the rules table (shared/meeting/commands.ts, messages.ts, permissions.ts).
// Only the reasons a family screen can meet are here: the commands a
// participant or the speaker sends. tests/client/server-refusals.test.ts
// derives that list from the rules table, so a new refusal without words fails.
import type { AckError } from '../../../shared/protocol.js';
import type { ErrorCode } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';

type Words = () => string;

/** Words per `error.reason` of a command a family screen sends. */
export const COMMAND_REASON_WORDS: Record<string, Words> = {
  closed: m.refusal_cmd_closed,
  'phase-gathering': m.refusal_cmd_phase_gathering,
  'phase-opening': m.refusal_cmd_phase_opening,
  'phase-speaking': m.refusal_cmd_phase_speaking,
  'phase-offer': m.refusal_cmd_phase_offer,
  'phase-bottom-lines': m.refusal_cmd_phase_bottom_lines,
  'phase-paused': m.refusal_cmd_phase_paused,
  'phase-outcome': m.refusal_cmd_phase_outcome,
  'already-ready': m.refusal_cmd_already_ready,
  'ready-while-gathering': m.refusal_cmd_ready_while_gathering,
  'meeting-ended': m.refusal_cmd_meeting_ended,
  'no-signal': m.refusal_cmd_no_signal,
  'nobody-speaking': m.refusal_cmd_nobody_speaking,
  'in-lobby': m.refusal_cmd_in_lobby,
  'facilitator-only': m.refusal_cmd_facilitator_only,
  'not-speaker': m.refusal_cmd_not_speaker,
};

/** Words per code, for a refusal without a known reason: a calm general sentence. */
export const COMMAND_CODE_WORDS: Record<ErrorCode, Words> = {
  INVALID: m.notice_refused,
  FORBIDDEN: m.notice_refused,
  STALE: m.notice_stale,
  NOT_ALLOWED: m.notice_refused,
  UNAVAILABLE: m.refusal_cmd_unavailable,
  RATE_LIMITED: m.refusal_cmd_rate_limited,
};

/** The catalog's words for a refused command `error` in the page's language (never the server's English). */
export function commandRefusalWords(error: AckError): string {
  const byReason = error.reason === undefined ? undefined : COMMAND_REASON_WORDS[error.reason];
  return (byReason ?? COMMAND_CODE_WORDS[error.code] ?? m.notice_refused)();
}
