// Who may send which command, from the `senders` of each entry in the rules
// table (commands.ts). The machine decides what is possible in a phase; this
// decides who may ask at all. The server answers FORBIDDEN from it, and the
// allowed list (allowed.ts) leaves out what it forbids.
import type { Role } from '../vocabulary.js';
import { COMMAND_RULES, said, type CommandType, type Said } from './commands.js';
import type { MeetingContext } from './context.js';
import { findMember } from './context.js';

/** The person behind a connection, as the server authenticated them. */
export interface Sender {
  role: Role;
  /** For participants and lobby joiners. */
  participantId?: string;
  /** For facilitators: the account at this console, the case's owner or a co-facilitator (issue 16); stamped as `by.actorId`. */
  accountId?: string;
}

/**
 * Null when `sender` may send `type` now, otherwise why not, in words for the person. A participant
 * counts only once admitted (someone in the lobby, or turned away, may send nothing); a `speaker`
 * command is theirs only while they have the floor.
 */
export function forbiddenReason(type: CommandType, sender: Sender, context: MeetingContext): string | null {
  return forbiddenRefusal(type, sender, context)?.words ?? null;
}

/** The same, with its stable key (the ack's `error.reason`, issue 15); null when allowed. */
export function forbiddenRefusal(type: CommandType, sender: Sender, context: MeetingContext): Said | null {
  if (sender.role === 'display') return said('display-watches', 'The room display only watches the meeting');
  const { senders, notSpeaker } = COMMAND_RULES[type];
  if (sender.role === 'facilitator') {
    return senders.includes('facilitator') ? null : said('participants-only', 'Only participants send this');
  }
  const self = sender.participantId ? findMember(context, sender.participantId) : undefined;
  if (!self?.admitted) return said('in-lobby', 'You are waiting in the lobby; the facilitator will let you in shortly');
  if (senders.includes('participant')) return null;
  if (!senders.includes('speaker')) return said('facilitator-only', 'Only the facilitator can do this');
  if (context.currentSpeakerId === self.participantId) return null;
  return said('not-speaker', notSpeaker ?? 'Only the person speaking can do this');
}
