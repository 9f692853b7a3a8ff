// The audit log: who did what and when, append-only and hash-chained so that
// an edited, removed or reordered entry shows. It holds ids, actions and
// command types only: never names, letters, notes, reasons or tokens.
import { createHash } from 'node:crypto';
import type { MeetingEvent } from '../../shared/protocol.js';

export type AuditActorRole = 'facilitator' | 'participant' | 'display' | 'anonymous';

export interface AuditEntry {
  at: number;
  actorRole: AuditActorRole;
  actorId: string | null;
  action: string;
  meetingId: string | null;
  subjectId: string | null;
  /** Small, non-health facts: a command type, a revision, a link kind. */
  detail: Record<string, string | number | boolean | null> | null;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The chain link of one entry. Self-contained (no imports used inside), so the
 * event-log writer thread runs this very function from its source text.
 */
export function chainHash(sha256: (text: string) => string, prevHash: string, e: AuditEntry & { seq: number }): string {
  return sha256(prevHash + '\n' + JSON.stringify([e.seq, e.at, e.actorRole, e.actorId, e.action, e.meetingId, e.subjectId, e.detail]));
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Walk the chain from the start; the first entry whose link does not hold is where tampering begins. */
export function verifyChain(records: AuditRecord[]): { intact: boolean; checked: number; brokenAt: number | null } {
  let prev = GENESIS_HASH;
  let expectedSeq = records[0]?.seq ?? 1;
  for (const record of records) {
    if (record.seq !== expectedSeq || record.prevHash !== prev || chainHash(sha256, prev, record) !== record.hash) {
      return { intact: false, checked: records.length, brokenAt: record.seq };
    }
    prev = record.hash;
    expectedSeq += 1;
  }
  return { intact: true, checked: records.length, brokenAt: null };
}

/** What the log keeps of an accepted command: its type and revision, and whom a lobby decision was about. */
export function commandAudit(meetingId: string, event: MeetingEvent, revision: number): AuditEntry {
  const subject = 'participantId' in event && typeof event.participantId === 'string' ? event.participantId : null;
  return {
    at: event.at,
    actorRole: event.by.role,
    actorId: event.by.actorId,
    action: 'command',
    meetingId,
    subjectId: subject,
    detail: { type: event.type, revision },
  };
}
