// The operations the server and the console perform on a case's stage machine:
// create, apply a stamped event, persist, restore, replay. Pure functions over
// snapshots, as for the meeting (shared/meeting/agenda.ts), so the server can
// store the next state before it becomes the current one.
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { caseMachine, type CaseContext, type CaseInput } from './machine.js';
import type { CaseEvent } from './stages.js';
import { CASE_STAGES, type CaseStage } from './vocabulary.js';

export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;

/**
 * The case machine's version, stored with every snapshot. Raise it with any change after which a
 * stored snapshot would not restore as the same case (a stage added, renamed or moved, a context
 * field changed): the case is then rebuilt by replaying its stage events.
 */
export const CASE_MACHINE_VERSION = 1;

/** The JSON form of a snapshot, as stored (sealed: a cancellation's note is health data). */
export interface PersistedCase {
  machineVersion: number;
  state: Record<string, unknown>;
}

/** A stored snapshot this machine cannot take as it is; the caller rebuilds the case with `replayCase`. */
export class CaseSnapshotMismatch extends Error {
  constructor(readonly machineVersion: number | null) {
    super(machineVersion === null ? 'the stored case snapshot does not restore' : `the stored case snapshot is from machine version ${machineVersion}`);
  }
}

/** A new case, at `intake`. */
export function createCaseFile(input: CaseInput): CaseSnapshot {
  return initialTransition(caseMachine, input)[0];
}

/** Whether the machine takes the event now: the stage order only (guards.ts adds the content's). */
export function canApplyCase(snapshot: CaseSnapshot, event: CaseEvent): boolean {
  return snapshot.can(event);
}

/** The next snapshot; the caller checks `canApplyCase` (or `decideMove`) first. */
export function applyCaseEvent(snapshot: CaseSnapshot, event: CaseEvent): CaseSnapshot {
  return transition(caseMachine, snapshot, event)[0];
}

export function stageOf(snapshot: CaseSnapshot): CaseStage {
  return snapshot.context.stage;
}

export function caseContextOf(snapshot: CaseSnapshot): CaseContext {
  return snapshot.context;
}

/** The stored form of a snapshot, stamped with CASE_MACHINE_VERSION. */
export function persistCase(snapshot: CaseSnapshot): PersistedCase {
  const state = caseMachine.getPersistedSnapshot(snapshot) as unknown as Record<string, unknown>;
  return { machineVersion: CASE_MACHINE_VERSION, state };
}

/**
 * The snapshot a stored one holds. Throws CaseSnapshotMismatch for another machine version, or a
 * state that does not restore to a known stage matching its context.
 */
export function restoreCase(persisted: unknown): CaseSnapshot {
  const record = typeof persisted === 'object' && persisted !== null ? (persisted as Partial<PersistedCase>) : {};
  if (record.machineVersion !== CASE_MACHINE_VERSION) {
    throw new CaseSnapshotMismatch(typeof record.machineVersion === 'number' ? record.machineVersion : null);
  }
  const state = record.state;
  if (typeof state !== 'object' || state === null || (state.status !== 'active' && state.status !== 'done')) {
    throw new CaseSnapshotMismatch(null);
  }
  const snapshot = createActor(caseMachine, { snapshot: state as never, input: undefined as never }).getSnapshot();
  if (snapshot.status !== state.status || !matchesItsStage(snapshot)) throw new CaseSnapshotMismatch(null);
  return snapshot;
}

function matchesItsStage(snapshot: CaseSnapshot): boolean {
  const stage = snapshot.context?.stage;
  if (!(CASE_STAGES as readonly string[]).includes(stage)) return false;
  return stage === 'closed' || stage === 'cancelled' ? snapshot.matches(stage) : snapshot.matches({ open: stage } as never);
}

/** Rebuild a case from its creation input and its stage events, in order. */
export function replayCase(input: CaseInput, events: readonly CaseEvent[]): CaseSnapshot {
  return events.reduce((snapshot, event) => applyCaseEvent(snapshot, event), createCaseFile(input));
}
