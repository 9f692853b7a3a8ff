// The operations the server and the client perform on a meeting's machine:
// create, apply an event, ask whether an event is possible, persist, restore.
// They are pure functions over snapshots, so the server can persist the next
// state before it becomes the current one.
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { MeetingEvent } from '../protocol.js';
import type { MeetingContext, MeetingInput, Phase } from './context.js';
import { meetingMachine } from './machine.js';

export type MeetingSnapshot = SnapshotFrom<typeof meetingMachine>;
/** The JSON form of a snapshot, as stored. */
export type PersistedMeeting = ReturnType<typeof persistMeeting>;

export function createMeeting(input: MeetingInput): MeetingSnapshot {
  return initialTransition(meetingMachine, input)[0];
}

export function canApply(snapshot: MeetingSnapshot, event: MeetingEvent): boolean {
  return snapshot.can(event);
}

/** The next snapshot; the caller checks `canApply` first. */
export function applyEvent(snapshot: MeetingSnapshot, event: MeetingEvent): MeetingSnapshot {
  return transition(meetingMachine, snapshot, event)[0];
}

export function persistMeeting(snapshot: MeetingSnapshot) {
  return meetingMachine.getPersistedSnapshot(snapshot) as unknown as Record<string, unknown>;
}

export function restoreMeeting(persisted: unknown): MeetingSnapshot {
  return createActor(meetingMachine, { snapshot: persisted as never, input: undefined as never }).getSnapshot();
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
