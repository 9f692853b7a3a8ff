// Which commands a sender could send right now, asked of the machine itself
// (with a representative payload) and of the permission rules. Views carry the
// answer so that clients enable exactly the buttons the server would accept.
import { COMMAND_TYPES, type CommandType, type MeetingEvent } from '../protocol.js';
import { canApply, type MeetingSnapshot } from './agenda.js';
import type { MeetingContext } from './context.js';
import { forbiddenReason, type Sender } from './permissions.js';

type Probe = Record<string, unknown> | null;

function probe(type: CommandType, context: MeetingContext): Probe {
  switch (type) {
    case 'turn.call': {
      const other = context.speakingOrder.find((t) => t.participantId !== context.currentSpeakerId);
      return other ? { participantId: other.participantId } : null;
    }
    case 'order.set':
      // An empty order is always valid, so this asks whether the phase allows reordering. Probing
      // with the current order would hide the button exactly when that order holds someone turned
      // away at the lobby, which is when the facilitator needs it to take them out.
      return { participantIds: [] };
    case 'turn.extend':
      return { seconds: 60 };
    case 'pause.start':
      return { reason: 'other' };
    case 'offer.respond':
      return { response: 'accepted' };
    case 'meeting.end':
      return { outcome: 'accepted' };
    case 'lobby.admit':
    case 'lobby.deny':
      // Whether anyone is waiting is presence, shown in the view's lobby; this asks whether the phase allows a decision.
      return { participantId: '\u0000probe', joiner: { name: '', attendance: 'guest' } };
    case 'lobby.return': {
      const someone = context.members.find((m) => m.attendance !== 'in-room' && m.admitted);
      return someone ? { participantId: someone.participantId } : null;
    }
    case 'signal.send':
      return { kind: 'need-a-moment' };
    default:
      return {};
  }
}

export function allowedCommands(snapshot: MeetingSnapshot, sender: Sender, actorId: string): CommandType[] {
  const context = snapshot.context;
  return COMMAND_TYPES.filter((type) => {
    if (forbiddenReason(type, sender, context)) return false;
    const payload = probe(type, context);
    if (!payload) return false;
    const event = { commandId: '\u0000probe', type, ...payload, at: 0, by: { actorId, role: sender.role } } as MeetingEvent;
    return canApply(snapshot, event);
  });
}
