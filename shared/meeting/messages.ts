// Words for a command the machine refused, shown to the person who tried.
// Each command's own words are in its entry in the rules table (commands.ts);
// these are the words every command shares.
import { COMMAND_RULES, type CommandType, type PlaceStamp } from './commands.js';
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
  if (phase === 'closed') return 'The meeting is closed; nothing more can change';
  const rule = COMMAND_RULES[type];
  return rule.notAllowed?.(phase, context, stamp) ?? `That is not possible now: ${PHASE_WORDS[phase]}`;
}
