// A meeting another process owns, as this process's connections see it
// (issue 17): what it was when the connection arrived (for the handshake's
// checks), with every command and every arrival or departure passed to the
// owner. The views come from the owner, through the adapter's rooms.
import type { MeetingSnapshot } from '../../shared/meeting/agenda.js';
import type { Sender } from '../../shared/meeting/permissions.js';
import type { Ack } from '../../shared/protocol.js';
import { MeetingRuntime, type Connection, type RuntimeDeps } from '../meetings/runtime.js';
import type { Seat } from '../realtime/guests.js';
import type { MeetingRecord } from '../store/types.js';

/** What a stand-in asks of the cluster. */
export interface Forwarder {
  /** The owner's answer to the command, or UNAVAILABLE (at `revision`, the last one seen here) when no owner answered. Never rejects. */
  command(meetingId: string, raw: unknown, sender: Sender, revision: number): Promise<Ack>;
  /** Tell the owner that a connection here arrived or left. */
  presence(meetingId: string, change: 'attach' | 'detach', conn: Connection): void;
  /** The owner's answer to a guest asking for a place in the lobby (GuestLobby.seat there), or UNAVAILABLE. Never rejects. */
  seat(meetingId: string, linkId: string, participantId: string, now: number): Promise<Seat>;
}

export class RemoteMeeting extends MeetingRuntime {
  constructor(
    record: MeetingRecord,
    snapshot: MeetingSnapshot,
    deps: RuntimeDeps,
    private readonly forwarder: Forwarder,
  ) {
    super(record, snapshot, deps, true);
  }

  /** Applied by the owner: same Ack, same repeat rules (the owner's pipeline answers). */
  override handle(raw: unknown, sender: Sender): Promise<Ack> {
    return this.forwarder.command(this.id, raw, sender, this.revisionFor(sender));
  }

  /** The owner holds the texts and builds every view. */
  override loadTexts(): Promise<void> {
    return Promise.resolve();
  }

  /** The owner counts the lobby, with every process's guests in it (issue 17). */
  seatGuest(linkId: string, participantId: string, now: number): Promise<Seat> {
    return this.forwarder.seat(this.id, linkId, participantId, now);
  }

  override attach(conn: Connection): void {
    this.forwarder.presence(this.id, 'attach', conn);
  }

  override detach(conn: Connection): void {
    this.forwarder.presence(this.id, 'detach', conn);
  }

  /** Nothing is written here. */
  override drain(): Promise<void> {
    return Promise.resolve();
  }
}
