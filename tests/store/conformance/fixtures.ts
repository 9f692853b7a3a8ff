// Records for the conformance suite, and a hook that gives each test a fresh store.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import type { AuditEntry } from '../../../server/store/audit.js';
import type { CaseRecord, FacilitatorRecord, LinkRecord, MeetingRecord, ParticipantRecord, Store } from '../../../server/store/types.js';
import type { MeetingInput } from '../../../shared/meeting/context.js';
import type { MeetingEvent } from '../../../shared/protocol.js';
import type { OpenedStore, StoreHarness } from '../conformance.js';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A fresh store per test: `current()` returns it. */
export function freshStore(open: StoreHarness): () => OpenedStore {
  let opened: OpenedStore | undefined;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  return () => opened!;
}

export const facilitator = (over: Partial<FacilitatorRecord> = {}): FacilitatorRecord => ({
  id: randomUUID(), name: 'Dana Facilitator', email: 'dana@example.org', passwordHash: 'scrypt$not-a-real-hash', createdAt: T0, ...over,
});

export const kase = (facilitatorId: string, over: Partial<CaseRecord> = {}): CaseRecord => ({
  id: randomUUID(), facilitatorId, lovedOneName: 'Samwise-Lovedone', approach: 'johnson', createdAt: T0, ...over,
});

export const participant = (caseId: string, over: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  id: randomUUID(), caseId, meetingId: null, name: 'Annabella-Planned', relationship: 'Sister-relationship', attendance: 'in-room',
  letter: 'Letter-text: the summer at the lake house', bottomLine: 'Bottom-line-text: no more rent', createdAt: T0, ...over,
});

export const meeting = (caseId: string, facilitatorId: string, over: Partial<MeetingRecord> = {}): MeetingRecord => {
  const id = over.id ?? randomUUID();
  const input: MeetingInput = {
    meetingId: id, approach: 'johnson', usesBottomLines: true, turnSeconds: 180,
    members: [{ participantId: 'p-1', name: 'Annabella-Planned', attendance: 'in-room' }], speakingOrder: ['p-1'],
  };
  return { id, caseId, facilitatorId, input, snapshot: { value: 'gathering', context: { note: 'Snapshot-note-text' } }, revision: 0, phase: 'gathering', createdAt: T0, updatedAt: T0, ...over };
};

export const link = (meetingId: string, over: Partial<LinkRecord> = {}): LinkRecord => ({
  id: randomUUID(), meetingId, kind: 'participant', participantId: null, tokenHash: randomUUID(), parentLinkId: null, createdAt: T0, revokedAt: null, ...over,
});

/** A stamped command as the runtime stores it. */
export const event = (revision: number, over: Record<string, unknown> = {}): MeetingEvent =>
  ({ type: 'pause.start', reason: 'outburst', commandId: `cmd-${revision}`, expectedRevision: revision - 1, at: T0 + revision * 1000, by: { actorId: 'f-1', role: 'facilitator' }, ...over }) as MeetingEvent;

export const auditEntry = (meetingId: string | null, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: T0, actorRole: 'facilitator', actorId: 'f-1', action: meetingId ? 'link.issued' : 'login', meetingId, subjectId: null, detail: null, ...over,
});

/** A facilitator, a case and a meeting at revision 0, as most tests need them. */
export async function seedMeeting(store: Store) {
  const f = facilitator();
  await store.accounts.createFirstFacilitator(f);
  const c = kase(f.id);
  await store.cases.createCase(c);
  const m = meeting(c.id, f.id);
  await store.meetings.create(m);
  return { f, c, m };
}

/** Appends the command of `revision` the way the runtime does; `snapshot: null` stores none (issue 14). */
export function append(
  store: Store, meetingId: string, revision: number, over: Record<string, unknown> = {}, phase = 'gathering',
  snapshot: unknown | null = { value: phase, revision },
) {
  const e = event(revision, over);
  return store.meetings.appendEvent(meetingId, { revision, commandId: e.commandId, event: e }, snapshot, phase, e.at, {
    at: e.at, actorRole: 'facilitator', actorId: 'f-1', action: 'command', meetingId, subjectId: null, detail: { type: e.type, revision },
  });
}
