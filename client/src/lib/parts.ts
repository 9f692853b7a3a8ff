// Protocol v2 on the client (issue 14): the server sends the public agenda and
// this screen's private part separately, each when it changes. A screen renders
// from the latest of each, composed into the same view protocol v1 sends, with
// the same functions (shared/meeting/parts.ts). Pure, so the rules are tested
// without a browser (tests/client/parts.test.ts).
import { composeDisplay, composeFacilitator, composeParticipant } from '../../../shared/meeting/parts.js';
import type { FacilitatorPart, MeetingView, PublicAgenda, YouPart } from '../../../shared/meeting/view.js';

/**
 * The latest agenda and private part, and the view they make. The rules, from protocol.md:
 * - A private part is made at a revision and stays true until the server sends another, so an
 *   agenda newer than the part is composed with it as it is.
 * - The server sends a private part before the agenda of the same change, so a part newer than the
 *   agenda held waits for that agenda (one message away) instead of showing with an older one.
 * - A lobby part (`lobby` not null) is shown at once and alone: it carries no agenda, and the agenda
 *   held from before is dropped, so nothing of the meeting shows in the lobby.
 * - A connection that had neither part after its agenda is the room display's.
 * Nothing is ever missed within one connection (Socket.IO keeps order); after a reconnect the
 * server sends the full set again, which replaces everything held.
 */
export class LatestParts {
  private agenda: PublicAgenda | null = null;
  private you: YouPart | null = null;
  private facilitator: FacilitatorPart | null = null;

  /** A `meeting:agenda`: the view to show now, or null to keep the one shown. */
  agendaArrived(agenda: PublicAgenda): MeetingView | null {
    if (this.agenda && agenda.meetingId === this.agenda.meetingId && agenda.revision < this.agenda.revision) return null;
    this.agenda = agenda;
    return this.compose();
  }

  /** A `meeting:you`: the view to show now, or null to wait for the agenda it goes with. */
  youArrived(part: YouPart): MeetingView | null {
    this.you = part;
    if (part.lobby !== null) this.agenda = null;
    return this.compose();
  }

  /** A `meeting:facilitator`: the view to show now, or null to wait for the agenda it goes with. */
  facilitatorArrived(part: FacilitatorPart): MeetingView | null {
    this.facilitator = part;
    return this.compose();
  }

  private compose(): MeetingView | null {
    const { agenda, you, facilitator } = this;
    if (you?.lobby != null) return composeParticipant<PublicAgenda, YouPart>(null, you);
    if (!agenda) return null;
    if (facilitator) return facilitator.revision <= agenda.revision ? composeFacilitator(agenda, facilitator) : null;
    if (you) return you.revision <= agenda.revision ? composeParticipant(agenda, you) : null;
    return composeDisplay(agenda);
  }
}
