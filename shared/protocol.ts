// Protocol v1: the contract between the server and every client (our Svelte
// views, a native tablet app, a script). docs/protocol.md describes it for
// people; this file is the source the server validates against.
import { z } from 'zod';

export {
  ATTENDANCE,
  ERROR_CODES,
  EVENTS,
  HANDSHAKE_ERRORS,
  LIMITS,
  LINK_KINDS,
  MEMBER_ATTENDANCE,
  OFFER_RESPONSES,
  OUTCOMES,
  PAUSE_REASONS,
  PROTOCOL_VERSION,
  ROLES,
  SIGNAL_KINDS,
} from './vocabulary.js';
export type {
  Attendance,
  ErrorCode,
  HandshakeError,
  LinkKind,
  MemberAttendance,
  OfferResponse,
  Outcome,
  PauseReason,
  Role,
  SignalKind,
} from './vocabulary.js';
import { LIMITS, OFFER_RESPONSES, OUTCOMES, PAUSE_REASONS, SIGNAL_KINDS, type ErrorCode, type MemberAttendance, type Role } from './vocabulary.js';

const participantId = z.string().min(1).max(LIMITS.id);
const note = z.string().max(LIMITS.note);
const revision = z.number().int().nonnegative();
const commandId = z.string().min(1).max(LIMITS.commandId);

/** A command whose outcome depends on the agenda, so it must name the revision it was decided on. */
function revisioned<K extends string, T extends z.ZodRawShape>(type: K, shape: T) {
  return z.strictObject({ commandId, expectedRevision: revision, type: z.literal(type), ...shape });
}
/** A command that can never be stale: it does not depend on what the sender saw. */
function unrevisioned<K extends string, T extends z.ZodRawShape>(type: K, shape: T) {
  return z.strictObject({ commandId, expectedRevision: revision.optional(), type: z.literal(type), ...shape });
}

export const commandSchemas = {
  'meeting.start': revisioned('meeting.start', {}),
  'turns.begin': revisioned('turns.begin', {}),
  'turn.next': revisioned('turn.next', {}),
  'turn.skip': revisioned('turn.skip', {}),
  'turn.call': revisioned('turn.call', { participantId }),
  'order.set': revisioned('order.set', {
    participantIds: z.array(participantId).max(LIMITS.speakers),
  }),
  'turn.extend': revisioned('turn.extend', {
    seconds: z.number().int().min(1).max(LIMITS.extendSeconds),
  }),
  'turn.done': revisioned('turn.done', {}),
  'pause.start': revisioned('pause.start', { reason: z.enum(PAUSE_REASONS) }),
  'pause.end': revisioned('pause.end', {}),
  'offer.present': revisioned('offer.present', {}),
  'offer.respond': revisioned('offer.respond', {
    response: z.enum(OFFER_RESPONSES),
    note: note.optional(),
  }),
  'bottomLines.begin': revisioned('bottomLines.begin', {}),
  'meeting.end': revisioned('meeting.end', {
    outcome: z.enum(OUTCOMES),
    note: note.optional(),
    /** For `deferred`: the date the person agreed to decide by (YYYY-MM-DD). */
    decideBy: z.iso.date().optional(),
  }),
  'meeting.close': revisioned('meeting.close', {}),
  'emergency.stop': revisioned('emergency.stop', {}),
  'lobby.admit': revisioned('lobby.admit', { participantId }),
  'lobby.deny': revisioned('lobby.deny', { participantId }),
  /** Send an admitted remote participant or guest back to the lobby. */
  'lobby.return': revisioned('lobby.return', { participantId }),
  'lobby.lock': revisioned('lobby.lock', {}),
  'lobby.unlock': revisioned('lobby.unlock', {}),
  'signals.clear': revisioned('signals.clear', { signalId: z.string().min(1).max(LIMITS.commandId).optional() }),
  'participant.ready': unrevisioned('participant.ready', {}),
  'signal.send': unrevisioned('signal.send', { kind: z.enum(SIGNAL_KINDS) }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];
export type Command = { [K in CommandType]: z.infer<(typeof commandSchemas)[K]> }[CommandType];
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;

/** Who sent a command, stamped by the server. */
export interface Actor {
  actorId: string;
  role: Role;
}

/** A command as the machine receives it: the server adds the time and the author. */
export type Stamped<C> = C & { at: number; by: Actor };
/**
 * The server names the person a lobby decision is about, so that the machine's
 * roster is complete on replay even for a guest it has never seen.
 */
export interface Joiner {
  name: string;
  attendance: Exclude<MemberAttendance, 'in-room'>;
}
export type MeetingEvent = Stamped<Command> & { joiner?: Joiner };
export type LobbyEvent = Extract<MeetingEvent, { type: 'lobby.admit' | 'lobby.deny' }>;

export type ParseResult = { ok: true; command: Command } | { ok: false; message: string };

/** Validate a raw `meeting:command` payload. Messages name the offending field. */
export function parseCommand(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'A command must be a JSON object' };
  }
  const type = (raw as Record<string, unknown>).type;
  // hasOwn, not `in`: "constructor" or "__proto__" must be unknown types, not Object.prototype's members.
  if (typeof type !== 'string' || !Object.hasOwn(commandSchemas, type)) {
    return { ok: false, message: `type: unknown command type ${JSON.stringify(type ?? null).slice(0, 60)}` };
  }
  const result = commandSchemas[type as CommandType].safeParse(raw);
  if (!result.success) return { ok: false, message: describeIssues(result.error) };
  return { ok: true, command: result.data as Command };
}

/** "field: problem" for the first few issues, for people and for logs (never echoes values). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      const path = issue.path.length ? issue.path.join('.') : 'body';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

export type Ack =
  | { ok: true; revision: number }
  | { ok: false; error: { code: ErrorCode; message: string }; revision: number };


export const joinNameSchema = z.string().trim().min(1).max(LIMITS.name);
