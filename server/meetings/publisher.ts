// Which views go to whom in one live meeting: after a command every audience
// present gets its fresh view; when someone comes or goes, the newcomer gets
// their first view and the facilitator a refreshed one. A view costs a
// projection and an encoding, so none is built for an audience nobody is in.
// Protocol v1 connections get whole views (`meeting:state`); v2 connections get
// the parts (parts-publisher.ts): both are made from the same parts.
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { readingSecondsOf } from '../../shared/meeting/reading.js';
import type { MeetingSnapshot } from '../../shared/meeting/agenda.js';
import type { Sender } from '../../shared/meeting/permissions.js';
import { composeFacilitator, composeParticipant } from '../../shared/meeting/parts.js';
import {
  displayView,
  facilitatorPart,
  publicAgenda,
  type FamilyNews,
  youPart,
  type FacilitatorPart,
  type MeetingState,
  type MeetingView,
  type ParticipantView,
  type PublicAgenda,
  type YouPart,
} from '../../shared/meeting/view.js';
import type { CommandType, ProtocolVersion } from '../../shared/protocol.js';
import type { CurrentMeeting } from './current.js';
import { PartsPublisher, type AgendaRoom, type PartDelivery } from './parts-publisher.js';
import { protocolOf, type Connection, type Room } from './room.js';

export type { PartDelivery } from './parts-publisher.js';

export type Audience = { kind: 'facilitator' } | { kind: 'display' } | { kind: 'participant'; participantId: string };
const FACILITATOR: Audience = { kind: 'facilitator' };
const DISPLAY: Audience = { kind: 'display' };

export interface Delivery {
  audience: Audience;
  view: MeetingView;
}

/** How the runtime reaches the people in a meeting; Socket.IO implements it (server/realtime/hub.ts). */
export interface MeetingTransport extends AgendaRoom {
  /** v1: each view to the audience's v1 connections (`meeting:state`). */
  deliver(meetingId: string, deliveries: Delivery[]): void;
  /** v2: each part, in this order; an agenda `to: 'meeting'` goes to the agenda room (see AgendaRoom). */
  deliverParts(meetingId: string, parts: PartDelivery[]): void;
  /** Whether anyone is connected as this audience with this protocol (default 1): nobody there, no view to build. */
  listening(meetingId: string, audience: Audience, protocol?: ProtocolVersion): boolean;
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
  /** After a yes, what the remote family may see (issue 11, section 3); set by the runtime. */
  familyNews: FamilyNews | null = null;
  private readonly v2: PartsPublisher;

  constructor(
    private readonly meeting: CurrentMeeting,
    private readonly room: Room,
    private readonly transport: MeetingTransport,
    private readonly clock: () => number,
  ) {
    this.v2 = new PartsPublisher(meeting.id, transport);
  }

  /** The view one connection should see now. */
  viewFor(conn: Connection): MeetingView {
    const state = this.meeting.state();
    const agenda = this.agendaAt(state, this.clock());
    if (conn.role === 'facilitator') return this.facilitatorViewOf(state, agenda);
    if (conn.role === 'display') return displayView(agenda);
    return this.participantViewOf(state, agenda, conn.participantId!);
  }

  /** The public agenda now, with the room display's language (issue 15) when it is not English. */
  private agendaAt(state: MeetingState, now: number): PublicAgenda {
    return publicAgenda(state, now, this.meeting.displayLanguage);
  }

  /**
   * After a command: every audience present gets its fresh view; `deniedId` gets a final "denied"
   * one. Someone still waiting in the lobby, who was already shown so, gets nothing (issue 12,
   * case 8): an identical view after every command would tell them the meeting is moving.
   */
  publish(deniedId?: string): void {
    const state = this.meeting.state();
    const now = this.clock();
    const agenda = this.agendaAt(state, now);
    const deliveries: Delivery[] = this.facilitatorIfListening(state, agenda);
    const parts: PartDelivery[] = this.facilitatorPartIfListening(state, now, false);
    // This view already holds the presence a pending refresh would send.
    if (this.facilitatorRefresh) clearImmediate(this.facilitatorRefresh);
    this.facilitatorRefresh = null;
    if (this.room.displaysOn(1) > 0) deliveries.push({ audience: DISPLAY, view: displayView(agenda) });
    const waitingShown = new Set<string>();
    const onV2 = new Set<string>();
    const call = state.context.callDetails;
    const lobbyCall = call?.showInLobby && (call.videoLink || call.dialIn) ? JSON.stringify([call.videoLink, call.dialIn, call.pin]) : '';
    const lobbyCallChanged = lobbyCall !== this.lobbyCallShown;
    this.lobbyCallShown = lobbyCall;
    for (const participantId of this.room.participantsPresent()) {
      const denied = participantId === deniedId;
      const waiting = !denied && this.inLobby(participantId);
      const onV1 = this.room.speaks(participantId, 1);
      if (onV1 && waiting) waitingShown.add(participantId);
      // v1: someone waiting who was already shown so gets nothing; v2 compares their part instead.
      const v1News = onV1 && (!waiting || !this.waitingShown.has(participantId) || lobbyCallChanged);
      const v2 = this.room.speaks(participantId, 2);
      if (!v1News && !v2) continue;
      const part = this.youPartOf(state, participantId, now, denied);
      if (v2) this.v2.afterCommand(part, part.lobby === null, denied, parts, onV2);
      if (v1News) deliveries.push({ audience: { kind: 'participant', participantId }, view: composeParticipant(agenda, part) });
    }
    this.waitingShown = waitingShown;
    this.v2.keepOnly(onV2);
    // After the private parts: a client holding a part newer than its agenda knows the agenda is on its way.
    parts.push({ event: 'agenda', agenda, to: 'meeting' });
    if (deliveries.length > 0) this.transport.deliver(this.meeting.id, deliveries);
    this.transport.deliverParts(this.meeting.id, parts);
  }

  /** The displays' view again, after a change that concerns only them (their language, issue 15). */
  displaysChanged(): void {
    // The agenda carries the display's language: everyone in the meeting gets it again, unchanged but for that.
    this.publish();
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
    // A newcomer's first view goes at once; the facilitator's refresh waits for the wave (below).
    if (arrived?.role !== 'facilitator') this.refreshFacilitatorSoon();
    if (!arrived) return;
    const state = this.meeting.state();
    const now = this.clock();
    const agenda = this.agendaAt(state, now);
    if (protocolOf(arrived) === 2) return this.arrivedOnV2(arrived, state, agenda, now);
    const deliveries: Delivery[] = [];
    if (arrived.role === 'facilitator') deliveries.push({ audience: FACILITATOR, view: this.facilitatorViewOf(state, agenda) });
    if (arrived.role === 'display') deliveries.push({ audience: DISPLAY, view: displayView(agenda) });
    if (arrived.role === 'participant' && arrived.participantId) {
      const participantId = arrived.participantId;
      deliveries.push({ audience: { kind: 'participant', participantId }, view: this.participantViewOf(state, agenda, participantId) });
      if (this.inLobby(participantId)) this.waitingShown.add(participantId);
    }
    if (deliveries.length > 0) this.transport.deliver(this.meeting.id, deliveries);
  }

  /** A v2 connection's first messages: its private part, if it has one, then the agenda if it may see it. */
  private arrivedOnV2(arrived: Connection, state: MeetingState, agenda: PublicAgenda, now: number): void {
    let parts: PartDelivery[] = [];
    if (arrived.role === 'facilitator') {
      this.v2.facilitator(this.facilitatorPartOf(state, now), true, parts);
      parts.push({ event: 'agenda', agenda, to: FACILITATOR });
    }
    if (arrived.role === 'display') parts = [{ event: 'agenda', agenda, to: DISPLAY }];
    if (arrived.role === 'participant' && arrived.participantId) {
      const participantId = arrived.participantId;
      parts = this.v2.arrived(this.youPartOf(state, participantId, now, false), !this.inLobby(participantId), agenda);
    }
    this.transport.deliverParts(this.meeting.id, parts);
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
      const now = this.clock();
      const deliveries = this.facilitatorIfListening(state, this.agendaAt(state, now));
      if (deliveries.length > 0) this.transport.deliver(this.meeting.id, deliveries);
      // v2: the facilitator's part alone; the agenda does not change with presence.
      const parts = this.facilitatorPartIfListening(state, now, true);
      if (parts.length > 0) this.transport.deliverParts(this.meeting.id, parts);
    });
  }

  /** The facilitator's view, if a console is open: one for an empty room is thrown away. */
  private facilitatorIfListening(state: MeetingState, agenda: PublicAgenda): Delivery[] {
    if (!this.transport.listening(this.meeting.id, FACILITATOR)) return [];
    return [{ audience: FACILITATOR, view: this.facilitatorViewOf(state, agenda) }];
  }

  /** v2: the facilitator's part, if a v2 console is open and (unless `fresh`) it changed. */
  private facilitatorPartIfListening(state: MeetingState, now: number, fresh: boolean): PartDelivery[] {
    const parts: PartDelivery[] = [];
    if (this.transport.listening(this.meeting.id, FACILITATOR, 2)) this.v2.facilitator(this.facilitatorPartOf(state, now), fresh, parts);
    return parts;
  }

  private facilitatorViewOf(state: MeetingState, agenda: PublicAgenda) {
    return composeFacilitator(agenda, this.facilitatorPartOf(state, agenda.serverTime));
  }

  private facilitatorPartOf(state: MeetingState, now: number): FacilitatorPart {
    const allowed = this.allowed({ role: 'facilitator' }, this.meeting.facilitatorId);
    // A rehearsal's reading estimates come from the letters the room holds (issue 10, section 4).
    const estimateOf = (participantId: string) => readingSecondsOf(this.room.textsOf(participantId).letter);
    return facilitatorPart(state, this.room.presence(), allowed, now, estimateOf);
  }

  private participantViewOf(state: MeetingState, agenda: PublicAgenda, participantId: string): ParticipantView {
    return composeParticipant(agenda, this.youPartOf(state, participantId, agenda.serverTime, false));
  }

  /** One participant's part; `denied`: the last one before a refused joiner is let go. */
  private youPartOf(state: MeetingState, participantId: string, now: number, denied: boolean): YouPart {
    const allowed = this.allowed({ role: 'participant', participantId }, participantId);
    const you = { participantId, name: this.room.nameOf(participantId) };
    const part = youPart(state, you, this.room.textsOf(participantId), allowed, now, this.familyNews);
    return denied ? { ...part, lobby: 'denied' } : part;
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
