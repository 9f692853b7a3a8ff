// Words for a command the machine refused, shown to the person who tried.
// Each command's own words are in its entry in the rules table (commands.ts);
// these are the words every command shares.
import { COMMAND_RULES, type CommandType, type PlaceStamp, type Said } from './commands.js';
import type { MeetingContext, Phase } from './context.js';

const PHASE_WORDS: Record<Phase, string> = {
  gathering: 'people are gathering',
  opening: 'the opening is under way',
  speaking: 'people are speaking',
  offer: 'the offer is on the table',
  'bottom-lines': 'bottom lines are being read',
  paused: 'the meeting is paused',
  outcome: 'the outcome has been recorded',
  closed: 'the meeting is closed',
};

/**
 * Why the machine refused `type` in `phase` (the server's NOT_ALLOWED message): the command's own
 * words where its entry has them, otherwise what is going on in the meeting.
 */
export function notAllowedMessage(type: CommandType, phase: Phase, context: MeetingContext, stamp?: PlaceStamp): string {
  return notAllowedRefusal(type, phase, context, stamp).words;
}

/**
 * The same refusal with its stable key (the ack's `error.reason`, issue 15): `closed`, the rule's
 * own key (`Said`), the command type for a rule's plain words, or `phase-<phase>` for the general
 * words about the phase. A family page words the key in its own language.
 */
export function notAllowedRefusal(type: CommandType, phase: Phase, context: MeetingContext, stamp?: PlaceStamp): Said {
  if (phase === 'closed') return { reason: 'closed', words: 'The meeting is closed; nothing more can change' };
  const own = COMMAND_RULES[type].notAllowed?.(phase, context, stamp) ?? null;
  if (own === null) return { reason: `phase-${phase}`, words: `That is not possible now: ${PHASE_WORDS[phase]}` };
  return typeof own === 'string' ? { reason: type, words: own } : own;
}
