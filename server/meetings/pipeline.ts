// The command pipeline of one live meeting. Each command, one at a time:
// a repeat is answered with its first answer; then it is checked (INVALID,
// FORBIDDEN, STALE, NOT_ALLOWED, in that order), stamped with the time and
// its sender, persisted, published, and only then acknowledged. A store
// failure is answered UNAVAILABLE and changes nothing in memory; the next
// command first reloads the meeting from the store, since the write may have
// landed all the same (issue 17). The STALE rule lives here alone (see isStale).
import { phaseOf, tryEvent, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { isStaleChecked } from '../../shared/meeting/commands.js';
import { notAllowedRefusal } from '../../shared/meeting/messages.js';
import { forbiddenRefusal, type Sender } from '../../shared/meeting/permissions.js';
import { LIMITS, parseCommand, type Ack, type Command, type ErrorCode, type Joiner, type MeetingEvent } from '../../shared/protocol.js';
import { failpoint } from '../failpoints.js';
import type { Logger } from '../logger.js';
import { commandAudit } from '../store/audit.js';
import type { Meetings } from '../store/types.js';
import type { PlaceCheck } from '../../shared/case/logistics.js';
import type { CurrentMeeting } from './current.js';
import { storedForm, storedMeeting, storedSnapshotRevision, storesSnapshot } from './snapshots.js';

/** What the pipeline asks of the store: append to the log, look up commands already in it, and read the meeting (and its log's tail) again after a failed write. */
export type CommandStore = Pick<Meetings, 'appendEvent' | 'listCommandIds' | 'findCommand' | 'get' | 'listEvents'>;

export interface PipelineDeps {
  store: CommandStore;
  clock: () => number;
  log: Logger;
  /** Someone connected and waiting in the lobby right now, or null (a lobby decision is stamped with them). */
  waiting: (participantId: string) => Joiner | null;
  /**
   * The case's treatment place for `offer.present` (issue 11): its readiness, or null when the case
   * has no logistics. Absent (tests of other rules): the offer is not held.
   */
  place?: () => Promise<PlaceCheck | null>;
  /** Tell everyone about an event that is stored; the ack waits for it. */
  published: (event: MeetingEvent) => Promise<void> | void;
  /** The revision the sender's view shows (0 in the lobby); every answer carries this one. */
  revisionFor: (sender: Sender) => number;
  /** Tell everyone the meeting as reloaded from the store, after a failed write that had landed. */
  reloaded: () => void;
}

/** Refusals remembered per sender and command id, so a retried refusal gets the same answer. */
const REMEMBERED_REJECTIONS = 1000;

export class CommandPipeline {
  private readonly rejections = new Map<string, Ack>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Command ids in this meeting's log; loaded on the first command (see acceptedCommand). */
  private commandIds: Map<string, { revision: number; actorId?: string }> | null = null;
  /**
   * The revision the latest revisioned (stale-checked) command produced. Signals and ready marks
   * accepted after it move the revision, not this. Unknown after a restart, so it starts at the
   * current revision: a decision sent before the restart is judged as strictly as before.
   */
  private decidedRevision: number;
  /**
   * Set by a failed write: the store may hold a revision this runtime has not
   * applied (the commit landed, its answer was lost), so the next command first
   * reads the meeting again. Without it every later command collided with the
   * stored revision and the meeting was wedged (issue 17, the gap part 1 found).
   */
  private mustReload = false;

  constructor(
    private readonly meeting: CurrentMeeting,
    private readonly deps: PipelineDeps,
  ) {
    this.decidedRevision = meeting.revision;
  }

  /** Commands are applied one at a time per meeting, whatever the store's latency. Never rejects for a refusal: the Ack says it. */
  handle(raw: unknown, sender: Sender): Promise<Ack> {
    const result = this.queue.then(async () => this.answerFor(sender, await this.process(raw, sender)));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Wait for commands in flight, so shutdown never cuts a write in half. */
  async drain(): Promise<void> {
    await this.queue;
  }

  /**
   * An answer names the revision the sender's own view shows: someone waiting in the lobby sees
   * revision 0, so their refusals say 0 too (issue 12, case 8). Everyone else gets the answer as is.
   */
  private answerFor(sender: Sender, ack: Ack): Ack {
    const shown = this.deps.revisionFor(sender);
    return shown === this.meeting.revision ? ack : { ...ack, revision: shown };
  }

  private async process(raw: unknown, sender: Sender): Promise<Ack> {
    if (this.mustReload && !(await this.reload())) return this.unavailable();
    const commandId = commandIdOf(raw);
    const actorId = this.meeting.actorOf(sender);
    // A repeat is the same sender sending the same id again: the first answer, nothing changed.
    const key = commandId === null ? null : `${actorId}\u0000${commandId}`;
    if (commandId !== null) {
      const earlier = this.rejections.get(key!);
      if (earlier) return earlier;
      const accepted = await this.acceptedCommand(commandId);
      if (accepted && accepted.actorId === actorId) return { ok: true, revision: accepted.revision };
      // Someone else's id: never their answer, and never a second entry under one id.
      if (accepted) return this.reject(null, 'INVALID', 'commandId: already used in this meeting; send a new one');
    }
    const parsed = parseCommand(raw);
    if (!parsed.ok) return this.reject(key, 'INVALID', parsed.message);
    const command = parsed.command;
    const forbidden = forbiddenRefusal(command.type, sender, this.meeting.context);
    if (forbidden) return this.reject(key, 'FORBIDDEN', forbidden.words, forbidden.reason);
    if (this.isStale(command)) {
      return this.reject(key, 'STALE', `The meeting has moved on (revision ${this.meeting.revision}); here is the latest`);
    }
    let event: MeetingEvent | null;
    try {
      event = await this.placed(this.stamp(command, sender));
    } catch (error) {
      // The case's logistics could not be read: nothing decided, and the same command may be retried.
      this.deps.log.error({ meetingId: this.meeting.id, type: command.type, err: errorName(error) }, 'treatment place not read');
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The treatment place could not be checked; please try again' }, revision: this.meeting.revision };
    }
    // The machine's transition is computed once: it both decides NOT_ALLOWED and is the state committed.
    const next = event && tryEvent(this.meeting.snapshot, event);
    if (!event || !next) {
      const refusal = notAllowedRefusal(command.type, this.meeting.phase, this.meeting.context, event ?? undefined);
      return this.reject(key, 'NOT_ALLOWED', refusal.words, refusal.reason);
    }
    return this.commit(event, next);
  }

  /**
   * The STALE rule (issue 12, case 1). A revisioned command decided on revision R is stale when a
   * revisioned command was accepted after R, or when R is ahead of the meeting. Never-stale
   * commands (signals, ready marks: `isStaleChecked` is false) accepted since R do not count: a
   * tap on "I need a moment" reaches the console at once, and never refuses the facilitator's
   * next step. One exception: "clear all signals" (`signals.clear` without a `signalId`) is
   * decided on the signals the console showed, so any change since R makes it stale, or it
   * would clear a signal nobody has seen.
   */
  private isStale(command: Command): boolean {
    const expected = command.expectedRevision;
    if (expected === undefined || !isStaleChecked(command.type)) return false;
    if (expected > this.meeting.revision) return true;
    if (command.type === 'signals.clear' && command.signalId === undefined) return expected !== this.meeting.revision;
    return expected < this.decidedRevision;
  }

  /**
   * A command already in the log, if any. The meeting's ids are read once, on
   * its first command since the server started, so a new command costs no query;
   * the sender of an older one is read from the log only when it is repeated.
   */
  private async acceptedCommand(commandId: string): Promise<{ revision: number; actorId: string } | undefined> {
    if (!this.commandIds) {
      const stored = await this.deps.store.listCommandIds(this.meeting.id);
      this.commandIds = new Map([...stored].map(([id, revision]) => [id, { revision }]));
    }
    const known = this.commandIds.get(commandId);
    if (!known) return undefined;
    known.actorId ??= (await this.deps.store.findCommand(this.meeting.id, commandId))?.actorId;
    return known.actorId === undefined ? undefined : { revision: known.revision, actorId: known.actorId };
  }

  private stamp(command: Command, sender: Sender): MeetingEvent | null {
    const by = { actorId: this.meeting.actorOf(sender), role: sender.role };
    const event: MeetingEvent = { ...command, at: this.deps.clock(), by };
    if (command.type !== 'lobby.admit' && command.type !== 'lobby.deny') return event;
    // A lobby decision is about someone waiting right now: never a link used unseen.
    const joiner = this.deps.waiting(command.participantId);
    return joiner ? { ...event, joiner } : null;
  }

  /**
   * An offer carries the place's readiness as it is now, read here so that the machine stays pure
   * and a replay of the log decides as the meeting did (issue 11, section 2).
   */
  private async placed(event: MeetingEvent | null): Promise<MeetingEvent | null> {
    // A rehearsal practises the words: the place is for the real meeting, so it never holds a practice offer.
    if (event?.type !== 'offer.present' || !this.deps.place || this.meeting.context.rehearsal) return event;
    const place = await this.deps.place();
    if (!place) return event;
    return place.ready ? { ...event, placeReady: true } : { ...event, placeReady: false, placeMissing: place.missing };
  }

  /** Store `event`, whose transition gives `next`, then make `next` current, publish it and answer. */
  private async commit(event: MeetingEvent, next: MeetingSnapshot): Promise<Ack> {
    const id = this.meeting.id;
    const revision = this.meeting.revision + 1;
    // The event is always stored; its snapshot only every few events (snapshots.ts, issue 14).
    const snapshotStored = storesSnapshot(this.meeting.snapshot, next, revision, this.meeting.snapshotStoredAt);
    try {
      await this.deps.store.appendEvent(
        id,
        { revision, commandId: event.commandId, event },
        snapshotStored ? storedForm(next, revision) : null,
        phaseOf(next),
        event.at,
        commandAudit(id, event, revision),
      );
    } catch (error) {
      this.deps.log.error({ meetingId: id, type: event.type, err: errorName(error) }, 'command not stored');
      // The write may have landed before the failure was seen: ask the log and the meeting again next time.
      this.commandIds = null;
      this.mustReload = true;
      return this.unavailable();
    }
    failpoint('after-write', event.type);
    this.meeting.snapshot = next;
    this.meeting.revision = revision;
    if (snapshotStored) this.meeting.snapshotStoredAt = revision;
    if (isStaleChecked(event.type)) this.decidedRevision = revision;
    this.commandIds?.set(event.commandId, { revision, actorId: event.by.actorId });
    this.deps.log.info({ meetingId: id, type: event.type, revision, role: event.by.role }, 'command accepted');
    await this.deps.published(event);
    failpoint('after-broadcast', event.type);
    return { ok: true, revision };
  }

  /**
   * Reads the meeting back from the store; true once this runtime holds what is
   * stored. A newer stored revision replaces the one in memory, is judged as a
   * decision (a console's earlier revision is then STALE) and is published.
   * False when the store cannot answer: the command is answered UNAVAILABLE.
   */
  private async reload(): Promise<boolean> {
    try {
      const record = await this.deps.store.get(this.meeting.id);
      if (!record) return false;
      this.mustReload = false;
      if (record.revision === this.meeting.revision) return true;
      // Its snapshot and the events stored after it; a snapshot this machine cannot use is rebuilt from the whole log.
      this.meeting.snapshot = await storedMeeting(record, this.deps.store, () => undefined);
      this.meeting.snapshotStoredAt = storedSnapshotRevision(record);
      this.meeting.revision = record.revision;
      this.decidedRevision = record.revision;
      this.deps.log.warn({ meetingId: this.meeting.id, revision: record.revision }, 'meeting reloaded from the store after a failed write');
      this.deps.reloaded();
      return true;
    } catch (error) {
      this.mustReload = true;
      this.deps.log.error({ meetingId: this.meeting.id, err: errorName(error) }, 'meeting not reloaded');
      return false;
    }
  }

  private unavailable(): Ack {
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'The change could not be saved; please try again' }, revision: this.meeting.revision };
  }

  private reject(key: string | null, code: ErrorCode, message: string, reason?: string): Ack {
    const revision = this.meeting.revision;
    const ack: Ack = { ok: false, error: reason === undefined ? { code, message } : { code, message, reason }, revision };
    this.deps.log.info({ meetingId: this.meeting.id, code, revision }, 'command refused');
    if (key !== null) {
      this.rejections.set(key, ack);
      if (this.rejections.size > REMEMBERED_REJECTIONS) this.rejections.delete(this.rejections.keys().next().value!);
    }
    return ack;
  }
}

/** The command's id if it has a usable one; a repeat can only be recognised by it. */
function commandIdOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as Record<string, unknown>).commandId;
  return typeof id === 'string' && id.length > 0 && id.length <= LIMITS.commandId ? id : null;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
