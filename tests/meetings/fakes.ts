// Hand-written doubles for driving a meeting runtime without sockets or
// SQLite: a store that keeps the log in memory, a transport that records what
// it delivers, and one journal in which both write, so that a test can read
// the order in which things happened.
import { createMeeting, persistMeeting, phaseOf } from '../../shared/meeting/agenda.js';
import type { MeetingInput } from '../../shared/meeting/context.js';
import type { PrivateTexts } from '../../shared/meeting/view.js';
import type { Logger } from '../../server/logger.js';
import type { RegistryStore } from '../../server/meetings/registry.js';
import { MeetingRuntime } from '../../server/meetings/runtime.js';
import type { Audience, Delivery, MeetingTransport, PartDelivery } from '../../server/meetings/runtime.js';
import type { MeetingRecord, StoredEvent } from '../../server/store/types.js';
import { meetingInput } from '../helpers/events.js';

export const FACILITATOR_ID = 'fac-1';
export const T0 = 1_700_000_000_000;

const who = (audience: Audience) => (audience.kind === 'participant' ? audience.participantId : audience.kind);

/** The log and snapshot of one meeting, in memory. `failNext` makes the next append throw (after storing, with `landed`). */
export class FakeStore implements RegistryStore {
  readonly events: StoredEvent[] = [];
  readonly calls: string[] = [];
  failNext: { error: Error; landed: boolean } | null = null;
  /** Whether a write lets a turn of the event loop pass (like a write to another thread) or only a microtask. */
  writesTakeATurn = true;
  texts = new Map<string, PrivateTexts>([['p-ann', { letter: 'letter-of-ann', bottomLine: null }]]);

  constructor(
    public record: MeetingRecord,
    private readonly journal: string[] = [],
  ) {}

  async appendEvent(meetingId: string, stored: StoredEvent, snapshot: unknown | null, phase: string) {
    this.calls.push('appendEvent');
    // A real write takes time: whatever the runtime does next must wait for it.
    await new Promise((resolve) => (this.writesTakeATurn ? setImmediate(resolve) : queueMicrotask(() => resolve(undefined))));
    const failure = this.failNext;
    this.failNext = null;
    if (failure && !failure.landed) throw failure.error;
    if (this.events.some((e) => e.revision === stored.revision || e.commandId === stored.commandId)) throw new Error('UNIQUE constraint failed');
    this.events.push(structuredClone(stored));
    // Null keeps the stored snapshot, as the stores do (issue 14).
    this.record = { ...this.record, snapshot: snapshot === null ? this.record.snapshot : structuredClone(snapshot), revision: stored.revision, phase };
    this.journal.push(`persisted ${stored.revision}`);
    if (failure) throw failure.error;
  }

  async listCommandIds() {
    this.calls.push('listCommandIds');
    return new Map(this.events.map((e) => [e.commandId, e.revision]));
  }

  async findCommand(meetingId: string, commandId: string) {
    this.calls.push('findCommand');
    const found = this.events.find((e) => e.commandId === commandId);
    return found && { revision: found.revision, actorId: found.event.by.actorId };
  }

  async listMeetingTexts() {
    this.calls.push('listMeetingTexts');
    return this.texts;
  }

  /** The runtime reaches the log through `store.meetings` and the texts through `store.cases`: one fake plays both. */
  get meetings() {
    return this;
  }
  get cases() {
    return this;
  }

  async get(id: string) {
    return id === this.record.id ? structuredClone(this.record) : undefined;
  }

  async listUnclosed() {
    return this.record.phase === 'closed' ? [] : [structuredClone(this.record)];
  }

  async listEvents(meetingId?: string, afterRevision = 0) {
    this.calls.push('listEvents');
    return structuredClone(this.events.filter((e) => e.revision > afterRevision));
  }
}

/** Records deliveries as "delivered <audience> r<revision>"; a facilitator's console is open unless told otherwise. */
export class FakeTransport implements MeetingTransport {
  readonly deliveries: Delivery[] = [];
  readonly listeners = new Set<string>(['facilitator']);

  constructor(private readonly journal: string[] = []) {}

  deliver(meetingId: string, deliveries: Delivery[]) {
    for (const d of deliveries) {
      this.deliveries.push(d);
      this.journal.push(`delivered ${who(d.audience)} r${d.view.revision}`);
    }
  }

  /** v2 parts (issue 14), kept apart from the journal, which records v1 deliveries. */
  readonly parts: PartDelivery[] = [];
  deliverParts(meetingId: string, parts: PartDelivery[]) {
    this.parts.push(...parts);
  }

  agendaAccess() {}

  /** v2 listeners are named `v2:<audience>` in `listeners`. */
  listening(meetingId: string, audience: Audience, protocol = 1) {
    return this.listeners.has(protocol === 2 ? `v2:${who(audience)}` : who(audience));
  }

  dismiss(meetingId: string, participantId: string) {
    this.journal.push(`dismissed ${participantId}`);
  }

  /** The views one audience received, in order. */
  viewsOf(audience: string) {
    return this.deliveries.filter((d) => who(d.audience) === audience).map((d) => d.view);
  }
}

export class FakeLog implements Logger {
  readonly lines: Array<{ level: string; obj: object; msg?: string }> = [];
  info(obj: object, msg?: string) {
    this.lines.push({ level: 'info', obj, msg });
  }
  warn(obj: object, msg?: string) {
    this.lines.push({ level: 'warn', obj, msg });
  }
  error(obj: object, msg?: string) {
    this.lines.push({ level: 'error', obj, msg });
  }
}

/** A meeting record at revision 0, as creating a meeting stores it. */
export function newMeetingRecord(input: MeetingInput = meetingInput()): MeetingRecord {
  const snapshot = createMeeting(input);
  return {
    id: input.meetingId, caseId: 'case-1', facilitatorId: FACILITATOR_ID, input,
    snapshot: persistMeeting(snapshot), revision: 0, phase: phaseOf(snapshot), createdAt: T0, updatedAt: T0,
  };
}

/** A live meeting over the fakes, with everything it does written to `journal`. */
export function liveMeeting(options: { onGuestDenied?: (meetingId: string, participantId: string) => Promise<void> } = {}) {
  const journal: string[] = [];
  const store = new FakeStore(newMeetingRecord(), journal);
  const transport = new FakeTransport(journal);
  const log = new FakeLog();
  let now = T0;
  const clock = () => (now += 1000);
  const deps = { store, transport, clock, log, onGuestDenied: options.onGuestDenied };
  const runtime = new MeetingRuntime(store.record, createMeeting(store.record.input), deps);
  return { runtime, store, transport, log, journal, deps };
}

export const facilitator = { role: 'facilitator' as const };
export const display = { role: 'display' as const };
export const participant = (participantId: string) => ({ role: 'participant' as const, participantId });
