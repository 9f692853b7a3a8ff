// The SQLite schema. `IF NOT EXISTS` keeps start-up idempotent; a migration
// table will come with the first change to an existing column.
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS facilitators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Only a hash of the session id is stored: a copy of the database opens no session.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  facilitator_id TEXT NOT NULL REFERENCES facilitators(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY,
  facilitator_id TEXT NOT NULL REFERENCES facilitators(id),
  loved_one_name TEXT NOT NULL,
  approach TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_by_facilitator ON cases(facilitator_id);

-- Planned participants belong to the case (meeting_id NULL); guests admitted
-- through a meeting's shared remote link belong to that meeting.
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  meeting_id TEXT,
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  attendance TEXT NOT NULL CHECK (attendance IN ('in-room', 'remote', 'guest')),
  letter TEXT,
  bottom_line TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_case ON participants(case_id);

CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  facilitator_id TEXT NOT NULL REFERENCES facilitators(id),
  input_json TEXT NOT NULL,
  snapshot_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  phase TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS meetings_by_phase ON meetings(phase);

-- The meeting log: one row per accepted command, replayable from the start.
CREATE TABLE IF NOT EXISTS events (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  revision INTEGER NOT NULL,
  command_id TEXT NOT NULL,
  event_json TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, revision),
  UNIQUE (meeting_id, command_id)
);

-- Link tokens are stored only as hashes.
CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  kind TEXT NOT NULL CHECK (kind IN ('participant', 'remote', 'display', 'guest')),
  participant_id TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  parent_link_id TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS links_by_meeting ON links(meeting_id);

-- Who did what, hash-chained (see server/store/audit.ts); no health data.
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_role TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  meeting_id TEXT,
  subject_id TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_meeting ON audit(meeting_id, seq);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
