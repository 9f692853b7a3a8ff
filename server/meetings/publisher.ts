// Which views go to whom in one live meeting: after a command every audience
// present gets its fresh view; when someone comes or goes, the newcomer gets
// their first view and the facilitator a refreshed one. A view costs a
// projection and an encoding, so none is built for an audience nobody is in.
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { readingSecondsOf } from '../../shared/meeting/reading.js';
import type { MeetingSnapshot } from '../../shared/meeting/agenda.js';
import type { Sender } from '../../shared/meeting/permissions.js';
import {
  displayView,
  facilitatorView,
  participantView,
  publicAgenda,
  type MeetingState,
  type MeetingView,
  type PublicAgenda,
} from '../../shared/meeting/view.js';
import type { CommandType } from '../../shared/protocol.js';
import type { CurrentMeeting } from './current.js';
import type { Connection, Room } from './room.js';

export type Audience = { kind: 'facilitator' } | { kind: 'display' } | { kind: 'participant'; participantId: string };
const FACILITATOR: Audience = { kind: 'facilitator' };
const DISPLAY: Audience = { kind: 'display' };

export interface Delivery {
  audience: Audience;
  view: MeetingView;
}

/** How the runtime reaches the people in a meeting; Socket.IO implements it (server/realtime/hub.ts). */
export interface MeetingTransport {
  deliver(meetingId: string, deliveries: Delivery[]): void;
  /** Whether anyone is connected as this audience: nobody there, no view to build. */
  listening(meetingId: string, audience: Audience): boolean;
  /** Disconnect a person's connections, after their final view has been delivered. */
  dismiss(meetingId: string, participantId: string): void;
}

export class Publisher {
  private facilitatorRefresh: NodeJS.Immediate | null = null;
  /**
   * People present whose latest view was a lobby ("waiting") view. That view never changes while
   * they wait, so they get no other until it does: admitted, denied, or back after leaving.
   */
  private waitingShown = new Set<string>();
  /**
   * The call details the lobby was last shown (issue 13, item 18), as a key: the one part of a lobby
   * view that may change while people wait, and only when the facilitator changes it.
   */
  private lobbyCallShown = '';
  /** What each sender may do in `snapshot`: presence changes republish every view with the same snapshot. */
  private allowedMemo: { snapshot: MeetingSnapshot; bySender: Map<string, CommandType[]> } | null = null;

  constructor(
    private readonly meeting: CurrentMeeting,
    private readonly room: Room,
    private readonly transport: MeetingTransport,
    private readonly clock: () => number,
  ) {}

  /** The view one connection should see now. */
  viewFor(conn: Connection): MeetingView {
    const state = this.meeting.state();
    const agenda = publicAgenda(state, this.clock());
    if (conn.role === 'facilitator') return this.facilitatorViewOf(state, agenda);
    if (conn.role === 'display') return displayView(agenda, this.meeting.displayLanguage);
    return this.participantViewOf(state, agenda, conn.participantId!);
  }

  /**
   * After a command: every audience present gets its fresh view; `deniedId` gets a final "denied"
   * one. Someone still waiting in the lobby, who was already shown so, gets nothing (issue 12,
   * case 8): an identical view after every command would tell them the meeting is moving.
   */
  publish(deniedId?: string): void {
    const state = this.meeting.state();
    const agenda = publicAgenda(state, this.clock());
    const deliveries: Delivery[] = this.facilitatorIfListening(state, agenda);
    // This view already holds the presence a pending refresh would send.
    if (this.facilitatorRefresh) clearImmediate(this.facilitatorRefresh);
    this.facilitatorRefresh = null;
    if (this.room.displays > 0) deliveries.push({ audience: DISPLAY, view: displayView(agenda, this.meeting.displayLanguage) });
    const waitingShown = new Set<string>();
    const call = state.context.callDetails;
    const lobbyCall = call?.showInLobby && (call.videoLink || call.dialIn) ? JSON.stringify([call.videoLink, call.dialIn, call.pin]) : '';
    const lobbyCallChanged = lobbyCall !== this.lobbyCallShown;
    this.lobbyCallShown = lobbyCall;
    for (const participantId of this.room.participantsPresent()) {
      const denied = participantId === deniedId;
      if (!denied && this.inLobby(participantId)) {
        waitingShown.add(participantId);
        if (this.waitingShown.has(participantId) && !lobbyCallChanged) continue;
      }
      deliveries.push({ audience: { kind: 'participant', participantId }, view: this.participantViewOf(state, agenda, participantId, denied) });
    }
    this.waitingShown = waitingShown;
    this.transport.deliver(this.meeting.id, deliveries);
  }

  /** The displays' view again, after a change that concerns only them (their language, issue 15). */
  displaysChanged(): void {
    if (this.room.displays === 0) return;
    const agenda = publicAgenda(this.meeting.state(), this.clock());
    this.transport.deliver(this.meeting.id, [{ audience: DISPLAY, view: displayView(agenda, this.meeting.displayLanguage) }]);
  }

  /**
   * The revision `sender`'s view shows, for the answers they get: 0 while they wait in the lobby,
   * as their lobby view says (issue 12, case 8), or a refusal would tell them how far the meeting got.
   */
  revisionFor(sender: Sender): number {
    return sender.role === 'participant' && this.inLobby(sender.participantId) ? 0 : this.meeting.revision;
  }

  /** Whether this participant's view is a lobby view: the same test as `participantView`'s (not admitted). */
  private inLobby(participantId: string | undefined): boolean {
    return !this.meeting.context.members.find((m) => m.participantId === participantId)?.admitted;
  }

  /**
   * Presence and the lobby show only in the facilitator's view, so a connection
   * coming (`arrived`) or going (null) refreshes that view and sends the
   * newcomer's own first view, not every view of the meeting (the others would
   * not change).
   */
  presenceChanged(arrived: Connection | null): void {
    const state = this.meeting.state();
    const agenda = publicAgenda(state, this.clock());
    const deliveries: Delivery[] = [];
    // A newcomer's first view goes at once; the facilitator's refresh waits for the wave (below).
    if (arrived?.role === 'facilitator') deliveries.push({ audience: FACILITATOR, view: this.facilitatorViewOf(state, agenda) });
    else this.refreshFacilitatorSoon();
    if (arrived?.role === 'display') deliveries.push({ audience: DISPLAY, view: displayView(agenda, this.meeting.displayLanguage) });
    if (arrived?.role === 'participant' && arrived.participantId) {
      const participantId = arrived.participantId;
      deliveries.push({ audience: { kind: 'participant', participantId }, view: this.participantViewOf(state, agenda, participantId) });
      if (this.inLobby(participantId)) this.waitingShown.add(participantId);
    }
    if (deliveries.length > 0) this.transport.deliver(this.meeting.id, deliveries);
  }

  /**
   * Devices come and go in waves (after a restart or a Wi-Fi drop a whole room
   * reconnects at once): the facilitator gets one fresh view per turn of the
   * event loop, holding every arrival so far, instead of one per device.
   */
  private refreshFacilitatorSoon(): void {
    if (this.facilitatorRefresh) return;
    this.facilitatorRefresh = setImmediate(() => {
      this.facilitatorRefresh = null;
      const state = this.meeting.state();
      const deliveries = this.facilitatorIfListening(state, publicAgenda(state, this.clock()));
      if (deliveries.length > 0) this.transport.deliver(this.meeting.id, deliveries);
    });
  }

  /** The facilitator's view, if a console is open: one for an empty room is thrown away. */
  private facilitatorIfListening(state: MeetingState, agenda: PublicAgenda): Delivery[] {
    if (!this.transport.listening(this.meeting.id, FACILITATOR)) return [];
    return [{ audience: FACILITATOR, view: this.facilitatorViewOf(state, agenda) }];
  }

  private facilitatorViewOf(state: MeetingState, agenda: PublicAgenda) {
    const allowed = this.allowed({ role: 'facilitator' }, this.meeting.facilitatorId);
    // A rehearsal's reading estimates come from the letters the room holds (issue 10, section 4).
    const estimateOf = (participantId: string) => readingSecondsOf(this.room.textsOf(participantId).letter);
    return facilitatorView(state, agenda, this.room.presence(), allowed, estimateOf);
  }

  private participantViewOf(state: MeetingState, agenda: PublicAgenda, participantId: string, denied = false) {
    const allowed = this.allowed({ role: 'participant', participantId }, participantId);
    const you = { participantId, name: this.room.nameOf(participantId) };
    const view = participantView(state, agenda, you, this.room.textsOf(participantId), allowed);
    return denied ? { ...view, lobby: 'denied' as const } : view;
  }

  /** `allowedCommands` depends on the snapshot and the sender only, so it is asked once per snapshot. */
  private allowed(sender: Sender, actorId: string): CommandType[] {
    const snapshot = this.meeting.snapshot;
    if (this.allowedMemo?.snapshot !== snapshot) this.allowedMemo = { snapshot, bySender: new Map() };
    const key = `${sender.role}:${actorId}`;
    let allowed = this.allowedMemo.bySender.get(key);
    if (!allowed) {
      allowed = allowedCommands(snapshot, sender, actorId);
      this.allowedMemo.bySender.set(key, allowed);
    }
    return allowed;
  }
}
