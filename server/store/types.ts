// The storage interfaces, one per aggregate: accounts (and their sessions),
// cases (with their participants and the texts they wrote), meetings (with
// their event log and snapshot), links and the audit log. SQLite implements
// them (sqlite.ts) and so does PostgreSQL (postgres.ts, issue 17), which is why
// every method returns a Promise even though better-sqlite3 answers
// synchronously, and why the queries are written with Kysely (server/store/kysely/). The meeting runtime
// serialises commands per meeting, so it does not rely on the store being
// synchronous. docs/store.md describes the layout.
import type { Approach } from '../../shared/approaches.js';
import type { Language, LinkKind, MemberAttendance } from '../../shared/vocabulary.js';
import type { MeetingEvent } from '../../shared/protocol.js';
import type { MeetingInput } from '../../shared/meeting/context.js';
import type { PrivateTexts } from '../../shared/meeting/view.js';
import type { AuditEntry, AuditRecord } from './audit.js';
import type { Assessment } from '../../shared/case/assessment.js';
import type { Objection } from '../../shared/case/objections.js';
import type { ReadinessMark } from '../../shared/case/readiness.js';
import type { CaseEvent } from '../../shared/case/stages.js';
import type { CaseRole, CaseStage, ReadinessItem } from '../../shared/case/vocabulary.js';
import type { Screening } from '../../shared/screeners/catalog.js';
import type { LetterPart, LetterState } from '../../shared/prepare/vocabulary.js';
import type { CaseLogistics, Facility } from '../../shared/case/logistics.js';
import type { ConsentForm, ConsentSignature } from '../../shared/case/consent.js';
import type { Transition } from '../../shared/case/transition.js';
import type { AccountRole, InvitationPurpose, StaffRole } from '../../shared/practice.js';
import type { Outcome } from '../../shared/vocabulary.js';
import type { FollowUpKind, FollowUpStatus } from '../../shared/case/aftercare-vocabulary.js';
import type { Commitment, NextStepsPlan } from '../../shared/case/next-steps.js';

export interface FacilitatorRecord {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  /** Milliseconds since the epoch, like every `…At` in the store. */
  createdAt: number;
}

/** An account as the store keeps it since migration 011: its role and whether it still works. */
export interface AccountRecord extends FacilitatorRecord {
  role: AccountRole;
  /** When it was deactivated (ms); null while it works. */
  deactivatedAt: number | null;
}

/** A one-time link: an invitation to join, or a password reset (issue 16). Only the token's hash is kept. */
export interface InvitationRecord {
  id: string;
  purpose: InvitationPurpose;
  /** Lower-cased. For a reset, the account's address when the link was made. */
  email: string;
  role: AccountRole;
  /** For a reset: whose password it sets. Null for an invitation. */
  accountId: string | null;
  tokenHash: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  revokedAt: number | null;
}

/** A colleague on a case beside its owner (not the family team). */
export interface StaffRecord {
  caseId: string;
  accountId: string;
  role: StaffRole;
  addedBy: string;
  addedAt: number;
}

export interface SessionRecord {
  /** A hash of the session id: a copy of the database opens no session. */
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
  /** The language of their screens (issue 15); absent means `en` (written so, and read back so). */
  language?: Language;
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
  /** The room display's language (issue 15); absent means `en` (written so, and read back so). */
  displayLanguage?: Language;
}

export interface StoredEvent {
  revision: number;
  commandId: string;
  event: MeetingEvent;
}

/** The facilitators' accounts and their signed-in sessions. */
export interface Accounts {
  countFacilitators(): Promise<number>;
  /** Creates the account only while none exists; false if one already does (checked and written atomically). */
  createFirstFacilitator(record: FacilitatorRecord): Promise<boolean>;
  /** Case-insensitive on the address. Deactivated accounts too: the caller decides. */
  findFacilitatorByEmail(email: string): Promise<AccountRecord | undefined>;
  getFacilitator(id: string): Promise<AccountRecord | undefined>;
  /** Every account, active or not, oldest first. */
  listAccounts(): Promise<AccountRecord[]>;
  /** Creates an account; false if the address (case-insensitive) is taken. */
  createAccount(record: AccountRecord): Promise<boolean>;
  /** Deactivates (`at`, ms) or reactivates (null) an account. Its sessions are the caller's to end. */
  setDeactivated(id: string, at: number | null): Promise<void>;
  setRole(id: string, role: AccountRole): Promise<void>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  /** Active admins: the practice must keep one. */
  countActiveAdmins(): Promise<number>;
  /** Deletes the account's sessions except `keep` (a hash); returns the hashes deleted, so their sockets can be closed. */
  deleteSessionsOf(facilitatorId: string, keep?: string): Promise<string[]>;

  createSession(record: SessionRecord): Promise<void>;
  /** The session if it has not expired by `now` (ms). */
  findSession(idHash: string, now: number): Promise<SessionRecord | undefined>;
  extendSession(idHash: string, expiresAt: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
}

/** Cases, the people of each case, and the letters and bottom lines they wrote (sealed at rest). */
export interface Cases {
  createCase(record: CaseRecord): Promise<void>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  /** The cases the account owns or works as a colleague (case_staff, issue 16); newest first. */
  listCases(facilitatorId: string): Promise<CaseRecord[]>;

  createParticipant(record: ParticipantRecord): Promise<void>;
  getParticipant(id: string): Promise<ParticipantRecord | undefined>;
  /** The case's planned participants (not the guests), in the order they were added. */
  listParticipants(caseId: string): Promise<ParticipantRecord[]>;
  /**
   * The letter and bottom line of everyone in a meeting (the case's participants and its guests), by
   * participant id; a responder's entry also carries `objections` (their objections' texts).
   */
  listMeetingTexts(meetingId: string, caseId: string): Promise<Map<string, PrivateTexts>>;
  /**
   * Deletes a guest's row (their sealed name with it): only a guest, one who belongs to a meeting,
   * never a planned participant. For a guest who left the lobby before anyone decided on them.
   */
  removeGuest(participantId: string): Promise<void>;
  /**
   * The calendar labels of `caseIds` (a newcomer's trial): what the follow-up feed calls each case,
   * the label its interventionist chose or else "Case <n>", n counted per practice in the order
   * cases were made (migration 012). Ids with no case are left out.
   */
  calendarLabels(caseIds: readonly string[]): Promise<Map<string, CalendarLabel>>;
  /** Sets a case's chosen calendar label (sealed), or with null goes back to "Case <n>". */
  setCalendarLabel(caseId: string, label: string | null): Promise<void>;
  /** Changes the given fields of a participant (undefined leaves a field as it is). */
  updateParticipant(id: string, patch: ParticipantPatch): Promise<void>;
  /** Removes a planned participant; the route refuses it once the case has a meeting. */
  deleteParticipant(id: string): Promise<void>;
}

/** A case's name in the calendar: never the family's names unless someone typed them. */
export interface CalendarLabel {
  /** What the feed and the console show. */
  label: string;
  /** Whether the interventionist chose it (else it is the default "Case <n>"). */
  chosen: boolean;
}

export type ParticipantPatch = Partial<Pick<ParticipantRecord, 'name' | 'relationship' | 'attendance' | 'letter' | 'bottomLine' | 'language'>>;

/** Where a case stands: its stage, and the case machine's stored snapshot (null before its first move). */
export interface CaseStageRecord {
  stage: CaseStage;
  snapshot: unknown | null;
}

/** A planned participant's place in the plan: roles, whether they take part, in the team's order. */
export interface TeamPlacement {
  participantId: string;
  roles: CaseRole[];
  inMeeting: boolean;
}

export interface ScreeningRecord {
  id: string;
  caseId: string;
  /** Sealed at rest: the answers are health data. */
  screening: Screening;
  createdAt: number;
}

export interface ObjectionRecord extends Objection {
  caseId: string;
  createdAt: number;
}

/**
 * The case file (issue 9): the stage and its events, the approach's recorded reason, the
 * assessment, screenings, the team's roles and order, objections and readiness marks. Everything
 * written here that is health data (the assessment, screenings, objections and responses, reasons,
 * a cancellation's note) is sealed by the vault.
 */
export interface CaseFiles {
  /** Undefined for a case that does not exist. */
  getStage(caseId: string): Promise<CaseStageRecord | undefined>;
  /** The stage events, oldest first (to replay a snapshot that does not restore). */
  listStageEvents(caseId: string): Promise<CaseEvent[]>;
  /**
   * Appends the event and moves the case from `from` to `to` with its new snapshot, only if the
   * case is still at `from` (the fence against a second writer): false, and nothing written, if not.
   */
  recordStage(caseId: string, from: CaseStage, to: CaseStage, event: CaseEvent, snapshot: unknown): Promise<boolean>;

  getApproachReason(caseId: string): Promise<string | null>;
  /** Sets the case's approach and the reason recorded for it (null: none). */
  setApproach(caseId: string, approach: Approach, reason: string | null): Promise<void>;

  /** The assessment document and when it was last saved; undefined if never saved. */
  getAssessment(caseId: string): Promise<{ assessment: Assessment; updatedAt: number } | undefined>;
  /** Replaces the whole document. */
  putAssessment(caseId: string, assessment: Assessment, at: number): Promise<void>;

  addScreening(record: ScreeningRecord): Promise<void>;
  /** Oldest first. */
  listScreenings(caseId: string): Promise<ScreeningRecord[]>;

  /** The case's planned participants in the team's order (ordered ones first, then the rest as added). */
  listTeam(caseId: string): Promise<TeamPlacement[]>;
  /** Changes a participant's roles and/or whether they take part. */
  placeMember(participantId: string, patch: Partial<Omit<TeamPlacement, 'participantId'>>): Promise<void>;
  /** Gives the participants their places 1, 2, 3… in the order given. */
  orderTeam(caseId: string, participantIds: readonly string[]): Promise<void>;

  createObjection(record: ObjectionRecord): Promise<void>;
  getObjection(objectionId: string): Promise<ObjectionRecord | undefined>;
  /** Oldest first. */
  listObjections(caseId: string): Promise<ObjectionRecord[]>;
  updateObjection(objectionId: string, patch: Partial<Omit<Objection, 'objectionId'>>): Promise<void>;
  deleteObjection(objectionId: string): Promise<void>;

  listReadinessMarks(caseId: string): Promise<ReadinessMark[]>;
  /** Records the mark, replacing any earlier mark on the same item. */
  putReadinessMark(caseId: string, mark: ReadinessMark, at: number): Promise<void>;
  clearReadinessMark(caseId: string, item: ReadinessItem): Promise<void>;
}

/** A person's preparation link (issue 10): only its token's hash is kept. */
export interface PrepareLinkRecord {
  id: string;
  caseId: string;
  participantId: string;
  tokenHash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** Where a person's letter or bottom line stands, with its latest text (opened). */
export interface LetterRecord {
  participantId: string;
  part: LetterPart;
  state: LetterState;
  /** The latest version's number (1, 2, 3…). */
  version: number;
  text: string;
  updatedAt: number;
}

export interface LetterVersionRecord {
  version: number;
  text: string;
  /** Whether this version was ever approved (never pruned). */
  approved: boolean;
  at: number;
}

export interface LetterCommentRecord {
  id: string;
  participantId: string;
  part: LetterPart;
  authorId: string;
  /** Sealed at rest. */
  text: string;
  at: number;
}

/**
 * The family preparation (issue 10): links, module progress, letters with their versions, and the
 * interventionist's comments. Texts and comments are sealed by the vault.
 */
export interface Preparation {
  createLink(record: PrepareLinkRecord): Promise<void>;
  findLinkByTokenHash(tokenHash: string): Promise<PrepareLinkRecord | undefined>;
  /** The person's working (unrevoked) link, if any: the newest. */
  activeLink(participantId: string): Promise<PrepareLinkRecord | undefined>;
  /** Revokes the person's working links at `at`; returns their ids. */
  revokeLinks(participantId: string, at: number): Promise<string[]>;

  /** The modules the person has done, in the order done. */
  listModulesDone(participantId: string): Promise<Array<{ moduleId: string; doneAt: number }>>;
  /** Records the module done; a second time keeps the first time. */
  markModuleDone(participantId: string, moduleId: string, at: number): Promise<void>;

  getLetter(participantId: string, part: LetterPart): Promise<LetterRecord | undefined>;
  /**
   * Adds `text` as the next version and sets the text's state, in one transaction; beyond
   * `keep` versions, removes the oldest that were never approved (never the newest). Returns the version.
   */
  saveVersion(participantId: string, part: LetterPart, text: string, state: LetterState, at: number, keep: number): Promise<number>;
  /** Sets the state; `approved` also marks the latest version approved. */
  setLetterState(participantId: string, part: LetterPart, state: LetterState, at: number): Promise<void>;
  /** Oldest first. */
  listVersions(participantId: string, part: LetterPart): Promise<LetterVersionRecord[]>;

  addComment(record: LetterCommentRecord): Promise<void>;
  /** The person's comments, oldest first. */
  listComments(participantId: string): Promise<LetterCommentRecord[]>;
}

/** A case's transition checklist after a yes (issue 11, section 3); sealed at rest. */
export interface TransitionRecord {
  caseId: string;
  /** The meeting whose accepted outcome it follows. */
  meetingId: string;
  checklist: Transition;
  updatedAt: number;
}

/** The transition checklists, one per case. */
export interface Transitions {
  get(caseId: string): Promise<TransitionRecord | undefined>;
  /** Creates or replaces the case's checklist. */
  put(record: TransitionRecord): Promise<void>;
}

/** A consent under 42 CFR Part 2: the form and signature sealed, the signing token's hash only. */
export interface ConsentRecord {
  id: string;
  caseId: string;
  /** The facilitator who made the form. */
  createdBy: string;
  tokenHash: string;
  form: ConsentForm;
  signature: ConsentSignature | null;
  createdAt: number;
  signedAt: number | null;
  /** When the revocation took effect (epoch ms), and when it was recorded here. */
  revokedAt: number | null;
  revocationRecordedAt: number | null;
}

/** Consents (issue 11, section 3). */
export interface Consents {
  create(record: ConsentRecord): Promise<void>;
  get(id: string): Promise<ConsentRecord | undefined>;
  findByTokenHash(tokenHash: string): Promise<ConsentRecord | undefined>;
  /** Oldest first. */
  listForCase(caseId: string): Promise<ConsentRecord[]>;
  /**
   * Records the signature, only if the consent is neither signed nor revoked (checked and written
   * atomically, so a token signs once): false, and nothing written, if not.
   */
  sign(id: string, signature: ConsentSignature): Promise<boolean>;
  /** Records the revocation, effective `at`, recorded `recordedAt`; false if already revoked. */
  revoke(id: string, at: number, recordedAt: number): Promise<boolean>;
}

/** A case's after-care, begun by the outcome of one of its meetings (issue 11). Sealed at rest but the ids and times. */
export interface AfterCareRecord {
  caseId: string;
  meetingId: string;
  outcome: Outcome;
  outcomeAt: number;
  /** The next-steps plan after a no; null after `accepted` or `safety-stop`. */
  plan: NextStepsPlan | null;
  createdAt: number;
  updatedAt: number;
}

export interface FollowUpRecord {
  id: string;
  caseId: string;
  kind: FollowUpKind;
  dueAt: number;
  status: FollowUpStatus;
  /** Sealed at rest. */
  note: string | null;
  createdAt: number;
  updatedAt: number;
}

export type FollowUpPatch = Partial<Pick<FollowUpRecord, 'dueAt' | 'status' | 'note'>>;

/**
 * After-care (issue 11, sections 4 and 5): the record an outcome begins, each participant's
 * commitment and the follow-up schedule. The plan, commitments and notes are sealed by the vault.
 */
export interface AfterCare {
  /**
   * Begins a case's after-care with its commitments and schedule, in one transaction: false, and
   * nothing written, if the case has begun it already (a second outcome, a replayed hook).
   */
  begin(record: AfterCareRecord, commitments: readonly Commitment[], followUps: readonly FollowUpRecord[]): Promise<boolean>;
  get(caseId: string): Promise<AfterCareRecord | undefined>;
  /** Replaces the plan. */
  putPlan(caseId: string, plan: NextStepsPlan, at: number): Promise<void>;
  /** In the order they were created. */
  listCommitments(caseId: string): Promise<Commitment[]>;
  getCommitment(caseId: string, participantId: string): Promise<Commitment | undefined>;
  /** Replaces an existing commitment; false if the participant has none. */
  putCommitment(caseId: string, commitment: Commitment, at: number): Promise<boolean>;
  /** A case's follow-ups, soonest first. */
  listFollowUps(caseId: string): Promise<FollowUpRecord[]>;
  /** Every follow-up across a facilitator's cases, soonest first. */
  listFollowUpsOf(facilitatorId: string): Promise<FollowUpRecord[]>;
  getFollowUp(id: string): Promise<FollowUpRecord | undefined>;
  addFollowUp(record: FollowUpRecord): Promise<void>;
  updateFollowUp(id: string, patch: FollowUpPatch, at: number): Promise<void>;
}

/** Meetings, each with its snapshot and its log of accepted commands. */
export interface Meetings {
  /** The meeting with its first snapshot (revision 0). */
  create(meeting: MeetingRecord): Promise<void>;
  get(id: string): Promise<MeetingRecord | undefined>;
  /** Newest first. */
  listForCase(caseId: string): Promise<MeetingRecord[]>;
  listUnclosed(): Promise<MeetingRecord[]>;
  /**
   * The heart of durability: the event joins the log, the revision and phase
   * move, the snapshot is replaced (unless `snapshot` is null: the stored one
   * stays, and the events after it replay to the meeting, issue 14) and the
   * audit entry joins the meeting's chain, in one transaction. Only after this
   * resolves may the command be acknowledged. Rejects if the revision or
   * commandId is already taken, or if the stored revision is not
   * `stored.revision - 1` (the fence against a second writer).
   */
  appendEvent(meetingId: string, stored: StoredEvent, snapshot: unknown | null, phase: string, at: number, audit: AuditEntry): Promise<void>;
  /** An accepted command by its id: its revision and who sent it. */
  findCommand(meetingId: string, commandId: string): Promise<{ revision: number; actorId: string } | undefined>;
  /** Every command id in a meeting's log, with the revision it was accepted at (no decryption). */
  listCommandIds(meetingId: string): Promise<Map<string, number>>;
  /** The log, oldest first; with `afterRevision`, only the events after it (a stored snapshot's tail, issue 14). */
  listEvents(meetingId: string, afterRevision?: number): Promise<StoredEvent[]>;
  /** Sets the room display's language (issue 15); a missing meeting is left alone. */
  setDisplayLanguage(meetingId: string, language: Language): Promise<void>;
}

/**
 * Join links; a link is found by its token's hash. The token itself may be
 * kept, sealed by the vault, so that the facilitator can show the link again
 * (issue 13, item 7); it is forgotten when the link is revoked or its meeting closes.
 */
export interface Links {
  /** Stores a link; `token`, when given for a working link, is kept sealed until the link is revoked or the meeting closes. */
  create(record: LinkRecord, token?: string): Promise<void>;
  /** The kept token of a working link in an open meeting; null if revoked, closed, unknown or never kept. */
  keptToken(id: string): Promise<string | null>;
  findByTokenHash(tokenHash: string): Promise<LinkRecord | undefined>;
  get(id: string): Promise<LinkRecord | undefined>;
  /** A meeting's links in the order they were issued. */
  list(meetingId: string): Promise<LinkRecord[]>;
  /** Marks the links revoked at `at`; a link already revoked keeps its first time. */
  revoke(ids: string[], at: number): Promise<void>;
  /** Deletes guest links outright (other kinds are left alone): for a guest who is not kept at all. */
  remove(ids: string[]): Promise<void>;
}

/**
 * The audit log: one hash chain per meeting and one for account events
 * (meetingId null), so that a write in one meeting never waits on another's
 * chain. Commands join their meeting's chain through Meetings.appendEvent.
 */
export interface AuditLog {
  /** Appends to the chain of `entry.meetingId`. */
  append(entry: AuditEntry): Promise<void>;
  /** A whole chain, oldest first: a meeting's, or the account chain for null. */
  list(meetingId: string | null): Promise<AuditRecord[]>;
}

/** One of the interventionist's treatment facilities (issue 11); `notes` is sealed at rest. */
export interface FacilityRecord extends Facility {
  id: string;
  facilitatorId: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * Treatment logistics (issue 11, section 1): the interventionist's facilities, and each case's
 * logistics document (places, journey, packing list), sealed at rest as a whole.
 */
export interface Logistics {
  createFacility(record: FacilityRecord): Promise<void>;
  getFacility(facilityId: string): Promise<FacilityRecord | undefined>;
  /** The facilitator's facilities, oldest first. */
  listFacilities(facilitatorId: string): Promise<FacilityRecord[]>;
  /** Changes the fields given and sets `updatedAt`. */
  updateFacility(facilityId: string, patch: Partial<Facility>, at: number): Promise<void>;
  /** The case's logistics and when last saved; undefined if never saved. */
  getCaseLogistics(caseId: string): Promise<{ logistics: CaseLogistics; updatedAt: number } | undefined>;
  /** Replaces the whole document. */
  putCaseLogistics(caseId: string, logistics: CaseLogistics, at: number): Promise<void>;
}

/** The practice beyond accounts (issue 16): one-time links, and who works each case beside its owner. */
export interface Practice {
  createInvitation(record: InvitationRecord): Promise<void>;
  getInvitation(id: string): Promise<InvitationRecord | undefined>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** Newest first. */
  listInvitations(): Promise<InvitationRecord[]>;
  /** Marks it used if it is neither used nor revoked (checked and written at once); false otherwise. */
  useInvitation(id: string, at: number): Promise<boolean>;
  /** Revokes it if unused and not yet revoked; false otherwise. */
  revokeInvitation(id: string, at: number): Promise<boolean>;
  /** Revokes every unused reset link of the account (a new one replaces them; deactivation ends them). */
  revokeResetsFor(accountId: string, at: number): Promise<void>;

  /** Adds a colleague to a case; false if they are already on it. */
  addStaff(record: StaffRecord): Promise<boolean>;
  /** False if they were not on it. */
  removeStaff(caseId: string, accountId: string): Promise<boolean>;
  /** Oldest first. */
  listStaff(caseId: string): Promise<StaffRecord[]>;
  /** The account's part on the case, if the owner added them. */
  staffRole(caseId: string, accountId: string): Promise<StaffRole | undefined>;
}

/** The aggregates as a transaction sees them: appendEvent has its own transaction (on the writer thread). */
export interface Repositories {
  accounts: Accounts;
  practice: Practice;
  cases: Cases;
  caseFiles: CaseFiles;
  preparation: Preparation;
  logistics: Logistics;
  transitions: Transitions;
  consents: Consents;
  afterCare: AfterCare;
  meetings: Omit<Meetings, 'appendEvent'>;
  links: Links;
  audit: AuditLog;
}

export interface Store extends Repositories {
  meetings: Meetings;
  /**
   * Runs `work` in one transaction: everything it writes through `tx` lands,
   * or nothing does (the error is rethrown). Use only `tx` inside, never this
   * store, and do no other slow work there: the transaction holds the write lock.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
