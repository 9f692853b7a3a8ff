// The audit entry for something a facilitator did over HTTP.
import type { Services } from '../services.js';
import type { AuditEntry } from '../store/audit.js';

export function facilitatorAudit(services: Services, facilitatorId: string | null, action: string, meetingId: string | null = null): AuditEntry {
  return { at: services.clock(), actorRole: 'facilitator', actorId: facilitatorId, action, meetingId, subjectId: null, detail: null };
}
