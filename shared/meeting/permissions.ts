// Who may send which command. The machine decides what is possible in a phase;
// this decides who may ask at all. Both the server (FORBIDDEN) and the client
// (which buttons to show) use it.
import type { CommandType, Role } from '../protocol.js';
import type { MeetingContext } from './context.js';
import { findMember } from './context.js';

/** The person behind a connection, as the server authenticated them. */
export interface Sender {
  role: Role;
  /** For participants and lobby joiners. */
  participantId?: string;
}

const PARTICIPANT_COMMANDS: ReadonlySet<CommandType> = new Set(['participant.ready', 'signal.send', 'turn.done']);
const PARTICIPANT_ONLY: ReadonlySet<CommandType> = new Set(['participant.ready', 'signal.send']);

/** Null when allowed, otherwise why not, in words for the person. */
export function forbiddenReason(type: CommandType, sender: Sender, context: MeetingContext): string | null {
  if (sender.role === 'display') return 'The room display only watches the meeting';
  if (sender.role === 'facilitator') {
    return PARTICIPANT_ONLY.has(type) ? 'Only participants send this' : null;
  }
  const self = sender.participantId ? findMember(context, sender.participantId) : undefined;
  if (!self?.admitted) return 'You are waiting in the lobby; the facilitator will let you in shortly';
  if (!PARTICIPANT_COMMANDS.has(type)) return 'Only the facilitator can do this';
  if (type === 'turn.done' && context.currentSpeakerId !== self.participantId) {
    return 'Only the person speaking can finish their turn';
  }
  return null;
}
