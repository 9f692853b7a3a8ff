// One live meeting on the server, composed of three parts: the command
// pipeline (check, stamp, persist, ack), the room (who is here, the lobby, the
// texts) and the publisher (which views go to whom). It knows nothing of
// Socket.IO: it talks to the transport through MeetingTransport.
import type { MeetingSnapshot } from '../../shared/meeting/agenda.js';
import type { MeetingContext, OutcomeRecord, Phase } from '../../shared/meeting/context.js';
import type { Sender } from '../../shared/meeting/permissions.js';
import type { FamilyNews, MeetingView } from '../../shared/meeting/view.js';
import type { Ack, MeetingEvent } from '../../shared/protocol.js';
import type { PlaceCheck } from '../../shared/case/logistics.js';
import type { Language } from '../../shared/vocabulary.js';
import type { Logger } from '../logger.js';
import type { Cases, MeetingRecord } from '../store/types.js';
import { CurrentMeeting } from './current.js';
import { CommandPipeline, type CommandStore } from './pipeline.js';
import { Publisher, type MeetingTransport } from './publisher.js';
import { PRESENCE_GRACE_MS, Room, type Connection } from './room.js';
import { storedSnapshotRevision } from './snapshots.js';

export type { Audience, Delivery, MeetingTransport, PartDelivery } from './publisher.js';
export type { Connection } from './room.js';

/** What a live meeting asks of the store: its log, its command ids, its texts. */
export type RuntimeStore = { meetings: CommandStore; cases: Pick<Cases, 'listMeetingTexts'> };

export interface RuntimeDeps {
  store: RuntimeStore;
  transport: MeetingTransport;
  clock: () => number;
  log: Logger;
  /** The treatment place of case `caseId` for the offer (issue 11; server/meetings/place.ts); absent: never held. */
  placeOf?: (caseId: string) => Promise<PlaceCheck | null>;
  /** Called when a guest is turned away, so their personal link dies with the decision. */
  onGuestDenied?: (meetingId: string, participantId: string) => Promise<void>;
  /** Called when a guest's device leaves, so that one who leaves before any decision is not kept (issue 12, case 2). */
  onGuestLeft?: (meetingId: string, participantId: string) => void;
  /** After a yes, what the remote family may see as saved (issue 11, section 3); read before the first participant's view. */
  familyNews?: (caseId: string, meetingId: string) => Promise<FamilyNews | null>;
  /**
   * Called once a real meeting's outcome is stored (and again for a restored meeting with one), so
   * that the case's after-care begins (after-outcome.ts); must be idempotent. Never for a rehearsal.
   */
  onOutcome?: (meeting: { id: string; caseId: string; facilitatorId: string }, outcome: OutcomeRecord) => Promise<unknown>;
  /**
   * Resolves once the views published so far have gone out. Across processes (issue 17) a
   * broadcast leaves through Redis first, so an ack would otherwise overtake the sender's own view.
   */
  settled?: () => Promise<void>;
  /** How long a member whose last device dropped shows `away` before `left`, in ms (PRESENCE_GRACE_SECONDS); absent: 60 s. */
  presenceGraceMs?: number;
}

export class MeetingRuntime {
  readonly id: string;
  readonly facilitatorId: string;
  readonly caseId: string;
  private readonly meeting: CurrentMeeting;
  private readonly room: Room;
  private readonly publisher: Publisher;
  private readonly pipeline: CommandPipeline;
  private newsLoading: Promise<void> | null = null;

  /**
   * `snapshot` is the meeting at `record.revision`, restored or rebuilt by the
   * registry; `restored` says it was open when this process started (see Room).
   */
  constructor(
    record: MeetingRecord,
    snapshot: MeetingSnapshot,
    private readonly deps: RuntimeDeps,
    restored = false,
  ) {
    ({ id: this.id, facilitatorId: this.facilitatorId, caseId: this.caseId } = record);
    this.meeting = new CurrentMeeting(
      record.id, record.facilitatorId, record.caseId, snapshot, record.revision, storedSnapshotRevision(record), record.displayLanguage ?? 'en',
    );
    this.room = new Room(this.meeting, deps.store.cases, restored, {
      ms: deps.presenceGraceMs ?? PRESENCE_GRACE_MS,
      passed: () => this.publisher.presenceChanged(null),
    });
    this.publisher = new Publisher(this.meeting, this.room, deps.transport, deps.clock);
    this.pipeline = new CommandPipeline(this.meeting, {
      store: deps.store.meetings,
      clock: deps.clock,
      log: deps.log,
      waiting: (participantId) => this.room.waiting(participantId),
      place: deps.placeOf && (() => deps.placeOf!(this.caseId)),
      published: (event) => this.published(event),
      revisionFor: (sender) => this.publisher.revisionFor(sender),
      reloaded: () => this.publisher.publish(),
    });
  }

  get revision(): number {
    return this.meeting.revision;
  }
  get context(): MeetingContext {
    return this.meeting.context;
  }
  get phase(): Phase {
    return this.meeting.phase;
  }

  /** The revision `sender`'s view shows, for an answer the transport gives them: 0 while they wait in the lobby. */
  revisionFor(sender: Sender): number {
    return this.publisher.revisionFor(sender);
  }

  /** Apply one command (see CommandPipeline): resolves with its Ack once stored and published. */
  handle(raw: unknown, sender: Sender): Promise<Ack> {
    return this.pipeline.handle(raw, sender);
  }

  /** The room display's language changed (stored by the caller): the displays get their view again in it (issue 15). */
  setDisplayLanguage(language: Language): void {
    this.meeting.displayLanguage = language;
    this.publisher.displaysChanged();
  }

  /** A participant's language changed (stored by the caller): their screens get their view again in it (issue 15). */
  setParticipantLanguage(participantId: string, language: Language): void {
    this.room.setLanguage(participantId, language);
    this.publisher.publish();
  }

  /** Read the participants' letters and bottom lines once; await it before a participant attaches. */
  loadTexts(): Promise<void> {
    this.newsLoading ??= this.deps.familyNews?.(this.caseId, this.id).then(
      (news) => void (this.publisher.familyNews ??= news),
      // A failed read retries with the next arrival; their letters still come.
      () => void (this.newsLoading = null),
    ) ?? Promise.resolve();
    return Promise.all([this.room.loadTexts(), this.newsLoading]).then(() => undefined);
  }

  /** After a yes: what the remote family may see now ("On the way", "Admitted", or nothing); they get it at once. */
  shareFamilyNews(news: FamilyNews | null): void {
    const changed = news !== this.publisher.familyNews;
    this.publisher.familyNews = news;
    this.newsLoading ??= Promise.resolve();
    if (changed) this.publisher.publish();
  }

  /** A connection joins: it gets its first view, the facilitator a fresh one. Throws for a participant before loadTexts. */
  attach(conn: Connection): void {
    this.room.enter(conn);
    this.publisher.presenceChanged(conn);
  }

  detach(conn: Connection): void {
    this.room.leave(conn);
    this.publisher.presenceChanged(null);
    if (conn.attendance === 'guest' && conn.participantId) this.deps.onGuestLeft?.(this.id, conn.participantId);
  }

  /** This process no longer holds the meeting: stop its presence timers. */
  release(): void {
    this.room.close();
  }

  /** How many people wait in the lobby right now (connected, not let in). */
  lobbySize(): number {
    return this.room.presence().lobby.length;
  }

  /** Whether at least one device is connected as this participant. */
  isPresent(participantId: string): boolean {
    for (const id of this.room.participantsPresent()) if (id === participantId) return true;
    return false;
  }

  viewFor(conn: Connection): MeetingView {
    return this.publisher.viewFor(conn);
  }

  /** Wait for commands in flight, so shutdown never cuts a write in half. */
  drain(): Promise<void> {
    return this.pipeline.drain();
  }

  private async published(event: MeetingEvent): Promise<void> {
    if (event.type === 'lobby.deny') await this.turnAway(event);
    else this.publisher.publish();
    await this.deps.settled?.();
    // Closing tries again too (a no-op once begun): a closed meeting is not restored at the next start.
    if (event.type === 'meeting.end' || event.type === 'emergency.stop' || event.type === 'meeting.close') await this.outcomeStored();
  }

  /**
   * The case's after-care, once a real meeting's outcome is stored. Awaited before the ack, so the
   * console finds the case in after-care when it asks; a failure is logged and never refuses the
   * outcome, which is already stored: the next start tries again (see MeetingRegistry.restoreAll).
   */
  async outcomeStored(): Promise<void> {
    const { outcome, rehearsal } = this.meeting.context;
    if (!outcome || rehearsal || !this.deps.onOutcome) return;
    try {
      await this.deps.onOutcome({ id: this.id, caseId: this.caseId, facilitatorId: this.facilitatorId }, outcome);
    } catch (error) {
      this.deps.log.error({ meetingId: this.id, err: error instanceof Error ? error.message : 'unknown error' }, 'after-care not begun');
    }
  }

  /** A refused joiner sees a last, kind view and is let go; a guest's personal link dies first. */
  private async turnAway(event: Extract<MeetingEvent, { type: 'lobby.deny' }>) {
    if (event.joiner?.attendance === 'guest') {
      try {
        await this.deps.onGuestDenied?.(this.id, event.participantId);
      } catch (error) {
        this.deps.log.error({ meetingId: this.id, err: error instanceof Error ? error.message : 'unknown error' }, 'guest link not revoked');
      }
    }
    this.publisher.publish(event.participantId);
    this.deps.transport.dismiss(this.id, event.participantId);
  }
}
