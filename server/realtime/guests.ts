// What keeps the shared remote link from minting guests without limit (issue
// 12, case 2): how many guests each shared link may mint per minute, and the
// forgetting of guests who leave the lobby before anyone decides on them.
// One per server, kept beside its Services.
import { findMember } from '../../shared/meeting/context.js';
import { GUEST_JOINS_PER_MINUTE, LOBBY_CAPACITY } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { MeetingRuntime } from '../meetings/runtime.js';
import type { Services } from '../services.js';

const MINUTE_MS = 60_000;
/** A minted guest whose connection has not arrived by then never will (the handshake failed after the write). */
const ARRIVAL_MS = 10_000;

/** The answer to a guest asking for a place in the lobby: in, or why not; UNAVAILABLE when nobody owns the meeting just now (issue 17). */
export type Seat = 'ok' | 'LOBBY_FULL' | 'RATE_LIMITED' | 'UNAVAILABLE';

/**
 * A meeting another process owns (server/cluster/remote.ts): its lobby is
 * counted there, by the owner, which sees every process's guests (issue 17).
 */
export interface SeatedElsewhere {
  seatGuest(linkId: string, participantId: string, now: number): Promise<Seat>;
}

/** Whether `runtime` is a stand-in whose lobby its owner counts. */
export function seatedElsewhere(runtime: MeetingRuntime): runtime is MeetingRuntime & SeatedElsewhere {
  return typeof (runtime as Partial<SeatedElsewhere>).seatGuest === 'function';
}

export class GuestLobby {
  /** Per shared remote link, when its guests of the last minute were minted (ms, oldest first). */
  private readonly joins = new Map<string, number[]>();
  private readonly departures = new Map<string, NodeJS.Timeout>();
  /** Per meeting, guests minted whose connection is not in the room yet, and since when (ms). */
  private readonly arriving = new Map<string, Map<string, number>>();
  private closed = false;

  constructor(private readonly services: Services) {}

  /**
   * Whether the shared link `linkId` may mint one more guest at `now` (ms), counting it if so:
   * at most GUEST_JOINS_PER_MINUTE in any sliding minute. A reissued shared link has a new id, so
   * the facilitator can always start afresh.
   */
  mayJoin(linkId: string, now: number): boolean {
    const recent = (this.joins.get(linkId) ?? []).filter((at) => now - at < MINUTE_MS);
    const allowed = recent.length < GUEST_JOINS_PER_MINUTE;
    if (allowed) recent.push(now);
    if (recent.length > 0) this.joins.set(linkId, recent);
    else this.joins.delete(linkId);
    return allowed;
  }

  /**
   * How many people count toward the lobby's capacity at `now` (ms): those waiting, plus guests
   * minted by handshakes still between their write and their connection. Without the second,
   * simultaneous handshakes would all see the same lobby and all pass.
   */
  lobbyCount(runtime: MeetingRuntime, now: number): number {
    const pending = this.arriving.get(runtime.id);
    if (pending) {
      for (const [id, since] of pending) if (runtime.isPresent(id) || now - since > ARRIVAL_MS) pending.delete(id);
      if (pending.size === 0) this.arriving.delete(runtime.id);
    }
    return runtime.lobbySize() + (pending?.size ?? 0);
  }

  /**
   * A place in the lobby of `runtime` for guest `participantId` minted through the shared link
   * `linkId` at `now` (ms), in one step with no yield, so that simultaneous handshakes each see the
   * others: refused LOBBY_FULL at LOBBY_CAPACITY (checked before the rate, so that a full lobby does
   * not use up the link's joins for the minute), RATE_LIMITED past GUEST_JOINS_PER_MINUTE; else the
   * guest counts toward the lobby from now until they arrive. With several processes only the
   * meeting's owner answers this (issue 17).
   */
  seat(runtime: MeetingRuntime, linkId: string, participantId: string, now: number): Seat {
    if (this.lobbyCount(runtime, now) >= LOBBY_CAPACITY) return 'LOBBY_FULL';
    if (!this.mayJoin(linkId, now)) return 'RATE_LIMITED';
    this.minted(runtime.id, participantId, now);
    return 'ok';
  }

  /** A guest was minted for this meeting at `now` (ms); they count toward the lobby until they arrive. */
  minted(meetingId: string, participantId: string, now: number): void {
    const pending = this.arriving.get(meetingId) ?? new Map<string, number>();
    pending.set(participantId, now);
    this.arriving.set(meetingId, pending);
  }

  /**
   * A guest's device left the meeting. If, after the grace period (GUEST_LOBBY_GRACE_SECONDS, for
   * a phone that drops and comes straight back), they are still away and nobody has decided on
   * them, they are forgotten: their participant row (which holds their sealed name) and their
   * link are deleted in one transaction, and the link's token opens nothing. Their `link.issued`
   * audit entry stays: it holds no name, and the audit log is append-only. A store failure is
   * logged (no name in it) and the guest stays until they come and go again.
   */
  left(meetingId: string, participantId: string, log: Logger): void {
    if (this.closed) return;
    // Each departure starts the grace period afresh.
    clearTimeout(this.departures.get(participantId));
    const timer = setTimeout(() => {
      this.departures.delete(participantId);
      this.forget(meetingId, participantId).catch((error: unknown) => {
        log.error({ meetingId, err: error instanceof Error ? error.message : 'unknown error' }, 'guest who left the lobby not forgotten');
      });
    }, this.services.config.guestLobbyGraceSeconds * 1000);
    timer.unref();
    this.departures.set(participantId, timer);
  }

  /**
   * After a start nobody is connected yet, so every guest still undecided in a live meeting is
   * away: each gets the grace period to come back, as if they had just left. Without this, a guest
   * waiting when the server stopped would be kept for good if they never returned.
   */
  async afterStart(log: Logger): Promise<void> {
    const { store, registry } = this.services;
    for (const record of await store.meetings.listUnclosed()) {
      const runtime = registry.peek(record.id);
      if (!runtime) continue;
      for (const link of await store.links.list(record.id)) {
        const guestId = link.kind === 'guest' ? link.participantId : null;
        if (guestId && !findMember(runtime.context, guestId)) this.left(record.id, guestId, log);
      }
    }
  }

  /** Stop the pending departures (the server is closing; the store goes next). */
  close(): void {
    this.closed = true;
    for (const timer of this.departures.values()) clearTimeout(timer);
    this.departures.clear();
  }

  private async forget(meetingId: string, participantId: string): Promise<void> {
    const runtime = this.services.registry.peek(meetingId);
    const undecidedAndAway = () => !!runtime && !runtime.isPresent(participantId) && !findMember(runtime.context, participantId);
    if (this.closed || !undecidedAndAway()) return;
    const { store } = this.services;
    const links = (await store.links.list(meetingId)).filter((l) => l.kind === 'guest' && l.participantId === participantId);
    // Looked at again: they may have come back, or been decided on, while the links were read.
    if (this.closed || !undecidedAndAway()) return;
    const ids = links.map((l) => l.id);
    await store.transaction(async (tx) => {
      await tx.links.remove(ids);
      await tx.cases.removeGuest(participantId);
    });
    for (const id of ids) this.services.realtime.disconnectLink(id);
  }
}

const lobbies = new WeakMap<Services, GuestLobby>();

/** The GuestLobby of the server whose Services these are, made on first use. */
export function guestLobby(services: Services): GuestLobby {
  let lobby = lobbies.get(services);
  if (!lobby) {
    lobby = new GuestLobby(services);
    lobbies.set(services, lobby);
  }
  return lobby;
}
