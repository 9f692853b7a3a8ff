// Showing a join link again, and reissuing one. A working link's token is
// kept sealed until the link is revoked or the meeting closes, so after a
// reload the console can show its QR code again without cutting anyone off
// (issue 13, item 7). Reissuing revokes the old link (disconnecting whoever
// used it) and issues a fresh one for the same person or role. A revoked link can be reissued too (a lost tablet), as long
// as that person has no working link already. Either way, a remote person or
// guest who was let in goes back to the lobby: whoever holds the new link is
// seen by the facilitator before seeing the meeting (issue 12, case 6).
import type { FastifyInstance } from 'fastify';
import { hashToken, newId, newToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { LinkRecord } from '../store/types.js';
import { facilitatorAudit } from './audit.js';
import { HttpError, notFound } from './errors.js';
import { sendBackToLobby } from './lobby.js';
import { linkUrl } from './meetings.js';
import { ownMeeting } from './owned.js';
import { requireFacilitator } from './session.js';

type Params = { meetingId: string; linkId: string };

export function linkRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    // onRequest, before the body is read: an anonymous caller gets 401, never a parse error or a 413 (issue 12, case 17).
    app.addHook('onRequest', requireFacilitator);

    // The owner only: another facilitator's meeting or link is a 404 (ownMeeting). 410 once the link
    // or the meeting is over, or for a link whose token was never kept (made before migration 006).
    app.get<{ Params: Params }>('/api/meetings/:meetingId/links/:linkId', async (request, reply) => {
      const meeting = await ownMeeting(services, request.facilitatorId, request.params.meetingId);
      const link = await services.store.links.get(request.params.linkId);
      if (!link || link.meetingId !== meeting.id) throw notFound('That link');
      if (meeting.phase === 'closed') throw new HttpError(410, 'MEETING_CLOSED', 'The meeting is closed; its links no longer open it');
      if (link.revokedAt !== null) throw new HttpError(410, 'LINK_REVOKED', 'That link was revoked; make a new one for this person if they need it');
      // Showing a link the handshake would refuse would only mislead (handshake.ts, LINK_MAX_AGE_HOURS).
      if (services.clock() - link.createdAt > services.config.linkMaxAgeHours * 3_600_000) {
        throw new HttpError(410, 'LINK_EXPIRED', 'That link has expired; make a new link and QR code instead');
      }
      const token = await services.store.links.keptToken(link.id);
      if (token === null) throw new HttpError(410, 'LINK_NOT_KEPT', 'This link can no longer be shown; make a new link and QR code instead');
      const person = link.participantId ? await services.store.cases.getParticipant(link.participantId) : undefined;
      await services.store.audit.append({ ...facilitatorAudit(services, request.facilitatorId, 'link.shown', meeting.id), subjectId: link.id, detail: { kind: link.kind } });
      // The token is a credential: no cache may keep this answer.
      reply.header('cache-control', 'no-store');
      return { id: link.id, kind: link.kind, participantId: link.participantId, url: linkUrl(services.baseUrl(), link.kind, token, person?.attendance === 'remote') };
    });

    app.post<{ Params: Params }>('/api/meetings/:meetingId/links/:linkId/reissue', async (request, reply) => {
      const meeting = await ownMeeting(services, request.facilitatorId, request.params.meetingId);
      if (meeting.phase === 'closed') throw new HttpError(409, 'MEETING_CLOSED', 'The meeting is closed; its links are no longer needed');
      const old = await services.store.links.get(request.params.linkId);
      if (!old || old.meetingId !== meeting.id) throw notFound('That link');
      if (old.revokedAt !== null && (await hasActiveSibling(services, old))) {
        throw new HttpError(409, 'LINK_REVOKED', 'That link was replaced; use the newest link for this person');
      }

      const person = old.participantId ? await services.store.cases.getParticipant(old.participantId) : undefined;
      // First, so that a failure leaves the old link as it was rather than a new link that skips the lobby.
      if (old.participantId) await sendBackToLobby(services, meeting.id, old.participantId);
      const token = newToken();
      const now = services.clock();
      const fresh: LinkRecord = { ...old, id: newId(), tokenHash: hashToken(token), createdAt: now, revokedAt: null };
      await services.store.transaction(async (tx) => {
        if (old.revokedAt === null) await tx.links.revoke([old.id], now);
        await tx.links.create(fresh, token);
        await tx.audit.append({
          ...facilitatorAudit(services, request.facilitatorId, 'link.reissued', meeting.id),
          subjectId: fresh.id,
          detail: { kind: fresh.kind, replaces: old.id },
        });
      });
      services.realtime.disconnectLink(old.id);
      const url = linkUrl(services.baseUrl(), fresh.kind, token, person?.attendance === 'remote');
      return reply.code(201).send({ id: fresh.id, kind: fresh.kind, participantId: fresh.participantId, token, url });
    });
  };
}

/** Whether the same person (or, for the shared remote and display links, the same role) already has a working link. */
async function hasActiveSibling(services: Services, link: LinkRecord): Promise<boolean> {
  const links = await services.store.links.list(link.meetingId);
  return links.some((l) => l.revokedAt === null && l.kind === link.kind && l.participantId === link.participantId);
}

