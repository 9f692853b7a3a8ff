// Protocol v2's side of publishing (issue 14): the public agenda goes once per
// change to the meeting's agenda room (everyone let in, the displays, the
// facilitator), so Socket.IO encodes it once; each person's own part goes to
// them alone, and only when it differs from the last one they received. This
// file decides who is in the agenda room and which private parts are news.
import type { FacilitatorPart, PublicAgenda, YouPart } from '../../shared/meeting/view.js';
import type { Audience } from './publisher.js';
import { sameFieldsJson } from './same-json.js';

/** One v2 message, in the order the transport must send them (private parts before the agenda they go with). */
export type PartDelivery =
  | { event: 'agenda'; agenda: PublicAgenda; to: 'meeting' | Audience }
  | { event: 'you'; participantId: string; part: YouPart }
  | { event: 'facilitator'; part: FacilitatorPart };

/** What the v2 publisher asks of the transport, besides delivering. */
export interface AgendaRoom {
  /** Put this participant's v2 connections in the meeting's agenda room (`admitted`) or take them out. */
  agendaAccess(meetingId: string, participantId: string, admitted: boolean): void;
}

/** A part's stamp: it changes with every command, so it never makes a part news. */
const STAMP = new Set(['revision', 'serverTime']);
/** A participant's stamp and texts: the texts are long and compared on their own (`sameYou`). */
const STAMP_AND_TEXTS = new Set(['revision', 'serverTime', 'letter', 'bottomLine']);

/**
 * Whether a participant's new part says nothing their last one did not: the same JSON but for the
 * stamp, and the same texts. The last part is kept as it was sent (the room holds the texts anyway,
 * and the rest is small); nothing changes a part once built.
 */
function sameYou(last: YouPart | undefined, part: YouPart): boolean {
  return last !== undefined && last.letter === part.letter && last.bottomLine === part.bottomLine && sameFieldsJson(last, part, STAMP_AND_TEXTS);
}

export class PartsPublisher {
  /** Per participant with a v2 device here: the part they last received. */
  private shown = new Map<string, YouPart>();
  /** What the v2 consoles last received; null before the first. */
  private facilitatorShown: FacilitatorPart | null = null;
  /** Participants whose v2 devices are in the agenda room (let in). */
  private inAgenda = new Set<string>();

  constructor(
    private readonly meetingId: string,
    private readonly room: AgendaRoom,
  ) {}

  /**
   * A participant's part after a command, if it is news to them: it differs from the last one they
   * received, or it is the final `denied` one. Moves them in or out of the agenda room first, so
   * someone just let in gets the agenda that follows, and someone sent back to the lobby does not.
   */
  afterCommand(part: YouPart, admitted: boolean, denied: boolean, into: PartDelivery[], present: Set<string>): void {
    const participantId = part.you.participantId;
    present.add(participantId);
    if (admitted !== this.inAgenda.has(participantId)) {
      this.room.agendaAccess(this.meetingId, participantId, admitted);
      if (admitted) this.inAgenda.add(participantId);
      else this.inAgenda.delete(participantId);
    }
    if (!denied && sameYou(this.shown.get(participantId), part)) return;
    this.shown.set(participantId, part);
    into.push({ event: 'you', participantId, part });
  }

  /**
   * The facilitator's part after a command, if it differs from the last one the consoles received
   * (another person's turn extended changes nothing of it); `fresh`: sent whatever it holds (a
   * console's first, or a refresh for presence), which becomes the last one received.
   */
  facilitator(part: FacilitatorPart, fresh: boolean, into: PartDelivery[]): void {
    const last = this.facilitatorShown;
    if (!fresh && last !== null && sameFieldsJson(last, part, STAMP)) return;
    this.facilitatorShown = part;
    into.push({ event: 'facilitator', part });
  }

  /** Forget whoever has no v2 device here any more (`present`: those who still have one). */
  keepOnly(present: Set<string>): void {
    for (const id of this.shown.keys()) if (!present.has(id)) this.shown.delete(id);
    for (const id of this.inAgenda) if (!present.has(id)) this.inAgenda.delete(id);
  }

  /**
   * A participant's new v2 device: their part (always: this device has had none) and, once let in,
   * the agenda, to their devices only; the new device joins the agenda room if they are let in.
   */
  arrived(part: YouPart, admitted: boolean, agenda: PublicAgenda): PartDelivery[] {
    const participantId = part.you.participantId;
    this.room.agendaAccess(this.meetingId, participantId, admitted);
    if (admitted) this.inAgenda.add(participantId);
    else this.inAgenda.delete(participantId);
    this.shown.set(participantId, part);
    const deliveries: PartDelivery[] = [{ event: 'you', participantId, part }];
    if (admitted) deliveries.push({ event: 'agenda', agenda, to: { kind: 'participant', participantId } });
    return deliveries;
  }
}
