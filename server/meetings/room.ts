// Who is in a live meeting's room: the devices connected per participant,
// the displays, who has been seen, who waits in the lobby, and the letters and
// bottom lines that only each participant's own view carries.
import type { LiveRoom, LobbyEntry, PrivateTexts } from '../../shared/meeting/view.js';
import type { Sender } from '../../shared/meeting/permissions.js';
import type { Joiner } from '../../shared/protocol.js';
import type { Language, MemberAttendance, ProtocolVersion } from '../../shared/vocabulary.js';
import type { Cases } from '../store/types.js';
import type { CurrentMeeting } from './current.js';

/** Who is on the other end of one connection. */
export interface Connection extends Sender {
  /** For participants: their name (a guest's comes from the join form). */
  name?: string;
  attendance?: MemberAttendance;
  /** The protocol version this connection speaks (`auth.protocol`); absent: 1. */
  protocol?: ProtocolVersion;
}

/** The protocol version `conn` speaks. */
export function protocolOf(conn: Connection): ProtocolVersion {
  return conn.protocol ?? 1;
}

interface Present {
  /** Devices connected as this participant. */
  count: number;
  /** Of those, the devices speaking protocol v2 (the rest speak v1). */
  v2: number;
  name: string;
  attendance: MemberAttendance;
}

const NO_TEXTS: PrivateTexts = { letter: null, bottomLine: null };

/** How long a dropped member shows `away` when the runtime is given no grace (PRESENCE_GRACE_SECONDS' default). */
export const PRESENCE_GRACE_MS = 60_000;

/** When `away` turns into `left`: the grace, and whom to tell once it has passed. */
export interface PresenceGrace {
  ms: number;
  /** Called once a member's grace has passed with no device back, so the facilitator's view is refreshed. */
  passed: () => void;
}

export class Room {
  private readonly present = new Map<string, Present>();
  private readonly seen = new Set<string>();
  /** Members whose last device dropped, with the timer that ends their grace (then they are `left`). */
  private readonly dropped = new Map<string, ReturnType<typeof setTimeout> | 'left'>();
  private displayCount = 0;
  private displaysOnV2 = 0;
  /** Letters and bottom lines, read when the first participant connects (see loadTexts). */
  private texts: Map<string, PrivateTexts> | null = null;
  private textsLoading: Promise<void> | null = null;

  /**
   * `restored`: the meeting was open when this process started, so people may
   * have joined it under an earlier process; presence is held in memory only,
   * so those not seen since show `not-back`, never `never-joined` (issue 12,
   * case 20).
   */
  constructor(
    private readonly meeting: CurrentMeeting,
    private readonly store: Pick<Cases, 'listMeetingTexts'>,
    private readonly restored = false,
    private readonly grace: PresenceGrace = { ms: PRESENCE_GRACE_MS, passed: () => undefined },
  ) {}

  /**
   * Read the participants' letters and bottom lines, once. Only a participant's
   * own view carries them, so a meeting nobody has joined since the server
   * started does not hold or decrypt them: after a restart the server listens
   * again sooner, and an idle meeting costs less memory. The handshake awaits
   * this before a participant attaches. Rejects with the store's error, and a
   * later call tries again.
   */
  loadTexts(): Promise<void> {
    this.textsLoading ??= this.store.listMeetingTexts(this.meeting.id, this.meeting.caseId).then(
      (texts) => {
        this.texts = texts;
      },
      (error: unknown) => {
        this.textsLoading = null;
        throw error;
      },
    );
    return this.textsLoading;
  }

  /** Count a connection in. Throws for a participant before loadTexts: their first view would lack their letter. */
  enter(conn: Connection): void {
    if (conn.role === 'participant' && !this.texts) throw new Error('attach: the meeting\'s texts are not loaded');
    const v2 = protocolOf(conn) === 2 ? 1 : 0;
    if (conn.role === 'display') {
      this.displayCount += 1;
      this.displaysOnV2 += v2;
    }
    if (conn.role === 'participant' && conn.participantId) {
      const here = this.present.get(conn.participantId);
      if (here) {
        here.count += 1;
        here.v2 += v2;
      } else this.present.set(conn.participantId, { count: 1, v2, name: conn.name ?? '', attendance: conn.attendance ?? 'in-room' });
      this.seen.add(conn.participantId);
      this.forgetDrop(conn.participantId);
    }
  }

  /** Count a connection out; a participant is away once their last device leaves. */
  leave(conn: Connection): void {
    const v2 = protocolOf(conn) === 2 ? 1 : 0;
    if (conn.role === 'display') {
      this.displayCount = Math.max(0, this.displayCount - 1);
      this.displaysOnV2 = Math.max(0, this.displaysOnV2 - v2);
    }
    if (conn.role === 'participant' && conn.participantId) {
      const here = this.present.get(conn.participantId);
      if (here) here.v2 = Math.max(0, here.v2 - v2);
      if (here && --here.count <= 0) {
        this.present.delete(conn.participantId);
        this.startGrace(conn.participantId);
      }
    }
  }

  /** Stop every grace timer (the meeting is no longer held here). */
  close(): void {
    for (const id of [...this.dropped.keys()]) this.forgetDrop(id);
  }

  /**
   * The last device of `participantId` dropped: `away` while a reconnect is plausible, `left` once
   * the grace has passed. Socket.IO reports a closed tab and a lost network alike ("transport
   * close"), so only time tells them apart; each departure starts the grace afresh.
   */
  private startGrace(participantId: string): void {
    this.forgetDrop(participantId);
    const timer = setTimeout(() => {
      if (this.present.has(participantId)) return;
      this.dropped.set(participantId, 'left');
      this.grace.passed();
    }, this.grace.ms);
    timer.unref?.();
    this.dropped.set(participantId, timer);
  }

  private forgetDrop(participantId: string): void {
    const entry = this.dropped.get(participantId);
    if (entry !== undefined && entry !== 'left') clearTimeout(entry);
    this.dropped.delete(participantId);
  }

  /** Displays connected, whatever protocol they speak. */
  get displays(): number {
    return this.displayCount;
  }

  /** Displays connected that speak protocol `version`. */
  displaysOn(version: ProtocolVersion): number {
    return version === 2 ? this.displaysOnV2 : this.displayCount - this.displaysOnV2;
  }

  /** Whether this participant has a device connected that speaks protocol `version`. */
  speaks(participantId: string, version: ProtocolVersion): boolean {
    const here = this.present.get(participantId);
    if (!here) return false;
    return version === 2 ? here.v2 > 0 : here.count > here.v2;
  }

  /** Participants with at least one device connected. */
  participantsPresent(): IterableIterator<string> {
    return this.present.keys();
  }

  nameOf(participantId: string): string {
    return this.present.get(participantId)?.name ?? '';
  }

  textsOf(participantId: string): PrivateTexts {
    return this.texts?.get(participantId) ?? NO_TEXTS;
  }

  /** A participant's language changed (issue 15): kept with their texts, if read already (else read with them later). */
  setLanguage(participantId: string, language: Language): void {
    const entry = this.texts?.get(participantId);
    if (!entry) return;
    const { language: _old, ...rest } = entry;
    this.texts!.set(participantId, language === 'en' ? rest : { ...rest, language });
  }

  /** Someone connected right now and waiting for the facilitator's decision, or null. */
  waiting(participantId: string): Joiner | null {
    const here = this.present.get(participantId);
    const member = this.meeting.context.members.find((m) => m.participantId === participantId);
    if (!here || here.attendance === 'in-room' || member?.admitted) return null;
    return { name: here.name, attendance: here.attendance };
  }

  /** Presence, lobby and displays, as the facilitator's view shows them. */
  presence(): LiveRoom {
    const presence = new Map<string, 'connected' | 'away' | 'left'>();
    for (const id of this.seen) presence.set(id, this.present.has(id) ? 'connected' : this.dropped.get(id) === 'left' ? 'left' : 'away');
    return { presence, unseen: this.restored ? 'not-back' : 'never-joined', lobby: this.lobby(), displaysConnected: this.displayCount };
  }

  private lobby(): LobbyEntry[] {
    const entries: LobbyEntry[] = [];
    for (const [participantId, here] of this.present) {
      const joiner = this.waiting(participantId);
      if (joiner) entries.push({ participantId, name: joiner.name, attendance: here.attendance === 'guest' ? 'guest' : 'remote' });
    }
    return entries;
  }
}
