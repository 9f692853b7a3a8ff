// The embedded default store: one SQLite file in DATA_DIR, WAL mode with
// synchronous=FULL so that an acknowledged command survives a power cut.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CaseRecord,
  FacilitatorRecord,
  LinkRecord,
  MeetingRecord,
  ParticipantRecord,
  SessionRecord,
  Store,
  StoredEvent,
} from './types.js';
import { chainHash, GENESIS_HASH, sha256, type AuditEntry, type AuditRecord } from './audit.js';
import { EventLogWriter } from './event-log-writer.js';
import { SCHEMA } from './schema.js';
import type { Vault } from '../security/vault.js';

type Row = Record<string, unknown>;

const toFacilitator = (r: Row): FacilitatorRecord => ({
  id: r.id as string,
  name: r.name as string,
  email: r.email as string,
  passwordHash: r.password_hash as string,
  createdAt: r.created_at as number,
});

const toCase = (r: Row, v: Vault): CaseRecord => ({
  id: r.id as string,
  facilitatorId: r.facilitator_id as string,
  lovedOneName: v.open(r.loved_one_name as string),
  approach: r.approach as CaseRecord['approach'],
  createdAt: r.created_at as number,
});

const toParticipant = (r: Row, v: Vault): ParticipantRecord => ({
  id: r.id as string,
  caseId: r.case_id as string,
  meetingId: (r.meeting_id as string | null) ?? null,
  name: v.open(r.name as string),
  relationship: v.open(r.relationship as string),
  attendance: r.attendance as ParticipantRecord['attendance'],
  letter: v.openOrNull((r.letter as string | null) ?? null),
  bottomLine: v.openOrNull((r.bottom_line as string | null) ?? null),
  createdAt: r.created_at as number,
});

const toMeeting = (r: Row, v: Vault): MeetingRecord => ({
  id: r.id as string,
  caseId: r.case_id as string,
  facilitatorId: r.facilitator_id as string,
  input: JSON.parse(v.open(r.input_json as string)),
  snapshot: JSON.parse(v.open(r.snapshot_json as string)),
  revision: r.revision as number,
  phase: r.phase as string,
  createdAt: r.created_at as number,
  updatedAt: r.updated_at as number,
});

const toLink = (r: Row): LinkRecord => ({
  id: r.id as string,
  meetingId: r.meeting_id as string,
  kind: r.kind as LinkRecord['kind'],
  participantId: (r.participant_id as string | null) ?? null,
  tokenHash: r.token_hash as string,
  parentLinkId: (r.parent_link_id as string | null) ?? null,
  createdAt: r.created_at as number,
  revokedAt: (r.revoked_at as number | null) ?? null,
});

const toAudit = (r: Row): AuditRecord => ({
  seq: r.seq as number,
  at: r.at as number,
  actorRole: r.actor_role as AuditRecord['actorRole'],
  actorId: (r.actor_id as string | null) ?? null,
  action: r.action as string,
  meetingId: (r.meeting_id as string | null) ?? null,
  subjectId: (r.subject_id as string | null) ?? null,
  detail: r.detail === null ? null : JSON.parse(r.detail as string),
  prevHash: r.prev_hash as string,
  hash: r.hash as string,
});

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly q: ReturnType<typeof prepare>;
  /** Appends to the event log go through a writer thread, so that no fsync stalls the event loop. */
  private readonly eventLog: EventLogWriter;
  private readonly appendAuditTx: (entry: AuditEntry) => void;

  /** Names, letters, bottom lines, the log and snapshots are sealed with `vault` before they reach the file. */
  constructor(file: string, private readonly vault: Vault) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.q = prepare(this.db);
    this.eventLog = new EventLogWriter(file, vault.keyForWriterThread());
    // IMMEDIATE: take the write lock before reading the chain's end, as the writer thread does.
    const tx = this.db.transaction((entry: AuditEntry) => {
      const last = this.q.lastAudit.get() as { seq: number; hash: string } | undefined;
      const record = { ...entry, seq: (last?.seq ?? 0) + 1 };
      const prev = last?.hash ?? GENESIS_HASH;
      const detail = entry.detail === null ? null : JSON.stringify(entry.detail);
      this.q.insertAudit.run(record.seq, entry.at, entry.actorRole, entry.actorId, entry.action, entry.meetingId, entry.subjectId, detail, prev, chainHash(sha256, prev, record));
    });
    this.appendAuditTx = (entry) => tx.immediate(entry);
  }

  static inDirectory(dataDir: string, vault: Vault): SqliteStore {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return new SqliteStore(join(dataDir, 'threshold.sqlite'), vault);
  }

  async countFacilitators() {
    return (this.q.countFacilitators.get() as { n: number }).n;
  }
  async createFirstFacilitator(f: FacilitatorRecord) {
    // The check and the insert share one transaction: two simultaneous set-ups cannot both win.
    return this.db.transaction(() => {
      if ((this.q.countFacilitators.get() as { n: number }).n > 0) return false;
      this.q.insertFacilitator.run(f.id, f.name, f.email, f.passwordHash, f.createdAt);
      return true;
    }).immediate();
  }
  async findFacilitatorByEmail(email: string) {
    const row = this.q.facilitatorByEmail.get(email) as Row | undefined;
    return row && toFacilitator(row);
  }
  async getFacilitator(id: string) {
    const row = this.q.facilitatorById.get(id) as Row | undefined;
    return row && toFacilitator(row);
  }

  async createSession(s: SessionRecord) {
    this.q.insertSession.run(s.idHash, s.facilitatorId, s.createdAt, s.expiresAt);
  }
  async findSession(idHash: string, now: number) {
    const row = this.q.sessionById.get(idHash, now) as Row | undefined;
    if (!row) return undefined;
    return {
      idHash: row.id_hash as string,
      facilitatorId: row.facilitator_id as string,
      createdAt: row.created_at as number,
      expiresAt: row.expires_at as number,
    };
  }
  async extendSession(idHash: string, expiresAt: number) {
    this.q.extendSession.run(expiresAt, idHash);
  }
  async deleteSession(idHash: string) {
    this.q.deleteSession.run(idHash);
  }

  async createCase(c: CaseRecord) {
    this.q.insertCase.run(c.id, c.facilitatorId, this.vault.seal(c.lovedOneName), c.approach, c.createdAt);
  }
  async getCase(id: string) {
    const row = this.q.caseById.get(id) as Row | undefined;
    return row && toCase(row, this.vault);
  }
  async listCases(facilitatorId: string) {
    return (this.q.casesByFacilitator.all(facilitatorId) as Row[]).map((r) => toCase(r, this.vault));
  }

  async createParticipant(p: ParticipantRecord) {
    this.q.insertParticipant.run(
      p.id, p.caseId, p.meetingId, this.vault.seal(p.name), this.vault.seal(p.relationship), p.attendance,
      this.vault.sealOrNull(p.letter), this.vault.sealOrNull(p.bottomLine), p.createdAt,
    );
  }
  async getParticipant(id: string) {
    const row = this.q.participantById.get(id) as Row | undefined;
    return row && toParticipant(row, this.vault);
  }
  async listCaseParticipants(caseId: string) {
    return (this.q.participantsByCase.all(caseId) as Row[]).map((r) => toParticipant(r, this.vault));
  }
  async listMeetingTexts(meetingId: string, caseId: string) {
    const rows = this.q.textsByMeeting.all(caseId, meetingId) as Array<{ id: string; letter: string | null; bottom_line: string | null }>;
    return new Map(rows.map((r) => [r.id, { letter: this.vault.openOrNull(r.letter), bottomLine: this.vault.openOrNull(r.bottom_line) }]));
  }

  async createMeeting(m: MeetingRecord, links: LinkRecord[]) {
    this.db.transaction(() => {
      this.q.insertMeeting.run(
        m.id, m.caseId, m.facilitatorId, this.vault.seal(JSON.stringify(m.input)), this.vault.seal(JSON.stringify(m.snapshot)),
        m.revision, m.phase, m.createdAt, m.updatedAt,
      );
      for (const link of links) this.insertLink(link);
    })();
  }
  async getMeeting(id: string) {
    const row = this.q.meetingById.get(id) as Row | undefined;
    return row && toMeeting(row, this.vault);
  }
  async listMeetingsForCase(caseId: string) {
    return (this.q.meetingsByCase.all(caseId) as Row[]).map((r) => toMeeting(r, this.vault));
  }
  async listUnclosedMeetings() {
    return (this.q.unclosedMeetings.all() as Row[]).map((r) => toMeeting(r, this.vault));
  }
  async appendEvent(meetingId: string, stored: StoredEvent, snapshot: unknown, phase: string, at: number, audit: AuditEntry) {
    await this.eventLog.append({
      audit,
      meetingId,
      revision: stored.revision,
      commandId: stored.commandId,
      // Sealed by the writer thread.
      eventJson: JSON.stringify(stored.event),
      snapshotJson: JSON.stringify(snapshot),
      phase,
      at,
    });
  }
  async findCommand(meetingId: string, commandId: string) {
    const row = this.q.eventByCommand.get(meetingId, commandId) as { revision: number; event_json: string } | undefined;
    if (!row) return undefined;
    const event = JSON.parse(this.vault.open(row.event_json)) as StoredEvent['event'];
    return { revision: row.revision, actorId: event.by.actorId };
  }
  async listCommandIds(meetingId: string) {
    const rows = this.q.commandIdsByMeeting.all(meetingId) as Array<{ command_id: string; revision: number }>;
    return new Map(rows.map((r) => [r.command_id, r.revision]));
  }
  async listEvents(meetingId: string) {
    return (this.q.eventsByMeeting.all(meetingId) as Row[]).map((r) => ({
      revision: r.revision as number,
      commandId: r.command_id as string,
      event: JSON.parse(this.vault.open(r.event_json as string)),
    }));
  }

  async createLink(link: LinkRecord) {
    this.insertLink(link);
  }
  private insertLink(l: LinkRecord) {
    this.q.insertLink.run(l.id, l.meetingId, l.kind, l.participantId, l.tokenHash, l.parentLinkId, l.createdAt, l.revokedAt);
  }
  async findLinkByTokenHash(tokenHash: string) {
    const row = this.q.linkByToken.get(tokenHash) as Row | undefined;
    return row && toLink(row);
  }
  async getLink(id: string) {
    const row = this.q.linkById.get(id) as Row | undefined;
    return row && toLink(row);
  }
  async listLinks(meetingId: string) {
    return (this.q.linksByMeeting.all(meetingId) as Row[]).map(toLink);
  }
  async revokeLinks(ids: string[], at: number) {
    this.db.transaction(() => {
      for (const id of ids) this.q.revokeLink.run(at, id);
    })();
  }

  async appendAudit(entry: AuditEntry) {
    this.appendAuditTx(entry);
  }
  async listAudit(meetingId: string) {
    return (this.q.auditByMeeting.all(meetingId) as Row[]).map(toAudit);
  }
  async listAllAudit() {
    return (this.q.auditAll.all() as Row[]).map(toAudit);
  }

  async close() {
    await this.eventLog.close();
    if (this.db.open) this.db.close();
  }
}

function prepare(db: Database.Database) {
  return {
    countFacilitators: db.prepare('SELECT COUNT(*) AS n FROM facilitators'),
    insertFacilitator: db.prepare(
      'INSERT INTO facilitators (id, name, email, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    facilitatorByEmail: db.prepare('SELECT * FROM facilitators WHERE email = ? COLLATE NOCASE'),
    facilitatorById: db.prepare('SELECT * FROM facilitators WHERE id = ?'),
    insertSession: db.prepare('INSERT INTO sessions (id_hash, facilitator_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    sessionById: db.prepare('SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?'),
    extendSession: db.prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
    insertCase: db.prepare(
      'INSERT INTO cases (id, facilitator_id, loved_one_name, approach, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    caseById: db.prepare('SELECT * FROM cases WHERE id = ?'),
    casesByFacilitator: db.prepare('SELECT * FROM cases WHERE facilitator_id = ? ORDER BY created_at DESC'),
    insertParticipant: db.prepare(
      `INSERT INTO participants (id, case_id, meeting_id, name, relationship, attendance, letter, bottom_line, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    participantById: db.prepare('SELECT * FROM participants WHERE id = ?'),
    participantsByCase: db.prepare(
      'SELECT * FROM participants WHERE case_id = ? AND meeting_id IS NULL ORDER BY created_at, rowid',
    ),
    textsByMeeting: db.prepare('SELECT id, letter, bottom_line FROM participants WHERE case_id = ? AND (meeting_id IS NULL OR meeting_id = ?)'),
    insertMeeting: db.prepare(
      `INSERT INTO meetings (id, case_id, facilitator_id, input_json, snapshot_json, revision, phase, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    meetingById: db.prepare('SELECT * FROM meetings WHERE id = ?'),
    meetingsByCase: db.prepare('SELECT * FROM meetings WHERE case_id = ? ORDER BY created_at DESC'),
    unclosedMeetings: db.prepare("SELECT * FROM meetings WHERE phase <> 'closed'"),
    eventByCommand: db.prepare('SELECT revision, event_json FROM events WHERE meeting_id = ? AND command_id = ?'),
    eventsByMeeting: db.prepare('SELECT * FROM events WHERE meeting_id = ? ORDER BY revision'),
    commandIdsByMeeting: db.prepare('SELECT command_id, revision FROM events WHERE meeting_id = ?'),
    insertLink: db.prepare(
      `INSERT INTO links (id, meeting_id, kind, participant_id, token_hash, parent_link_id, created_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    linkByToken: db.prepare('SELECT * FROM links WHERE token_hash = ?'),
    linkById: db.prepare('SELECT * FROM links WHERE id = ?'),
    linksByMeeting: db.prepare('SELECT * FROM links WHERE meeting_id = ? ORDER BY created_at, rowid'),
    lastAudit: db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1'),
    insertAudit: db.prepare(
      `INSERT INTO audit (seq, at, actor_role, actor_id, action, meeting_id, subject_id, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    auditByMeeting: db.prepare('SELECT * FROM audit WHERE meeting_id = ? ORDER BY seq'),
    auditAll: db.prepare('SELECT * FROM audit ORDER BY seq'),
    revokeLink: db.prepare('UPDATE links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };
}
