// The facilitator's session over HTTP: the cookie set at sign-in and cleared
// at sign-out, and the hook that guards every route needing the facilitator.
// Sessions themselves (how they are checked, kept alive and ended) belong to
// the sessions plugin (server/sessions.ts), which the handshake uses too.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../sessions.js';
import type { Services } from '../services.js';
import { HttpError } from './errors.js';

/** Start a session for the facilitator and set its cookie (HttpOnly, SameSite=Strict). */
export async function openSession(services: Services, reply: FastifyReply, request: FastifyRequest, facilitatorId: string) {
  const { id, maxAgeSeconds } = await request.server.sessions.open(facilitatorId);
  reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    // Behind a TLS-terminating proxy the request arrives as http; the public address tells the truth.
    secure: request.protocol === 'https' || services.config.publicUrl?.startsWith('https://') === true,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

/** Ends the request's session, if any, and closes the connections it opened; returns whose it was. */
export async function closeSession(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  const ended = await request.server.sessions.end(request.headers.cookie);
  if (!ended) return undefined;
  services.realtime.disconnectSession(ended.idHash);
  return ended.facilitatorId;
}

declare module 'fastify' {
  interface FastifyRequest {
    facilitatorId: string;
    /** When the session ends whatever the activity (SESSION_HOURS after sign-in), epoch ms. */
    sessionEndsAt: number;
    /** The session id's hash: changing a password keeps this session and ends the account's others (issue 16). */
    sessionHash: string;
  }
}

/** The response header that tells the console this request counted as activity (its idle watch follows the server's). */
export const ACTIVITY_HEADER = 'x-session-activity';

/**
 * onRequest hook for every route that needs the facilitator: a request is activity, so it keeps the
 * session alive, and the answer says so (ACTIVITY_HEADER), so that the console's idle deadline and the
 * server's agree even for requests no one typed (a page's loads). 401 UNAUTHENTICATED without a live session.
 */
export async function requireFacilitator(request: FastifyRequest, reply?: FastifyReply): Promise<void> {
  const session = await request.server.sessions.authenticate(request.headers.cookie, true);
  if (!session) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
  reply?.header(ACTIVITY_HEADER, '1');
  request.facilitatorId = session.facilitatorId;
  request.sessionEndsAt = session.endsAt;
  request.sessionHash = session.idHash;
}

/**
 * onRequest hook, after requireFacilitator, for what only the practice's admin may do (issue 16):
 * another account gets 403. The role is read on every request, so a change applies at once.
 */
export function requireAdmin(services: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    const account = await services.store.accounts.getFacilitator(request.facilitatorId);
    if (account?.role !== 'admin') throw new HttpError(403, 'FORBIDDEN', 'Only the practice’s administrator can do this');
  };
}

/** Ends every session of an account but `keep` (a session hash), closing their consoles; returns how many ended. */
export async function endSessionsOf(services: Services, accountId: string, keep?: string): Promise<number> {
  const ended = await services.store.accounts.deleteSessionsOf(accountId, keep);
  for (const hash of ended) services.realtime.disconnectSession(hash);
  return ended.length;
}
