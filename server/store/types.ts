// The storage interface. SQLite implements it today; a PostgreSQL
// implementation is planned, which is why every method returns a Promise even
// though better-sqlite3 answers synchronously. The meeting runtime serialises
// commands per meeting, so it does not rely on the store being synchronous.
import type { Approach } from '../../shared/approaches.js';
import type { LinkKind, MemberAttendance } from '../../shared/vocabulary.js';
import type { MeetingEvent } from '../../shared/protocol.js';
import type { MeetingInput } from '../../shared/meeting/context.js';
import type { PrivateTexts } from '../../shared/meeting/view.js';
import type { AuditEntry, AuditRecord } from './audit.js';

export interface FacilitatorRecord {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  createdAt: number;
}

export interface SessionRecord {
  idHash: string;
  facilitatorId: string;
  createdAt: number;
  expiresAt: number;
}

export interface CaseRecord {
  id: string;
  facilitatorId: string;
  lovedOneName: string;
  approach: Approach;
  createdAt: number;
}

export type ParticipantAttendance = MemberAttendance;

export interface ParticipantRecord {
  id: string;
  caseId: string;
  /** Set for guests, who belong to the meeting they joined rather than to the case plan. */
  meetingId: string | null;
  name: string;
  relationship: string;
  attendance: ParticipantAttendance;
  letter: string | null;
  bottomLine: string | null;
  createdAt: number;
}

export type { LinkKind };

export interface LinkRecord {
  id: string;
  meetingId: string;
  kind: LinkKind;
  participantId: string | null;
  tokenHash: string;
  /** For guest links: the shared remote link they came through. */
  parentLinkId: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export interface MeetingRecord {
  id: string;
  caseId: string;
  facilitatorId: string;
  input: MeetingInput;
  snapshot: unknown;
  revision: number;
  phase: string;
  createdAt: number;
  updatedAt: number;
}

export interface StoredEvent {
  revision: number;
  commandId: string;
  event: MeetingEvent;
}

export interface Store {
  countFacilitators(): Promise<number>;
  /** Creates the account only while none exists; false if one already does. */
  createFirstFacilitator(record: FacilitatorRecord): Promise<boolean>;
  findFacilitatorByEmail(email: string): Promise<FacilitatorRecord | undefined>;
  getFacilitator(id: string): Promise<FacilitatorRecord | undefined>;

  createSession(record: SessionRecord): Promise<void>;
  findSession(idHash: string, now: number): Promise<SessionRecord | undefined>;
  extendSession(idHash: string, expiresAt: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;

  createCase(record: CaseRecord): Promise<void>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  listCases(facilitatorId: string): Promise<CaseRecord[]>;

  createParticipant(record: ParticipantRecord): Promise<void>;
  getParticipant(id: string): Promise<ParticipantRecord | undefined>;
  listCaseParticipants(caseId: string): Promise<ParticipantRecord[]>;
  /** The letter and bottom line of everyone in a meeting (the case's participants and its guests), by participant id. */
  listMeetingTexts(meetingId: string, caseId: string): Promise<Map<string, PrivateTexts>>;

  /** Meeting, snapshot at revision 0 and links, in one transaction. */
  createMeeting(meeting: MeetingRecord, links: LinkRecord[]): Promise<void>;
  getMeeting(id: string): Promise<MeetingRecord | undefined>;
  listMeetingsForCase(caseId: string): Promise<MeetingRecord[]>;
  listUnclosedMeetings(): Promise<MeetingRecord[]>;
  /**
   * The heart of durability: the event joins the log and the snapshot is
   * replaced in one transaction. Only after this resolves may the command be
   * acknowledged. Rejects if the revision or commandId is already taken.
   */
  appendEvent(meetingId: string, stored: StoredEvent, snapshot: unknown, phase: string, at: number, audit: AuditEntry): Promise<void>;
  /** An accepted command by its id: its revision and who sent it. */
  findCommand(meetingId: string, commandId: string): Promise<{ revision: number; actorId: string } | undefined>;
  /** Every command id in a meeting's log, with the revision it was accepted at (no decryption). */
  listCommandIds(meetingId: string): Promise<Map<string, number>>;
  listEvents(meetingId: string): Promise<StoredEvent[]>;

  createLink(record: LinkRecord): Promise<void>;
  findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | undefined>;
  getLink(id: string): Promise<LinkRecord | undefined>;
  listLinks(meetingId: string): Promise<LinkRecord[]>;
  revokeLinks(ids: string[], at: number): Promise<void>;

  /** Append to the hash-chained audit log (commands join it through appendEvent). */
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(meetingId: string): Promise<AuditRecord[]>;
  /** The whole chain, oldest first, for verification. */
  listAllAudit(): Promise<AuditRecord[]>;

  close(): Promise<void>;
}
