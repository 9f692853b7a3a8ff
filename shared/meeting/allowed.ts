// Which commands a sender could send right now, asked of the machine itself:
// each entry in the rules table (commands.ts) offers the events to ask about,
// and `snapshot.can` decides. Views carry the answer so that clients enable
// exactly the buttons the server would accept.
import type { MeetingEvent } from '../protocol.js';
import { canApply, type MeetingSnapshot } from './agenda.js';
import { COMMAND_RULES, type CommandType } from './commands.js';
import { forbiddenReason, type Sender } from './permissions.js';

const TYPES = Object.keys(COMMAND_RULES) as CommandType[];

/**
 * The commands `sender` (acting as `actorId`, the id the server stamps in `by`) may send in this
 * snapshot, in the table's order: those the permission rules allow and for which the machine
 * accepts at least one of the entry's probes.
 */
export function allowedCommands(snapshot: MeetingSnapshot, sender: Sender, actorId: string): CommandType[] {
  const context = snapshot.context;
  const by = { actorId, role: sender.role };
  return TYPES.filter((type) => {
    if (forbiddenReason(type, sender, context)) return false;
    for (const payload of COMMAND_RULES[type].probes(context)) {
      const event = { commandId: '\u0000probe', type, ...payload, at: 0, by } as MeetingEvent;
      if (canApply(snapshot, event)) return true;
    }
    return false;
  });
}
