// What revoking a link means for the meeting: its person is let in no more.
// Used by the revoke route (meetings.ts) and the reissue route (links.ts).
import { findMember } from '../../shared/meeting/context.js';
import { newId } from '../security/secrets.js';
import type { Services } from '../services.js';
import { HttpError } from './errors.js';

/** Attempts at `lobby.return` when other commands move the meeting on in between (STALE). */
const RETURN_ATTEMPTS = 5;

/**
 * A revoked link lets its person in no more (issue 12, case 6). Someone remote, or a guest, who was
 * let in goes back to the lobby through the meeting's log: a `lobby.return` by the facilitator who
 * revoked the link, so that replaying the log reproduces it. Their turn, if they had one, ends; the
 * next link issued for them waits for the facilitator's decision. Nothing to do for people in the
 * room (never in the lobby), people not let in, or a meeting past its outcome (the machine refuses
 * it there). Throws HttpError 503 UNAVAILABLE if the meeting could not record it.
 */
export async function sendBackToLobby(services: Services, meetingId: string, participantId: string): Promise<void> {
  const runtime = await services.registry.get(meetingId);
  const member = runtime && findMember(runtime.context, participantId);
  if (!runtime || !member || member.attendance === 'in-room' || !member.admitted) return;
  for (let attempt = 0; attempt < RETURN_ATTEMPTS; attempt++) {
    const command = { commandId: `link-${newId()}`, type: 'lobby.return', participantId, expectedRevision: runtime.revision };
    const ack = await runtime.handle(command, { role: 'facilitator' });
    if (ack.ok || ack.error.code === 'NOT_ALLOWED') return;
    if (ack.error.code !== 'STALE') break;
  }
  throw new HttpError(503, 'UNAVAILABLE', 'The meeting could not record the change; please try again');
}
