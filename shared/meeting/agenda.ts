// The operations the server and the client perform on a meeting's machine:
// create, apply an event, ask whether an event is possible, persist, restore.
// They are pure functions over snapshots, so the server can persist the next
// state before it becomes the current one.
import { createActor, initialTransition, type AnyActorScope, type SnapshotFrom } from 'xstate';
import type { MeetingEvent } from '../protocol.js';
import { PHASES, type MeetingContext, type MeetingInput, type Phase } from './context.js';
import { meetingMachine } from './machine.js';

export type MeetingSnapshot = SnapshotFrom<typeof meetingMachine>;

/**
 * The meeting machine's version, stored with every snapshot. Raise it with any
 * change to the machine after which a stored snapshot would not restore as the
 * same meeting (a state added, renamed or moved, a context field changed):
 * meetings under way are then rebuilt by replaying their event log on load.
 * Today's release stored snapshots without a version; they count as version 1.
 * A new optional context field that an older snapshot lacks and the machine reads as empty
 * (`objections`, `walkOutFollowers`, `raisedObjections`: none) does not need it, as long as a
 * meeting without it keeps exactly the context it had, so that its log replays to its snapshot.
 */
export const MEETING_MACHINE_VERSION = 1;

/** The JSON form of a snapshot, as stored: XState's persisted snapshot and the machine version that made it. */
export interface PersistedMeeting {
  machineVersion: number;
  state: Record<string, unknown>;
}

/** A stored snapshot this machine cannot take as it is; the caller rebuilds the meeting with `replay`. */
export class SnapshotMismatch extends Error {
  constructor(readonly machineVersion: number | null) {
    super(machineVersion === null ? 'the stored snapshot does not restore' : `the stored snapshot is from machine version ${machineVersion}`);
  }
}

export function createMeeting(input: MeetingInput): MeetingSnapshot {
  return initialTransition(meetingMachine, input)[0];
}

export function canApply(snapshot: MeetingSnapshot, event: MeetingEvent): boolean {
  return snapshot.can(event);
}

/**
 * The next snapshot if the machine accepts `event` (as `canApply` judges), else null: one
 * transition where `canApply` then `applyEvent` select the transitions twice (issue 14, the
 * receive path). An event the machine refuses leaves the snapshot as it was, the same object
 * (XState returns it unchanged when no transition is enabled, or only forbidden ones, and this
 * machine has no eventless transitions), so only then is `can` asked: a transition that is
 * enabled but changes nothing still counts as accepted, exactly as before.
 */
export function tryEvent(snapshot: MeetingSnapshot, event: MeetingEvent): MeetingSnapshot | null {
  const next = applyEvent(snapshot, event);
  return next !== snapshot || canApply(snapshot, event) ? next : null;
}

/** The next snapshot; the caller checks `canApply` first (or uses `tryEvent`). */
export function applyEvent(snapshot: MeetingSnapshot, event: MeetingEvent): MeetingSnapshot {
  return meetingMachine.transition(snapshot, event, inertScope());
}

let scope: AnyActorScope | undefined;

/**
 * The scope every transition runs in. XState's `transition()` builds a new actor for each call
 * (and with it the machine's whole initial snapshot): most of a command's time in the machine
 * (issue 14). The machine only assigns (no spawned or invoked actors, no delays, no emitted
 * events), and its actions are never executed, as with `transition()`, so one scope serves all.
 */
function inertScope(): AnyActorScope {
  if (scope) return scope;
  const self = createActor(meetingMachine, { input: undefined as never });
  scope = {
    self, id: '', sessionId: '', system: self.system,
    logger: () => undefined, defer: () => undefined, emit: () => undefined, stopChild: () => undefined, actionExecutor: () => undefined,
  };
  return scope;
}

/** The stored form of a snapshot, stamped with MEETING_MACHINE_VERSION. */
export function persistMeeting(snapshot: MeetingSnapshot): PersistedMeeting {
  const state = meetingMachine.getPersistedSnapshot(snapshot) as unknown as Record<string, unknown>;
  return { machineVersion: MEETING_MACHINE_VERSION, state };
}

/**
 * The snapshot a stored one holds. Throws SnapshotMismatch when it was made by
 * another machine version or does not restore to a known phase (XState does
 * not throw on those: it answers an errored or even a fresh snapshot).
 */
export function restoreMeeting(persisted: unknown): MeetingSnapshot {
  const { machineVersion, state } = unwrap(persisted);
  if (machineVersion !== MEETING_MACHINE_VERSION) throw new SnapshotMismatch(machineVersion);
  if (state === null || (state.status !== 'active' && state.status !== 'done')) throw new SnapshotMismatch(null);
  const snapshot = createActor(meetingMachine, { snapshot: state as never, input: undefined as never }).getSnapshot();
  if (snapshot.status !== state.status || !knownPhase(snapshot)) throw new SnapshotMismatch(null);
  return snapshot;
}

function knownPhase(snapshot: MeetingSnapshot): boolean {
  try {
    return (PHASES as readonly string[]).includes(phaseOf(snapshot));
  } catch {
    return false;
  }
}

/** The version and state of a stored snapshot; one without a version is today's release's bare XState snapshot. */
function unwrap(persisted: unknown): { machineVersion: number; state: Record<string, unknown> | null } {
  const record = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>) : null;
  if (record && typeof record.machineVersion === 'number') {
    const state = typeof record.state === 'object' && record.state !== null ? (record.state as Record<string, unknown>) : null;
    return { machineVersion: record.machineVersion, state };
  }
  return { machineVersion: 1, state: record };
}

/** Rebuild a meeting from its creation input and its event log. */
export function replay(input: MeetingInput, events: MeetingEvent[]): MeetingSnapshot {
  return events.reduce((snapshot, event) => applyEvent(snapshot, event), createMeeting(input));
}

export function phaseOf(snapshot: MeetingSnapshot): Phase {
  if (snapshot.matches('closed')) return 'closed';
  if (snapshot.matches('outcome')) return 'outcome';
  if (snapshot.matches({ active: 'paused' })) return 'paused';
  const value = snapshot.value as { active: { live: Phase } };
  return value.active.live;
}

export function contextOf(snapshot: MeetingSnapshot): MeetingContext {
  return snapshot.context;
}
