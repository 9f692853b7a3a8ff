// One live meeting on the server: it owns the machine's current snapshot,
// checks each command (duplicate, schema, role, revision, phase), persists it,
// and only then acknowledges and publishes the new views. It knows nothing of
// Socket.IO: it talks to the transport through MeetingTransport.
import { applyEvent, canApply, persistMeeting, phaseOf, restoreMeeting, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import { isStaleChecked } from '../../shared/meeting/commands.js';
import type { MeetingContext } from '../../shared/meeting/context.js';
import { notAllowedMessage } from '../../shared/meeting/messages.js';
import { forbiddenReason, type Sender } from '../../shared/meeting/permissions.js';
import {
  displayView,
  facilitatorView,
  participantView,
  publicAgenda,
  type LobbyEntry,
  type MeetingState,
  type MeetingView,
  type PrivateTexts,
} from '../../shared/meeting/view.js';
import { LIMITS, parseCommand, type Ack, type Command, type CommandType, type ErrorCode, type Joiner, type MeetingEvent } from '../../shared/protocol.js';
import type { MemberAttendance } from '../../shared/vocabulary.js';
import type { Logger } from '../logger.js';
import { failpoint } from '../failpoints.js';
import { commandAudit } from '../store/audit.js';
import type { MeetingRecord, Store } from '../store/types.js';

export type Audience = { kind: 'facilitator' } | { kind: 'display' } | { kind: 'participant'; participantId: string };
const FACILITATOR: Audience = { kind: 'facilitator' };

export interface Delivery {
  audience: Audience;
  view: MeetingView;
}

export interface MeetingTransport {
  deliver(meetingId: string, deliveries: Delivery[]): void;
  /** Whether anyone is connected as this audience: nobody there, no view to build. */
  listening(meetingId: string, audience: Audience): boolean;
  /** Disconnect a person's connections, after their final view has been delivered. */
  dismiss(meetingId: string, participantId: string): void;
}

/** Who is on the other end of one connection. */
export interface Connection extends Sender {
  /** For participants: their name (a guest's comes from the join form). */
  name?: string;
  attendance?: MemberAttendance;
}

interface Present {
  count: number;
  name: string;
  attendance: MemberAttendance;
}

export interface RuntimeDeps {
  store: Store;
  transport: MeetingTransport;
  clock: () => number;
  log: Logger;
  /** Called when a guest is turned away, so their personal link dies with the decision. */
  onGuestDenied?: (meetingId: string, participantId: string) => Promise<void>;
}

const REMEMBERED_REJECTIONS = 1000;

export class MeetingRuntime {
  readonly id: string;
  readonly facilitatorId: string;
  readonly caseId: string;
  private snapshot: MeetingSnapshot;
  private revisionNow: number;
  /** Letters and bottom lines, read when the first person connects (see loadTexts). */
  private texts: Map<string, PrivateTexts> | null = null;
  private textsLoading: Promise<void> | null = null;
  private readonly present = new Map<string, Present>();
  private readonly seen = new Set<string>();
  private displays = 0;
  private readonly rejections = new Map<string, Ack>();
  private queue: Promise<unknown> = Promise.resolve();
  private facilitatorRefresh: NodeJS.Immediate | null = null;
  /** Command ids in this meeting's log; loaded on the first command (see acceptedCommand). */
  private commandIds: Map<string, { revision: number; actorId?: string }> | null = null;
  /** What each sender may do in `snapshot`: presence changes republish every view with the same snapshot. */
  private allowedMemo: { snapshot: MeetingSnapshot; bySender: Map<string, CommandType[]> } | null = null;

  constructor(record: MeetingRecord, private readonly deps: RuntimeDeps) {
    this.id = record.id;
    this.facilitatorId = record.facilitatorId;
    this.caseId = record.caseId;
    this.snapshot = restoreMeeting(record.snapshot);
    this.revisionNow = record.revision;
  }

  /**
   * Read the participants' letters and bottom lines, once. Only a participant's
   * own view carries them, so a meeting nobody has joined since the server
   * started does not hold or decrypt them: after a restart the server listens
   * again sooner, and an idle meeting costs less memory. The handshake awaits
   * this before a participant attaches.
   */
  loadTexts(): Promise<void> {
    this.textsLoading ??= this.deps.store.listMeetingTexts(this.id, this.caseId).then(
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

  get revision(): number {
    return this.revisionNow;
  }
  get context(): MeetingContext {
    return this.snapshot.context;
  }
  get phase() {
    return phaseOf(this.snapshot);
  }

  /** Commands are applied one at a time per meeting, whatever the store's latency. */
  handle(raw: unknown, sender: Sender): Promise<Ack> {
    const result = this.queue.then(() => this.process(raw, sender));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async process(raw: unknown, sender: Sender): Promise<Ack> {
    const commandId = commandIdOf(raw);
    // A repeat is the same sender sending the same id again: the first answer, nothing changed.
    const key = commandId === null ? null : `${this.actorOf(sender)}\u0000${commandId}`;
    if (commandId !== null) {
      const earlier = this.rejections.get(key!);
      if (earlier) return earlier;
      const accepted = await this.acceptedCommand(commandId);
      if (accepted && accepted.actorId === this.actorOf(sender)) return { ok: true, revision: accepted.revision };
      // Someone else's id: never their answer, and never a second entry under one id.
      if (accepted) return this.reject(null, 'INVALID', 'commandId: already used in this meeting; send a new one');
    }
    const parsed = parseCommand(raw);
    if (!parsed.ok) return this.reject(key, 'INVALID', parsed.message);
    const command = parsed.command;
    const forbidden = forbiddenReason(command.type, sender, this.context);
    if (forbidden) return this.reject(key, 'FORBIDDEN', forbidden);
    if (command.expectedRevision !== undefined && !neverStale(command) && command.expectedRevision !== this.revision) {
      return this.reject(key, 'STALE', `The meeting has moved on (revision ${this.revision}); here is the latest`);
    }
    const event = this.stamp(command, sender);
    if (!event || !canApply(this.snapshot, event)) {
      return this.reject(key, 'NOT_ALLOWED', notAllowedMessage(command.type, this.phase, this.context));
    }
    return this.commit(event);
  }

  /**
   * A command already in the log, if any. The meeting's ids are read once, on
   * its first command since the server started, so a new command costs no query;
   * the sender of an older one is read from the log only when it is repeated.
   */
  private async acceptedCommand(commandId: string): Promise<{ revision: number; actorId: string } | undefined> {
    if (!this.commandIds) {
      const stored = await this.deps.store.listCommandIds(this.id);
      this.commandIds = new Map([...stored].map(([id, revision]) => [id, { revision }]));
    }
    const known = this.commandIds.get(commandId);
    if (!known) return undefined;
    known.actorId ??= (await this.deps.store.findCommand(this.id, commandId))?.actorId;
    return known.actorId === undefined ? undefined : { revision: known.revision, actorId: known.actorId };
  }

  /** Who a sender is in the log: the facilitator's account, a participant, or the display. */
  private actorOf(sender: Sender): string {
    if (sender.role === 'facilitator') return this.facilitatorId;
    return sender.participantId ?? sender.role;
  }

  private stamp(command: Command, sender: Sender): MeetingEvent | null {
    const by = { actorId: this.actorOf(sender), role: sender.role };
    const event: MeetingEvent = { ...command, at: this.deps.clock(), by };
    if (command.type !== 'lobby.admit' && command.type !== 'lobby.deny') return event;
    // A lobby decision is about someone waiting right now: never a link used unseen.
    const joiner = this.waiting(command.participantId);
    return joiner ? { ...event, joiner } : null;
  }

  private waiting(participantId: string): Joiner | null {
    const here = this.present.get(participantId);
    const member = this.context.members.find((m) => m.participantId === participantId);
    if (!here || here.attendance === 'in-room' || member?.admitted) return null;
    return { name: here.name, attendance: here.attendance };
  }

  private async commit(event: MeetingEvent): Promise<Ack> {
    const next = applyEvent(this.snapshot, event);
    const revision = this.revision + 1;
    try {
      await this.deps.store.appendEvent(
        this.id,
        { revision, commandId: event.commandId, event },
        persistMeeting(next),
        phaseOf(next),
        event.at,
        commandAudit(this.id, event, revision),
      );
    } catch (error) {
      this.deps.log.error({ meetingId: this.id, type: event.type, err: errorName(error) }, 'command not stored');
      // The write may have landed before the failure was seen: ask the log again next time.
      this.commandIds = null;
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The change could not be saved; please try again' }, revision: this.revision };
    }
    failpoint('after-write', event.type);
    this.snapshot = next;
    this.revisionNow = revision;
    this.commandIds?.set(event.commandId, { revision, actorId: event.by.actorId });
    this.deps.log.info({ meetingId: this.id, type: event.type, revision, role: event.by.role }, 'command accepted');
    if (event.type === 'lobby.deny') await this.turnAway(event);
    else this.publish();
    failpoint('after-broadcast', event.type);
    return { ok: true, revision };
  }

  /** A refused joiner sees a last, kind view and is let go; a guest's personal link dies first. */
  private async turnAway(event: Extract<MeetingEvent, { type: 'lobby.deny' }>) {
    if (event.joiner?.attendance === 'guest') {
      try {
        await this.deps.onGuestDenied?.(this.id, event.participantId);
      } catch (error) {
        this.deps.log.error({ meetingId: this.id, err: errorName(error) }, 'guest link not revoked');
      }
    }
    this.publish(event.participantId);
    this.deps.transport.dismiss(this.id, event.participantId);
  }

  private reject(key: string | null, code: ErrorCode, message: string): Ack {
    const ack: Ack = { ok: false, error: { code, message }, revision: this.revision };
    this.deps.log.info({ meetingId: this.id, code, revision: this.revision }, 'command refused');
    if (key !== null) {
      this.rejections.set(key, ack);
      if (this.rejections.size > REMEMBERED_REJECTIONS) this.rejections.delete(this.rejections.keys().next().value!);
    }
    return ack;
  }

  // --- presence -----------------------------------------------------------

  attach(conn: Connection): void {
    // A participant's first view would otherwise go out without their letter.
    if (conn.role === 'participant' && !this.texts) throw new Error('attach: the meeting\'s texts are not loaded');
    if (conn.role === 'display') this.displays += 1;
    if (conn.role === 'participant' && conn.participantId) {
      const here = this.present.get(conn.participantId);
      if (here) here.count += 1;
      else this.present.set(conn.participantId, { count: 1, name: conn.name ?? '', attendance: conn.attendance ?? 'in-room' });
      this.seen.add(conn.participantId);
    }
    this.publishPresence(conn);
  }

  detach(conn: Connection): void {
    if (conn.role === 'display') this.displays = Math.max(0, this.displays - 1);
    if (conn.role === 'participant' && conn.participantId) {
      const here = this.present.get(conn.participantId);
      if (here && --here.count <= 0) this.present.delete(conn.participantId);
    }
    this.publishPresence(null);
  }

  // --- views ----------------------------------------------------------------

  private state(): MeetingState {
    return { context: this.context, phase: this.phase, revision: this.revision };
  }

  private lobby(): LobbyEntry[] {
    const entries: LobbyEntry[] = [];
    for (const [participantId, here] of this.present) {
      const joiner = this.waiting(participantId);
      if (joiner) entries.push({ participantId, name: joiner.name, attendance: here.attendance === 'guest' ? 'guest' : 'remote' });
    }
    return entries;
  }

  viewFor(conn: Connection): MeetingView {
    const state = this.state();
    const agenda = publicAgenda(state, this.deps.clock());
    if (conn.role === 'facilitator') return this.facilitatorViewOf(state, agenda);
    if (conn.role === 'display') return displayView(agenda);
    return this.participantViewOf(state, agenda, conn.participantId!);
  }

  private participantViewOf(state: MeetingState, agenda: ReturnType<typeof publicAgenda>, participantId: string, denied = false) {
    const name = this.present.get(participantId)?.name ?? '';
    const texts = this.texts?.get(participantId) ?? { letter: null, bottomLine: null };
    const allowed = this.allowed({ role: 'participant', participantId }, participantId);
    const view = participantView(state, agenda, { participantId, name }, texts, allowed);
    return denied ? { ...view, lobby: 'denied' as const } : view;
  }

  private facilitatorViewOf(state: MeetingState, agenda: ReturnType<typeof publicAgenda>) {
    const allowed = this.allowed({ role: 'facilitator' }, this.facilitatorId);
    return facilitatorView(state, agenda, this.room(), allowed);
  }

  /** `allowedCommands` depends on the snapshot and the sender only, so it is asked once per snapshot. */
  private allowed(sender: Sender, actorId: string): CommandType[] {
    if (this.allowedMemo?.snapshot !== this.snapshot) this.allowedMemo = { snapshot: this.snapshot, bySender: new Map() };
    const key = `${sender.role}:${actorId}`;
    let allowed = this.allowedMemo.bySender.get(key);
    if (!allowed) {
      allowed = allowedCommands(this.snapshot, sender, actorId);
      this.allowedMemo.bySender.set(key, allowed);
    }
    return allowed;
  }

  private room() {
    const presence = new Map<string, 'connected' | 'away'>();
    for (const id of this.seen) presence.set(id, this.present.has(id) ? 'connected' : 'away');
    return { presence, lobby: this.lobby(), displaysConnected: this.displays };
  }

  /** Send every audience its fresh view. `deniedId` gets a final "denied" view. */
  private publish(deniedId?: string): void {
    const state = this.state();
    const agenda = publicAgenda(state, this.deps.clock());
    const deliveries: Delivery[] = this.facilitatorIfListening(state, agenda);
    // This view already holds the presence a pending refresh would send.
    if (this.facilitatorRefresh) clearImmediate(this.facilitatorRefresh);
    this.facilitatorRefresh = null;
    if (this.displays > 0) deliveries.push({ audience: { kind: 'display' }, view: displayView(agenda) });
    for (const participantId of this.present.keys()) {
      deliveries.push({
        audience: { kind: 'participant', participantId },
        view: this.participantViewOf(state, agenda, participantId, participantId === deniedId),
      });
    }
    this.deps.transport.deliver(this.id, deliveries);
  }

  /**
   * Presence and the lobby show only in the facilitator's view, so a connection
   * coming or going refreshes that view and sends the newcomer's own first view,
   * not every view of the meeting (the others would not change).
   */
  private publishPresence(arrived: Connection | null): void {
    const state = this.state();
    const agenda = publicAgenda(state, this.deps.clock());
    const deliveries: Delivery[] = [];
    // A newcomer's first view goes at once; the facilitator's refresh waits for the wave (below).
    if (arrived?.role === 'facilitator') deliveries.push({ audience: FACILITATOR, view: this.facilitatorViewOf(state, agenda) });
    else this.refreshFacilitatorSoon();
    if (arrived?.role === 'display') deliveries.push({ audience: { kind: 'display' }, view: displayView(agenda) });
    if (arrived?.role === 'participant' && arrived.participantId) {
      const participantId = arrived.participantId;
      deliveries.push({ audience: { kind: 'participant', participantId }, view: this.participantViewOf(state, agenda, participantId) });
    }
    if (deliveries.length > 0) this.deps.transport.deliver(this.id, deliveries);
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
      const state = this.state();
      const deliveries = this.facilitatorIfListening(state, publicAgenda(state, this.deps.clock()));
      if (deliveries.length > 0) this.deps.transport.deliver(this.id, deliveries);
    });
  }

  /** The facilitator's view, if a console is open: a view costs a projection and an encoding, and one for an empty room is thrown away. */
  private facilitatorIfListening(state: MeetingState, agenda: ReturnType<typeof publicAgenda>): Delivery[] {
    if (!this.deps.transport.listening(this.id, FACILITATOR)) return [];
    return [{ audience: FACILITATOR, view: this.facilitatorViewOf(state, agenda) }];
  }

  /** Wait for commands in flight, so shutdown never cuts a write in half. */
  async drain(): Promise<void> {
    await this.queue;
  }
}

function commandIdOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as Record<string, unknown>).commandId;
  return typeof id === 'string' && id.length > 0 && id.length <= LIMITS.commandId ? id : null;
}

/** Commands that do not depend on what the sender saw, as the rules table says (`never-stale`). */
function neverStale(command: Command): boolean {
  return !isStaleChecked(command.type);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
