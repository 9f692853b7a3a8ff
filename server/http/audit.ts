// The audit entry for something a facilitator did over HTTP.
import type { Services } from '../services.js';
import type { AuditEntry } from '../store/audit.js';

export function facilitatorAudit(services: Services, facilitatorId: string | null, action: string, meetingId: string | null = null): AuditEntry {
  return { at: services.clock(), actorRole: 'facilitator', actorId: facilitatorId, action, meetingId, subjectId: null, detail: null };
}

/**
 * The audit entry of a change to a case file: the facilitator, the action, the case (or the
 * participant, objection or screening) as subject, on the account chain. `detail` holds stage names
 * at most: never a note, reason, answer or text (issue 9).
 */
export function caseAudit(services: Services, facilitatorId: string, action: string, subjectId: string, detail: Record<string, string> | null = null): AuditEntry {
  return { ...facilitatorAudit(services, facilitatorId, action), subjectId, detail };
}

/**
 * The audit entry of a change to the practice (issue 16): the admin or owner who made it, the action,
 * the account, invitation or case it concerns as subject, on the account chain. `detail` holds ids and
 * role names only: never an email or a name.
 */
export function practiceAudit(services: Services, actorId: string, action: string, subjectId: string, detail: Record<string, string> | null = null): AuditEntry {
  return { ...facilitatorAudit(services, actorId, action), subjectId, detail };
}
