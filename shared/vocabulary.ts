// The protocol's words and limits, with no dependency: the clients import
// these without pulling the schemas (and zod) into a tablet's bundle.
// shared/protocol.ts re-exports everything here.

/**
 * The protocol versions this server speaks (`auth.protocol` at the handshake; none at all is 1).
 * v1 sends each connection its whole view (`meeting:state`); v2 sends the public agenda once per
 * change to the whole meeting and each private part only to its person, when it changes (issue 14).
 */
export const PROTOCOL_VERSIONS = [1, 2] as const;
export type ProtocolVersion = (typeof PROTOCOL_VERSIONS)[number];
/** The newest version, which the bundled clients speak. */
export const PROTOCOL_VERSION = 2;

export const EVENTS = {
  /** v1, server → client: this connection's whole view. */
  state: 'meeting:state',
  /** v2, server → client: the public agenda, once per change to everyone let in, the displays and the facilitator. */
  agenda: 'meeting:agenda',
  /** v2, server → participant: their own part, on connect and when it differs from the last they received. */
  you: 'meeting:you',
  /** v2, server → facilitator: the facilitator's part (members and presence, lobby, signals, pauses, offers…). */
  facilitator: 'meeting:facilitator',
  command: 'meeting:command',
  credential: 'meeting:credential',
  /** Console → server: someone is at the keyboard (keeps the facilitator's session from idling out). */
  activity: 'session:activity',
  /** Server → console, just before its connection closes: the session ended (`reason: "signed-out"`). */
  sessionEnded: 'session:ended',
  /** Server → tablet or display, just before its connection closes: its link was opened on more screens than it holds (`reason: "opened-elsewhere"`). */
  connectionReplaced: 'connection:replaced',
  /** Server → every screen on a link, when one opens or closes: how many screens hold it now (`{devices}`; issue 13, item 8). */
  linkDevices: 'link:devices',
  /** Server → the meeting's consoles, when one opens or closes: which colleagues have it open (`{consoles: [{accountId, name, screens}]}`; issue 16). */
  consoles: 'meeting:consoles',
} as const;

export const ROLES = ['facilitator', 'participant', 'display'] as const;
export type Role = (typeof ROLES)[number];

export const ERROR_CODES = ['INVALID', 'FORBIDDEN', 'STALE', 'NOT_ALLOWED', 'UNAVAILABLE', 'RATE_LIMITED'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const PAUSE_REASONS = ['outburst', 'conflict', 'left-room', 'needs-a-moment', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const OFFER_RESPONSES = ['accepted', 'declined', 'conditional'] as const;
export type OfferResponse = (typeof OFFER_RESPONSES)[number];

export const OUTCOMES = ['accepted', 'declined', 'deferred', 'walked-out', 'safety-stop'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SIGNAL_KINDS = ['need-a-moment', 'want-to-speak'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Where a planned participant takes part from. */
export const ATTENDANCE = ['in-room', 'remote'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
/** Where a member of a meeting takes part from: planned, or a guest who came in through the shared remote link. */
export const MEMBER_ATTENDANCE = [...ATTENDANCE, 'guest'] as const;
export type MemberAttendance = (typeof MEMBER_ATTENDANCE)[number];

/** The languages a family member's screens speak (issue 15); the console stays English. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
/** True for one of LANGUAGES. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A personal tablet link, the shared remote link, the room display's, and a guest's own. */
export const LINK_KINDS = ['participant', 'remote', 'display', 'guest'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LIMITS = {
  id: 64,
  commandId: 100,
  name: 100,
  relationship: 100,
  note: 2000,
  letter: 20000,
  bottomLine: 5000,
  extendSeconds: 3600,
  turnSeconds: { min: 30, max: 3600 },
  speakers: 50,
  /** A meeting's video link, in characters. */
  callLink: 500,
} as const;

/** At most this many people wait in a meeting's lobby; the next guest is refused LOBBY_FULL. */
export const LOBBY_CAPACITY = 20;
/** Guests the shared remote link mints per minute at most; more are refused RATE_LIMITED. */
export const GUEST_JOINS_PER_MINUTE = 10;

/** Why a handshake was refused; carried in `connect_error`'s `data.code`. */
export const HANDSHAKE_ERRORS = [
  'CREDENTIALS_REQUIRED',
  'LINK_INVALID',
  'LINK_EXPIRED',
  'SESSION_INVALID',
  'MEETING_NOT_FOUND',
  /** A guest's name was empty once cleaned, or too long (shared/names.ts). */
  'NAME_REQUIRED',
  /** A guest's name passes for the facilitator or the software ("Facilitator", "Host"…). */
  'NAME_RESERVED',
  'LOBBY_LOCKED',
  /** The lobby holds as many people waiting as it takes (LOBBY_CAPACITY); trying again later may work. */
  'LOBBY_FULL',
  /** The shared remote link was opened too often in the last minute (GUEST_JOINS_PER_MINUTE). */
  'RATE_LIMITED',
  /** The facilitator turned this person away at the lobby; refused until their link is reissued. */
  'DENIED',
  /** The client speaks a protocol version this server does not (`auth.protocol`). */
  'PROTOCOL_UNSUPPORTED',
  /** The server could not check the connection (a store failure); trying again may work. */
  'UNAVAILABLE',
] as const;
export type HandshakeError = (typeof HANDSHAKE_ERRORS)[number];
