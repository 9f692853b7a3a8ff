// Where one live meeting stands: the machine's snapshot and the revision it
// was reached at. The command pipeline is its only writer; the room and the
// publisher read it.
import { phaseOf, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import type { MeetingContext, Phase } from '../../shared/meeting/context.js';
import type { MeetingState } from '../../shared/meeting/view.js';
import type { Sender } from '../../shared/meeting/permissions.js';
import type { Language } from '../../shared/vocabulary.js';

export class CurrentMeeting {
  constructor(
    readonly id: string,
    readonly facilitatorId: string,
    readonly caseId: string,
    public snapshot: MeetingSnapshot,
    public revision: number,
    /** The revision of the snapshot last stored (issue 14: one every few events), null when the next command must store one. */
    public snapshotStoredAt: number | null,
    /** The room display's language (issue 15): not part of the agenda, so set beside it, never by a command. */
    public displayLanguage: Language = 'en',
  ) {}

  get context(): MeetingContext {
    return this.snapshot.context;
  }

  get phase(): Phase {
    return phaseOf(this.snapshot);
  }

  /** What the projections read: context, phase, revision. */
  state(): MeetingState {
    return { context: this.context, phase: this.phase, revision: this.revision };
  }

  /** Who a sender is in the log: the facilitator's account, a participant, or the display. */
  actorOf(sender: Sender): string {
    // A console names its own account; the owner's id for a sender that names none (tests, older callers).
    if (sender.role === 'facilitator') return sender.accountId ?? this.facilitatorId;
    return sender.participantId ?? sender.role;
  }
}
