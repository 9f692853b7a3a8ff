// The audit log: who did what and when, append-only and hash-chained so that
// an edited, removed or reordered entry shows. Each meeting has a chain of its
// own and account events (sign-ins, set-up) share one more, so that appending
// in one meeting never waits on another meeting's chain. It holds ids, actions
// and command types only: never names, letters, notes, reasons or tokens.
import { createHash } from 'node:crypto';
import type { MeetingEvent } from '../../shared/protocol.js';

export type AuditActorRole = 'facilitator' | 'participant' | 'display' | 'anonymous';

export interface AuditEntry {
  at: number;
  actorRole: AuditActorRole;
  actorId: string | null;
  action: string;
  /** The meeting whose chain the entry joins; null for the account chain. */
  meetingId: string | null;
  subjectId: string | null;
  /** Small, non-health facts: a command type, a revision, a link kind. */
  detail: Record<string, string | number | boolean | null> | null;
}

export interface AuditRecord extends AuditEntry {
  /** Unique across the whole log, in the order entries were written. */
  seq: number;
  /** The entry's place in its own chain: 1, 2, 3… */
  position: number;
  prevHash: string;
  hash: string;
}

/** Where a chain ends: the last entry's position and hash. */
export interface ChainTail {
  position: number;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The chain's key in storage: the meeting id, or this for account events (a meeting id is a UUID, never this word). */
export const ACCOUNT_CHAIN = 'account';

export const chainOf = (meetingId: string | null): string => meetingId ?? ACCOUNT_CHAIN;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The link of one entry: its position, its facts and the hash before it. */
export function chainHash(prevHash: string, e: AuditEntry & { position: number }): string {
  return sha256(prevHash + '\n' + JSON.stringify([e.position, e.at, e.actorRole, e.actorId, e.action, e.meetingId, e.subjectId, e.detail]));
}

/** What the next entry of a chain whose end is `tail` (undefined: empty) stores besides its facts. */
export function nextLink(entry: AuditEntry, tail: ChainTail | undefined): { position: number; prevHash: string; hash: string } {
  const position = (tail?.position ?? 0) + 1;
  const prevHash = tail?.hash ?? GENESIS_HASH;
  return { position, prevHash, hash: chainHash(prevHash, { ...entry, position }) };
}

export interface ChainCheck {
  intact: boolean;
  /** How many entries were checked. */
  checked: number;
  /** The `seq` of the first entry whose link does not hold; null when intact. */
  brokenAt: number | null;
}

/** Walk one chain (oldest first) from the start; the first entry whose link does not hold is where tampering begins. */
export function verifyChain(records: AuditRecord[]): ChainCheck {
  let prev = GENESIS_HASH;
  let position = 1;
  for (const record of records) {
    if (record.position !== position || record.prevHash !== prev || chainHash(prev, record) !== record.hash) {
      return { intact: false, checked: records.length, brokenAt: record.seq };
    }
    prev = record.hash;
    position += 1;
  }
  return { intact: true, checked: records.length, brokenAt: null };
}

/** Several chains checked together: intact only if each is; the first break found, in the order given. */
export function verifyChains(...chains: AuditRecord[][]): ChainCheck {
  const checks = chains.map(verifyChain);
  return {
    intact: checks.every((c) => c.intact),
    checked: checks.reduce((sum, c) => sum + c.checked, 0),
    brokenAt: checks.find((c) => !c.intact)?.brokenAt ?? null,
  };
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
