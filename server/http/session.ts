// Facilitator sessions: a random id in an HttpOnly, SameSite=Strict cookie,
// stored server-side (hashed) so that a restart logs nobody out.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, newToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import { HttpError } from './errors.js';

export const SESSION_COOKIE = 'threshold_session';

export async function openSession(services: Services, reply: FastifyReply, request: FastifyRequest, facilitatorId: string) {
  const id = newToken();
  const now = services.clock();
  const maxAge = services.config.sessionHours * 3600;
  await services.store.createSession({ idHash: hashToken(id), facilitatorId, createdAt: now, expiresAt: now + maxAge * 1000 });
  reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge,
  });
}

/** The facilitator behind a raw session id, if the session is alive. */
export async function facilitatorFromSession(services: Services, sessionId: string | undefined): Promise<string | undefined> {
  if (!sessionId) return undefined;
  const session = await services.store.findSession(hashToken(sessionId), services.clock());
  return session?.facilitatorId;
}

export async function closeSession(services: Services, request: FastifyRequest, reply: FastifyReply) {
  const id = request.cookies[SESSION_COOKIE];
  if (id) {
    const facilitatorId = await facilitatorFromSession(services, id);
    await services.store.deleteSession(hashToken(id));
    if (facilitatorId) services.realtime.disconnectFacilitator(facilitatorId);
  }
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

declare module 'fastify' {
  interface FastifyRequest {
    facilitatorId: string;
  }
}

/** onRequest hook for every route that needs the facilitator. */
export function requireFacilitator(services: Services) {
  return async (request: FastifyRequest) => {
    const facilitatorId = await facilitatorFromSession(services, request.cookies[SESSION_COOKIE]);
    if (!facilitatorId) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
    request.facilitatorId = facilitatorId;
  };
}
