// Facilitator sessions: a random id in an HttpOnly, SameSite=Strict cookie,
// stored server-side (hashed) so that a restart logs nobody out. A session
// ends after IDLE_MINUTES without activity (HTTP requests, commands, or the
// console reporting that someone is at the keyboard) and after SESSION_HOURS
// at most, whatever the activity.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, newToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { SessionRecord } from '../store/types.js';
import { HttpError } from './errors.js';

export const SESSION_COOKIE = 'threshold_session';

function deadline(services: Services, createdAt: number): number {
  const { idleMinutes, sessionHours } = services.config;
  return Math.min(services.clock() + idleMinutes * 60_000, createdAt + sessionHours * 3_600_000);
}

export async function openSession(services: Services, reply: FastifyReply, request: FastifyRequest, facilitatorId: string) {
  const id = newToken();
  const now = services.clock();
  await services.store.accounts.createSession({ idHash: hashToken(id), facilitatorId, createdAt: now, expiresAt: deadline(services, now) });
  reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    // Behind a TLS-terminating proxy the request arrives as http; the public address tells the truth.
    secure: request.protocol === 'https' || services.config.publicUrl?.startsWith('https://') === true,
    path: '/',
    maxAge: services.config.sessionHours * 3600,
  });
}

/** The live session behind a session id's hash, its idle deadline pushed back: someone is active. */
export async function touchSession(services: Services, idHash: string): Promise<SessionRecord | undefined> {
  const session = await services.store.accounts.findSession(idHash, services.clock());
  if (!session) return undefined;
  const expiresAt = deadline(services, session.createdAt);
  await services.store.accounts.extendSession(idHash, expiresAt);
  return { ...session, expiresAt };
}

/** Whether a session is still alive, without counting the question as activity. */
export async function sessionAlive(services: Services, idHash: string): Promise<boolean> {
  return (await services.store.accounts.findSession(idHash, services.clock())) !== undefined;
}

/** Ends the request's session, if any; returns whose it was. */
export async function closeSession(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
  const id = request.cookies[SESSION_COOKIE];
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  if (!id) return undefined;
  const session = await services.store.accounts.findSession(hashToken(id), services.clock());
  await services.store.accounts.deleteSession(hashToken(id));
  services.realtime.disconnectSession(hashToken(id));
  return session?.facilitatorId;
}

declare module 'fastify' {
  interface FastifyRequest {
    facilitatorId: string;
  }
}

/** onRequest hook for every route that needs the facilitator. */
export function requireFacilitator(services: Services) {
  return async (request: FastifyRequest) => {
    const id = request.cookies[SESSION_COOKIE];
    const session = id ? await touchSession(services, hashToken(id)) : undefined;
    if (!session) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
    request.facilitatorId = session.facilitatorId;
  };
}
