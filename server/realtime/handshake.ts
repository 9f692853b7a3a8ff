// Who is connecting: a link token (participant, remote joiner, display) or the
// facilitator's session cookie with a meetingId, from a client speaking a
// protocol version this server speaks. Anything else is refused with a code
// and a message the person can act on.
import { caseAccess } from '../access.js';
import { findMember, type Member } from '../../shared/meeting/context.js';
import { normaliseName } from '../../shared/names.js';
import { PROTOCOL_VERSIONS, type HandshakeError, type ProtocolVersion } from '../../shared/protocol.js';
import type { Connection, MeetingRuntime } from '../meetings/runtime.js';
import { hashToken, newId, newToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { Sessions } from '../sessions.js';
import type { LinkRecord } from '../store/types.js';
import type { Language } from '../../shared/vocabulary.js';
import { guestLobby, seatedElsewhere } from './guests.js';

/**
 * What a refusal may carry beside its code, into `connect_error`'s `data` (docs/protocol.md):
 * `language`, the link's person's language as the interventionist set it (the room display's for a
 * display link), for a page whose device has no choice of its own; `ended: 'safety-stop'` for a
 * personal link of someone let into a meeting that closed after an emergency stop, so that their
 * screen keeps the crisis guidance. Nothing else: no names, nothing a lobby would not see.
 */
export interface RefusalDetail {
  language?: Language;
  ended?: 'safety-stop';
}

export class HandshakeRefusal extends Error {
  constructor(
    readonly code: HandshakeError,
    message: string,
    readonly detail: RefusalDetail = {},
  ) {
    super(message);
  }
}

export interface Admission {
  runtime: MeetingRuntime;
  conn: Connection;
  linkId: string | null;
  facilitatorId: string | null;
  /** The facilitator's session (its hash), which this connection lives and dies with. */
  sessionHash: string | null;
  /** A guest's own token, sent to them once so that they can come back as themselves. */
  issuedToken: string | null;
}

const INVALID_LINK = 'This link no longer works. Please ask the facilitator for a new one.';
const DENIED = 'The facilitator isn’t able to bring you into this meeting. If you think this is a mistake, please contact them directly.';

/** The protocol versions this server speaks (`auth.protocol`). */
export const SPOKEN_PROTOCOLS: readonly unknown[] = PROTOCOL_VERSIONS;

/**
 * Admit a connection, or throw a HandshakeRefusal saying why not; a store
 * failure rejects with its own error (the transport answers UNAVAILABLE).
 * The admitted connection carries the protocol version it speaks.
 */
export async function admit(services: Services, sessions: Sessions, auth: Record<string, unknown>, cookieHeader: string | undefined): Promise<Admission> {
  // Checked first: a client from another version could misread everything that follows.
  // No version at all is an older client or a script, which speak version 1.
  if (auth.protocol !== undefined && !SPOKEN_PROTOCOLS.includes(auth.protocol)) {
    throw new HandshakeRefusal('PROTOCOL_UNSUPPORTED', 'This screen is from another version of Threshold. Please reload the page, or update the app, and try again.');
  }
  const protocol = (auth.protocol ?? 1) as ProtocolVersion;
  const admission = await admitCredentials(services, sessions, auth, cookieHeader);
  return { ...admission, conn: { ...admission.conn, protocol } };
}

async function admitCredentials(services: Services, sessions: Sessions, auth: Record<string, unknown>, cookieHeader: string | undefined): Promise<Admission> {
  if (typeof auth.token === 'string' && auth.token.length > 0 && auth.token.length <= 200) {
    return admitByLink(services, auth.token, auth.name);
  }
  if (typeof auth.meetingId === 'string' && auth.meetingId.length > 0 && auth.meetingId.length <= 64) {
    return admitFacilitator(services, sessions, auth.meetingId, cookieHeader);
  }
  throw new HandshakeRefusal('CREDENTIALS_REQUIRED', 'Open your meeting link, or sign in as the facilitator and choose a meeting.');
}

async function admitFacilitator(services: Services, sessions: Sessions, meetingId: string, cookieHeader: string | undefined): Promise<Admission> {
  // Reconnecting is not activity (see Sessions.authenticate).
  const alive = await sessions.authenticate(cookieHeader, false);
  // A locked console (issue 13, item 3) may reconnect to a live meeting, to keep Pause and
  // Emergency stop within reach after a network blip; the hub lets it send only those.
  const locked = alive ? undefined : await sessions.lockedOrAlive(cookieHeader);
  const session = alive ?? locked;
  if (!session) throw new HandshakeRefusal('SESSION_INVALID', 'Please sign in as the facilitator again.');
  const { facilitatorId, idHash: sessionHash } = session;
  const runtime = await services.registry.get(meetingId);
  // The meeting's case's owner, or a colleague on the case's staff (issue 16): the same check as HTTP's.
  if (!runtime || !(await caseAccess(services, facilitatorId, runtime.caseId, runtime.facilitatorId))) {
    throw new HandshakeRefusal('MEETING_NOT_FOUND', 'That meeting was not found among yours.');
  }
  const account = await services.store.accounts.getFacilitator(facilitatorId);
  if (!account || account.deactivatedAt !== null) throw new HandshakeRefusal('SESSION_INVALID', 'Please sign in as the facilitator again.');
  if (locked && runtime.phase === 'closed') throw new HandshakeRefusal('SESSION_INVALID', 'Please sign in as the facilitator again.');
  // A rehearsal's console shows reading estimates from the letters from the start (issue 10, section 4).
  if (runtime.context.rehearsal) await runtime.loadTexts();
  // Each console's commands are stamped with its own account, so two colleagues' show apart in the log.
  return { runtime, conn: { role: 'facilitator', accountId: facilitatorId, name: account.name }, linkId: null, facilitatorId, sessionHash, issuedToken: null };
}

async function admitByLink(services: Services, token: string, name: unknown): Promise<Admission> {
  const link = await services.store.links.findByTokenHash(hashToken(token));
  if (!link) throw new HandshakeRefusal('LINK_INVALID', INVALID_LINK);
  try {
    return await admitWithLink(services, link, name);
  } catch (error) {
    // A refused link speaks its person's language, even on a device where nobody chose one (family finding 2).
    if (error instanceof HandshakeRefusal && error.detail.language === undefined) throw await inLinkLanguage(services, link, error);
    throw error;
  }
}

/**
 * `refusal` with the language set for `link`'s person (the room display's for a display link); the
 * shared remote link has none. Read only when refusing; a store failure leaves the refusal as it was.
 */
async function inLinkLanguage(services: Services, link: LinkRecord, refusal: HandshakeRefusal): Promise<HandshakeRefusal> {
  let language: Language | undefined;
  try {
    if (link.kind === 'display') language = (await services.store.meetings.get(link.meetingId))?.displayLanguage ?? 'en';
    else if (link.participantId) language = (await services.store.cases.getParticipant(link.participantId))?.language ?? 'en';
  } catch {
    return refusal;
  }
  return language ? new HandshakeRefusal(refusal.code, refusal.message, { ...refusal.detail, language }) : refusal;
}

/**
 * The refusal for a link of a closed meeting. Someone who was let in (their own link) when it ended
 * in an emergency stop is told so, and their screen shows the crisis guidance again (family finding 1).
 */
function closedRefusal(runtime: MeetingRuntime, link: LinkRecord): HandshakeRefusal {
  const member = link.participantId ? findMember(runtime.context, link.participantId) : undefined;
  const wasIn = member !== undefined && (member.admitted || member.attendance === 'in-room');
  if (runtime.context.outcome?.kind === 'safety-stop' && (link.kind === 'participant' || link.kind === 'guest') && wasIn) {
    return new HandshakeRefusal('LINK_EXPIRED', 'This meeting was stopped for everyone’s safety, and has ended.', { ended: 'safety-stop' });
  }
  return new HandshakeRefusal('LINK_EXPIRED', 'This meeting has ended. Thank you for being there.');
}

async function admitWithLink(services: Services, link: LinkRecord, name: unknown): Promise<Admission> {
  if (link.revokedAt !== null) {
    // A guest's link dies with the refusal; coming back with it is still a refusal, not a broken link.
    await refuseIfDenied(services, link);
    throw new HandshakeRefusal('LINK_INVALID', INVALID_LINK);
  }
  if (services.clock() - link.createdAt > services.config.linkMaxAgeHours * 3_600_000) {
    throw new HandshakeRefusal('LINK_EXPIRED', 'This link has expired. Please ask the facilitator for a new one.');
  }
  const runtime = await services.registry.get(link.meetingId);
  if (!runtime) throw new HandshakeRefusal('MEETING_NOT_FOUND', 'This meeting was not found.');
  // A closed meeting's links open nothing any more: the meeting's record stays with the facilitator.
  if (runtime.phase === 'closed') throw closedRefusal(runtime, link);
  const base = { runtime, linkId: link.id, facilitatorId: null, sessionHash: null, issuedToken: null };
  if (link.kind !== 'display') await runtime.loadTexts();
  if (link.kind === 'display') return { ...base, conn: { role: 'display' } };
  if (link.kind === 'remote') {
    refuseIfLocked(runtime, null);
    return admitGuest(services, runtime, link, name);
  }
  // The meeting's roster holds everyone planned and every admitted guest, so a reconnecting
  // tablet costs no query and no decryption; only a guest still waiting is looked up.
  const member = runtime.context.members.find((m) => m.participantId === link.participantId);
  const person = member
    ? { id: member.participantId, name: member.name, attendance: member.attendance }
    : link.participantId
      ? await services.store.cases.getParticipant(link.participantId)
      : undefined;
  if (!person) throw new HandshakeRefusal('LINK_INVALID', INVALID_LINK);
  // Turned away stays turned away, until the facilitator reissues the link: a link issued after the refusal waits in the lobby again.
  if (member && refusedWith(member, link)) throw new HandshakeRefusal('DENIED', DENIED);
  refuseIfLocked(runtime, person.id);
  return {
    ...base,
    conn: { role: 'participant', participantId: person.id, name: person.name, attendance: person.attendance },
  };
}

/**
 * For a revoked link: refuse DENIED when its person was turned away with it and has not had a link
 * reissued since; once they have, the old one is just a link that no longer works.
 */
async function refuseIfDenied(services: Services, link: LinkRecord): Promise<void> {
  const { participantId } = link;
  if (!participantId || (link.kind !== 'participant' && link.kind !== 'guest')) return;
  const runtime = await services.registry.get(link.meetingId);
  const member = runtime && findMember(runtime.context, participantId);
  if (!member || !refusedWith(member, link)) return;
  const links = await services.store.links.list(link.meetingId);
  const reissued = links.some((l) => l.participantId === participantId && l.revokedAt === null && !refusedWith(member, l));
  if (!reissued) throw new HandshakeRefusal('DENIED', DENIED);
}

/**
 * Whether the person was turned away at the lobby with this link in hand: the link was issued no
 * later than the refusal. A member refused before refusals were timed (no `deniedAt`) stays refused.
 */
function refusedWith(member: Member, link: LinkRecord): boolean {
  return member.denied && (member.deniedAt === undefined || link.createdAt <= member.deniedAt);
}

/** A locked lobby takes nobody new: only people already let in may (re)connect. */
function refuseIfLocked(runtime: MeetingRuntime, participantId: string | null) {
  if (!runtime.context.lobbyLocked) return;
  const member = participantId ? runtime.context.members.find((m) => m.participantId === participantId) : undefined;
  const admitted = member ? member.admitted || member.attendance === 'in-room' : false;
  if (!admitted) throw new HandshakeRefusal('LOBBY_LOCKED', 'The facilitator is not letting anyone new in right now.');
}

/** Someone opening the shared remote link becomes a guest with a link of their own, then waits in the lobby. */
async function admitGuest(services: Services, runtime: MeetingRuntime, parent: LinkRecord, name: unknown): Promise<Admission> {
  if (runtime.phase === 'outcome' || runtime.phase === 'closed') {
    throw new HandshakeRefusal('MEETING_NOT_FOUND', 'This meeting has ended.');
  }
  const checked = normaliseName(name);
  if (!checked.ok) throw nameRefusal(checked.reason);
  const guestName = checked.name;
  const now = services.clock();
  const participantId = newId();
  // Counted before the write, which yields: a handshake arriving meanwhile sees this guest already.
  // With several processes the meeting's owner counts, for the guests of every process (issue 17).
  const seat = seatedElsewhere(runtime)
    ? await runtime.seatGuest(parent.id, participantId, now)
    : guestLobby(services).seat(runtime, parent.id, participantId, now);
  if (seat === 'LOBBY_FULL') {
    throw new HandshakeRefusal('LOBBY_FULL', 'The waiting room is full just now. Please try again in a few minutes, or contact the facilitator.');
  }
  if (seat === 'RATE_LIMITED') {
    throw new HandshakeRefusal('RATE_LIMITED', 'Many people are joining right now. Please try again in a minute.');
  }
  // Nobody owns the meeting this moment (issue 17): it is being taken over; the same words as any unchecked connection.
  if (seat === 'UNAVAILABLE') throw new HandshakeRefusal('UNAVAILABLE', 'The server could not check this connection; please try again.');
  const token = newToken();
  const linkId = newId();
  // One transaction: a guest is never half-made (a person without a link, or a link without its audit entry).
  await services.store.transaction(async (tx) => {
    await tx.cases.createParticipant({
      id: participantId, caseId: runtime.caseId, meetingId: runtime.id, name: guestName, relationship: '',
      attendance: 'guest', letter: null, bottomLine: null, createdAt: now,
    });
    await tx.links.create({
      id: linkId, meetingId: runtime.id, kind: 'guest', participantId, tokenHash: hashToken(token),
      parentLinkId: parent.id, createdAt: now, revokedAt: null,
    });
    await tx.audit.append({
      at: now, actorRole: 'participant', actorId: participantId, action: 'link.issued',
      meetingId: runtime.id, subjectId: linkId, detail: { kind: 'guest', through: parent.id },
    });
  });
  return {
    runtime,
    conn: { role: 'participant', participantId, name: guestName, attendance: 'guest' },
    linkId,
    facilitatorId: null,
    sessionHash: null,
    issuedToken: token,
  };
}

function nameRefusal(reason: 'empty' | 'too-long' | 'reserved'): HandshakeRefusal {
  if (reason === 'reserved') {
    return new HandshakeRefusal('NAME_RESERVED', 'That name is kept for the people running the meeting. Please tell us your own name.');
  }
  if (reason === 'too-long') return new HandshakeRefusal('NAME_REQUIRED', 'Please shorten your name to 100 characters or fewer.');
  return new HandshakeRefusal('NAME_REQUIRED', 'Please tell us your name so the facilitator knows who is joining.');
}
