// The tables as Kysely sees them, after the latest migration
// (server/store/migrations/). Columns keep their SQL names; the repositories
// in server/store/kysely/ map rows to the records of types.ts. Times are
// milliseconds since the epoch. Text marked "sealed" holds the vault's
// ciphertext, never plain text.
import type { Generated } from 'kysely';

export interface Database {
  facilitators: {
    id: string;
    name: string;
    email: string;
    password_hash: string;
    created_at: number;
    /** From 011: 'admin' or 'interventionist'. */
    role: Generated<string>;
    /** From 011: NULL while the account works. */
    deactivated_at: number | null;
  };
  /** From 011 (issue 16): invitations and password-reset links; only the token's hash. */
  invitations: {
    id: string;
    purpose: string;
    email: string;
    role: string;
    account_id: string | null;
    token_hash: string;
    created_by: string;
    created_at: number;
    expires_at: number;
    used_at: number | null;
    revoked_at: number | null;
  };
  /** From 011 (issue 16): colleagues working a case beside its owner (not the family team). */
  case_staff: {
    case_id: string;
    account_id: string;
    role: string;
    added_by: string;
    added_at: number;
  };
  sessions: {
    id_hash: string;
    facilitator_id: string;
    created_at: number;
    expires_at: number;
  };
  cases: {
    id: string;
    facilitator_id: string;
    /** sealed */
    loved_one_name: string;
    approach: string;
    created_at: number;
    /** From 004: the case's stage, in the clear for lists. */
    stage: Generated<string>;
    /** sealed JSON: the case machine's snapshot; NULL before the first move */
    stage_json: string | null;
    /** sealed */
    approach_reason: string | null;
    /** From 012: the case's number in the practice, for its default calendar label "Case <n>". */
    calendar_number: number | null;
    /** sealed; from 012: the calendar label the interventionist chose; NULL: "Case <calendar_number>" */
    calendar_label: string | null;
  };
  participants: {
    id: string;
    case_id: string;
    meeting_id: string | null;
    /** sealed */
    name: string;
    /** sealed */
    relationship: string;
    attendance: string;
    /** sealed */
    letter: string | null;
    /** sealed */
    bottom_line: string | null;
    created_at: number;
    /** JSON array of roles (004) */
    roles_json: Generated<string>;
    /** 1 or 0 (004) */
    in_meeting: Generated<number>;
    /** The place in the team's order; NULL until ordered (004) */
    team_position: number | null;
    /** 'en' or 'es': the language of their screens (010) */
    language: Generated<string>;
  };
  case_stage_events: {
    case_id: string;
    position: number;
    from_stage: string;
    to_stage: string;
    actor_id: string;
    at: number;
    /** sealed JSON */
    event_json: string;
  };
  assessments: {
    case_id: string;
    /** sealed JSON */
    document_json: string;
    updated_at: number;
  };
  screenings: {
    id: string;
    case_id: string;
    /** sealed JSON */
    screening_json: string;
    created_at: number;
  };
  objections: {
    id: string;
    case_id: string;
    responder_id: string;
    /** sealed */
    objection: string;
    /** sealed */
    response: string;
    created_at: number;
  };
  readiness_marks: {
    case_id: string;
    item: string;
    state: string;
    /** sealed; NULL when done */
    reason: string | null;
    at: number;
  };
  meetings: {
    id: string;
    case_id: string;
    facilitator_id: string;
    /** sealed JSON */
    input_json: string;
    /** sealed JSON */
    snapshot_json: string;
    revision: number;
    phase: string;
    created_at: number;
    updated_at: number;
    /** 'en' or 'es': the room display's language (010) */
    display_language: Generated<string>;
  };
  events: {
    meeting_id: string;
    revision: number;
    command_id: string;
    /** sealed JSON */
    event_json: string;
    at: number;
  };
  links: {
    id: string;
    meeting_id: string;
    kind: string;
    participant_id: string | null;
    token_hash: string;
    parent_link_id: string | null;
    created_at: number;
    revoked_at: number | null;
    /** sealed token, while the link works and its meeting is open (migration 006) */
    token_sealed: Generated<string | null>;
  };
  audit: {
    seq: Generated<number>;
    /** The meeting id, or 'account' (see audit.ts). */
    chain: string;
    position: number;
    at: number;
    actor_role: string;
    actor_id: string | null;
    action: string;
    meeting_id: string | null;
    subject_id: string | null;
    /** JSON */
    detail: string | null;
    prev_hash: string;
    hash: string;
  };
  /** From 005 (issue 10): a person's preparation link; only the token's hash. */
  prepare_links: {
    id: string;
    case_id: string;
    participant_id: string;
    token_hash: string;
    created_at: number;
    revoked_at: number | null;
  };
  module_progress: {
    participant_id: string;
    module_id: string;
    done_at: number;
  };
  /** Where each person's letter and bottom line stand (005). */
  letters: {
    participant_id: string;
    /** 'letter' or 'bottom-line' */
    part: string;
    state: string;
    /** The latest version's number */
    version: number;
    updated_at: number;
  };
  letter_versions: {
    participant_id: string;
    part: string;
    version: number;
    /** sealed */
    text: string;
    /** 1 once approved: never pruned */
    approved: Generated<number>;
    at: number;
  };
  letter_comments: {
    id: string;
    participant_id: string;
    part: string;
    author_id: string;
    /** sealed */
    text: string;
    at: number;
  };
  /** From 007 (issue 11): the interventionist's treatment facilities. */
  facilities: {
    id: string;
    facilitator_id: string;
    name: string;
    /** JSON array of levels of care */
    levels_json: string;
    phone: string;
    address: string;
    /** sealed */
    notes: string;
    created_at: number;
    updated_at: number;
  };
  /** From 007: a case's treatment logistics, one document. */
  case_logistics: {
    case_id: string;
    /** sealed JSON */
    document_json: string;
    updated_at: number;
  };
  /** From 008 (issue 11, section 3): the transition checklist after a yes, one per case. */
  transitions: {
    case_id: string;
    meeting_id: string;
    /** sealed JSON */
    checklist_json: string;
    /** 1 or 0 */
    share_with_family: Generated<number>;
    updated_at: number;
  };
  /** From 008: consents under 42 CFR Part 2; only the signing token's hash. */
  consents: {
    id: string;
    case_id: string;
    created_by: string;
    token_hash: string;
    /** sealed JSON */
    form_json: string;
    /** sealed JSON; NULL until signed */
    signature_json: string | null;
    created_at: number;
    signed_at: number | null;
    revoked_at: number | null;
    revocation_recorded_at: number | null;
  };
  /** From 009 (issue 11): a case's after-care, begun by a meeting's outcome. */
  after_care: {
    case_id: string;
    meeting_id: string;
    /** sealed JSON: {outcome, outcomeAt, plan} */
    record_json: string;
    created_at: number;
    updated_at: number;
  };
  /** From 009: a participant's bottom line as a commitment. */
  commitments: {
    case_id: string;
    participant_id: string;
    /** sealed JSON: {commitment, status, checkIns} */
    commitment_json: string;
    updated_at: number;
  };
  /** From 009: the follow-up schedule. */
  follow_ups: {
    id: string;
    case_id: string;
    kind: string;
    due_at: number;
    status: string;
    /** sealed */
    note: string | null;
    created_at: number;
    updated_at: number;
  };
  /** One row: a fixed text sealed under the key, opened at every start (vault-check.ts). */
  vault_check: {
    id: number;
    /** sealed */
    sealed: string;
    created_at: number;
  };
}
