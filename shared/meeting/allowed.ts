// Which commands a sender could send right now, asked of the machine itself:
// each entry in the rules table (commands.ts) offers the events to ask about,
// and the machine decides, exactly as `snapshot.can` would. Views carry the answer so that clients enable
// exactly the buttons the server would accept.
//
// Every command publishes every person's list, so the asking is kept cheap
// (issue 14) without a second source of the rules: a command the table's
// `senders` never give this role is not asked about, nor one that no state the
// machine is in has a transition for (the machine's own configuration, read
// from its state nodes: `can` would refuse it without looking at a guard); and
// each probe walks the machine's own transitions and guards the way
// `snapshot.can` does (`accepts`), without the bookkeeping that made `can` cost
// most of a command's publishing.
import { evaluateGuard } from 'xstate/guards';
import type { MeetingEvent } from '../protocol.js';
import { canApply, type MeetingSnapshot } from './agenda.js';
import { COMMAND_RULES, type CommandType, type SenderKind } from './commands.js';
import { forbiddenReason, type Sender } from './permissions.js';

const TYPES = Object.keys(COMMAND_RULES) as CommandType[];
const PROBE_ID = '\u0000probe';

/**
 * The table's types a role may ever send, in the table's order (the display sends nothing): the
 * others `forbiddenReason` refuses whatever the meeting, so they are not looked at.
 */
const BY_ROLE: Record<Sender['role'], readonly CommandType[]> = {
  facilitator: typesFor(['facilitator']),
  participant: typesFor(['participant', 'speaker']),
  display: [],
};

function typesFor(kinds: readonly SenderKind[]): CommandType[] {
  return TYPES.filter((type) => COMMAND_RULES[type].senders.some((kind) => kinds.includes(kind)));
}

/** A transition as far as this file reads it (XState's TransitionDefinition). */
interface Transition {
  target?: unknown;
  actions: readonly unknown[];
  guard?: Parameters<typeof evaluateGuard>[0];
}

/** A state node as far as this file reads it: its transitions, by event type (XState's StateNode). */
interface StateNodeLike {
  type: string;
  on: Record<string, unknown>;
  transitions: ReadonlyMap<string, readonly Transition[]>;
}

/** Per state node, the event types it has a transition for; null when one of them is a wildcard. */
const handledByNode = new WeakMap<object, ReadonlySet<string> | null>();

function handledBy(node: StateNodeLike): ReadonlySet<string> | null {
  let handled = handledByNode.get(node);
  if (handled === undefined) {
    const keys = Object.keys(node.on);
    // A wildcard (`*`, `x.*`) matches types not named here: then every type is asked about.
    handled = keys.some((key) => key.includes('*')) ? null : new Set(keys);
    handledByNode.set(node, handled);
  }
  return handled;
}

/** The states the snapshot is in, outermost first (XState's own list). */
function activeNodes(snapshot: MeetingSnapshot): readonly StateNodeLike[] {
  return snapshot._nodes as unknown as StateNodeLike[];
}

/**
 * Whether some state the snapshot is in has a transition for `type`. When none has, `snapshot.can`
 * is false for every event of that type (XState only looks at the active nodes' transitions for the
 * event's type), so the probes are skipped. Wildcards make it answer true.
 */
function handledNow(snapshot: MeetingSnapshot, type: CommandType): boolean {
  for (const node of activeNodes(snapshot)) {
    const handled = handledBy(node);
    if (handled === null || handled.has(type)) return true;
  }
  return false;
}

/**
 * What `snapshot.can(event)` answers, found as XState finds it for a machine without parallel states:
 * the innermost state first, then its parents, the first transition for the event's type whose guard
 * passes (the machine's own guard, evaluated by XState) is taken, and `can` is true when that
 * transition goes somewhere or does something. A parallel state or a wildcard leaves it to `can`.
 */
function accepts(snapshot: MeetingSnapshot, event: MeetingEvent): boolean {
  const nodes = activeNodes(snapshot);
  if (nodes.some((node) => node.type === 'parallel' || handledBy(node) === null)) return canApply(snapshot, event);
  for (let i = nodes.length - 1; i >= 0; i--) {
    for (const transition of nodes[i]!.transitions.get(event.type) ?? []) {
      if (transition.guard && !evaluateGuard(transition.guard, snapshot.context, event, snapshot)) continue;
      return transition.target !== undefined || transition.actions.length > 0;
    }
  }
  return false;
}

/**
 * The commands `sender` (acting as `actorId`, the id the server stamps in `by`) may send in this
 * snapshot, in the table's order: those the permission rules allow and for which the machine
 * accepts at least one of the entry's probes.
 */
export function allowedCommands(snapshot: MeetingSnapshot, sender: Sender, actorId: string): CommandType[] {
  const context = snapshot.context;
  const by = { actorId, role: sender.role };
  const allowed: CommandType[] = [];
  for (const type of BY_ROLE[sender.role]) {
    if (!handledNow(snapshot, type) || forbiddenReason(type, sender, context)) continue;
    for (const payload of COMMAND_RULES[type].probes(context)) {
      // Object.assign, not a spread into a literal, which costs more than the rest of the probe's own work.
      // Probes carry only the command's fields (and a lobby decision's joiner), never `at` or `by`.
      const event = Object.assign({ commandId: PROBE_ID, type, at: 0, by }, payload) as unknown as MeetingEvent;
      if (accepts(snapshot, event)) {
        allowed.push(type);
        break;
      }
    }
  }
  return allowed;
}
