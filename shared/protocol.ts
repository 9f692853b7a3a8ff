// Protocol v1: the contract between the server and every client (our Svelte
// views, a native tablet app, a script). docs/protocol.md describes it for
// people; this file is the source the server validates against.
import { z } from 'zod';

export {
  ATTENDANCE,
  ERROR_CODES,
  EVENTS,
  GUEST_JOINS_PER_MINUTE,
  HANDSHAKE_ERRORS,
  LIMITS,
  LINK_KINDS,
  LOBBY_CAPACITY,
  MEMBER_ATTENDANCE,
  OFFER_RESPONSES,
  OUTCOMES,
  PAUSE_REASONS,
  PROTOCOL_VERSION,
  PROTOCOL_VERSIONS,
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
  ProtocolVersion,
  Role,
  SignalKind,
} from './vocabulary.js';
import { COMMAND_RULES, type CommandRules, type CommandType, type Joiner, type PlaceStamp } from './meeting/commands.js';
import { LIMITS, type ErrorCode, type Role } from './vocabulary.js';

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

type SchemaOf<K extends CommandType> = CommandRules[K]['staleness'] extends 'revisioned'
  ? ReturnType<typeof revisioned<K, CommandRules[K]['payload']>>
  : ReturnType<typeof unrevisioned<K, CommandRules[K]['payload']>>;

/** Each command's full schema, built from its entry in the rules table (shared/meeting/commands.ts). */
export const commandSchemas = Object.fromEntries(
  Object.entries(COMMAND_RULES).map(([type, rule]) => [
    type,
    rule.staleness === 'revisioned' ? revisioned(type, rule.payload) : unrevisioned(type, rule.payload),
  ]),
) as { [K in CommandType]: SchemaOf<K> };

export type { CommandType, Joiner, PlaceStamp };
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
export type MeetingEvent = Stamped<Command> & { joiner?: Joiner } & PlaceStamp;
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
  | { ok: false; error: AckError; revision: number };

/**
 * A refused command's error. `message`: English words for people (v1 scripts and the console show
 * it). `reason`: on FORBIDDEN and NOT_ALLOWED, a stable key for the refusal (issue 15; see
 * `notAllowedRefusal` and `forbiddenRefusal`), so a page in another language can word it.
 */
export interface AckError {
  code: ErrorCode;
  message: string;
  reason?: string;
}

