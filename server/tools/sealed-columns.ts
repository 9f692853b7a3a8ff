// Which columns hold sealed text: the one list both stores' key rotation walks
// (rotate-key.ts on SQLite, postgres-rotate.ts on PostgreSQL), so that a new
// sealed column is re-sealed on both or on neither (the test in
// tests/durability/backup.test.ts holds it to schema.ts's "sealed" marks).

/** Every column schema.ts marks "sealed", by table (tests/durability/backup.test.ts holds the two together). */
export const SEALED_COLUMNS: Record<string, readonly string[]> = {
  cases: ['loved_one_name', 'stage_json', 'approach_reason', 'calendar_label'],
  participants: ['name', 'relationship', 'letter', 'bottom_line'],
  meetings: ['input_json', 'snapshot_json'],
  events: ['event_json'],
  // The case file (migration 004, issue 9).
  case_stage_events: ['event_json'],
  assessments: ['document_json'],
  screenings: ['screening_json'],
  objections: ['objection', 'response'],
  readiness_marks: ['reason'],
  // The family preparation (migration 005, issue 10).
  letter_versions: ['text'],
  letter_comments: ['text'],
  // A working link's token (migration 006, issue 13 item 7).
  links: ['token_sealed'],
  // Treatment logistics (migration 007, issue 11).
  facilities: ['notes'],
  case_logistics: ['document_json'],
  // After a yes: the transition checklist and the consents (migration 008, issue 11 section 3).
  transitions: ['checklist_json'],
  consents: ['form_json', 'signature_json'],
  // After-care (migration 009, issue 11 sections 4 and 5).
  after_care: ['record_json'],
  commitments: ['commitment_json'],
  follow_ups: ['note'],
  vault_check: ['sealed'],
};
