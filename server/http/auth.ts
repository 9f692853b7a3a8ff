// First-run set-up, login and logout of the facilitator.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DUMMY_PASSWORD_HASH, hashPassword, newId, verifyPassword } from '../security/secrets.js';
import type { Services } from '../services.js';
import { LoginLockout } from '../security/lockout.js';
import { facilitatorAudit } from './audit.js';
import { HttpError, parseBody } from './errors.js';
import { closeSession, endSessionsOf, openSession, requireFacilitator } from './session.js';

const setupSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(200),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
});

const loginSchema = z.strictObject({
  email: z.string().max(200),
  password: z.string().max(200),
});

const unlockSchema = z.strictObject({ password: z.string().max(200) });

const passwordSchema = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: z.string().min(10, 'must be at least 10 characters').max(200),
});

/** Per client address; the per-account lockout below catches guesses spread over many addresses. */
const LOGIN_RATE = { max: 10, timeWindow: 60_000 };

export function authRoutes(services: Services) {
  // Shared by every process with REDIS_URL (issue 17), else this process's own.
  const lockout = services.shared?.lockout ?? new LoginLockout(services.clock);
  return async (app: FastifyInstance) => {
    const store = services.shared?.rateStore;
    // Shared counters that cannot be reached let the request through: the lockout still counts locally.
    await app.register(rateLimit, { global: false, ...(store && { store, skipOnError: true }) });

    app.get('/api/setup', async () => ({ needed: (await services.store.accounts.countFacilitators()) === 0 }));

    app.post('/api/setup', { config: { rateLimit: LOGIN_RATE } }, async (request, reply) => {
      const body = parseBody(setupSchema, request.body);
      const record = {
        id: newId(),
        name: body.name,
        email: body.email.toLowerCase(),
        passwordHash: await hashPassword(body.password),
        createdAt: services.clock(),
      };
      const created = await services.store.transaction(async (tx) => {
        if (!(await tx.accounts.createFirstFacilitator(record))) return false;
        await tx.audit.append(facilitatorAudit(services, record.id, 'account.created'));
        return true;
      });
      if (!created) {
        throw new HttpError(409, 'ALREADY_SET_UP', 'Threshold is already set up; please sign in');
      }
      await openSession(services, reply, request, record.id);
      return reply.code(201).send({ id: record.id, name: record.name, email: record.email, role: 'admin' });
    });

    app.post('/api/login', { config: { rateLimit: LOGIN_RATE } }, async (request, reply) => {
      const body = parseBody(loginSchema, request.body);
      const locked = await lockout.begin(body.email);
      if (locked > 0) {
        const minutes = Math.ceil(locked / 60_000);
        throw new HttpError(429, 'LOCKED', `Too many failed attempts: signing in is paused for ${minutes} minute${minutes === 1 ? '' : 's'}`);
      }
      const account = await services.store.accounts.findFacilitatorByEmail(body.email.trim());
      const valid = await verifyPassword(body.password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!account || !valid) {
        await lockout.fail(body.email);
        // No email in the log: only that an attempt failed.
        await services.store.audit.append({ ...facilitatorAudit(services, null, 'login.failed'), actorRole: 'anonymous' });
        throw new HttpError(401, 'BAD_CREDENTIALS', 'That email and password do not match');
      }
      await lockout.succeed(body.email);
      // Told only after the right password, so a guesser learns nothing about the account (issue 16).
      if (account.deactivatedAt !== null) {
        await services.store.audit.append(facilitatorAudit(services, account.id, 'login.deactivated'));
        throw new HttpError(403, 'DEACTIVATED', 'This account was deactivated: please ask your practice’s administrator');
      }
      await openSession(services, reply, request, account.id);
      await services.store.audit.append(facilitatorAudit(services, account.id, 'login'));
      return { id: account.id, name: account.name, email: account.email, role: account.role };
    });

    // Issue 13, item 3: a console locked while its meeting is live opens again with the password.
    // The session is the same one (its cookie and its meeting's connection stay); signing out and
    // SESSION_HOURS end it as before. Failures count towards the account's lockout like a login's.
    app.post('/api/unlock', { config: { rateLimit: LOGIN_RATE } }, async (request) => {
      const body = parseBody(unlockSchema, request.body);
      const session = await request.server.sessions.lockedOrAlive(request.headers.cookie);
      if (!session) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
      const account = await services.store.accounts.getFacilitator(session.facilitatorId);
      if (!account) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
      const locked = await lockout.begin(account.email);
      if (locked > 0) {
        const minutes = Math.ceil(locked / 60_000);
        throw new HttpError(429, 'LOCKED', `Too many failed attempts: please wait ${minutes} minute${minutes === 1 ? '' : 's'}`);
      }
      if (!(await verifyPassword(body.password, account.passwordHash))) {
        await lockout.fail(account.email);
        await services.store.audit.append(facilitatorAudit(services, account.id, 'unlock.failed'));
        throw new HttpError(401, 'BAD_PASSWORD', 'That password is not right');
      }
      await lockout.succeed(account.email);
      if (!(await request.server.sessions.unlock(session.idHash))) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
      await services.store.audit.append(facilitatorAudit(services, account.id, 'unlocked'));
      return { id: account.id, name: account.name, email: account.email, role: account.role, sessionEndsAt: session.endsAt, now: services.clock() };
    });

    app.post('/api/logout', async (request, reply) => {
      const facilitatorId = await closeSession(services, request, reply);
      if (facilitatorId) await services.store.audit.append(facilitatorAudit(services, facilitatorId, 'logout'));
      return reply.code(204).send();
    });

    app.get('/api/me', { onRequest: requireFacilitator }, async (request) => {
      const account = await services.store.accounts.getFacilitator(request.facilitatorId);
      if (!account) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
      // The console warns before the session's hard end; `now` lets it correct for its own clock's error.
      // `role` (issue 16): the console shows the People page to the admin.
      return { id: account.id, name: account.name, email: account.email, role: account.role, sessionEndsAt: request.sessionEndsAt, now: services.clock() };
    });

    // Issue 16: changing one's own password. The current one is checked like a login (the account's
    // lockout counts failures); the account's other sessions end, this one stays.
    app.post('/api/me/password', { onRequest: requireFacilitator, config: { rateLimit: LOGIN_RATE } }, async (request, reply) => {
      const body = parseBody(passwordSchema, request.body);
      const account = await services.store.accounts.getFacilitator(request.facilitatorId);
      if (!account) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
      const locked = await lockout.begin(account.email);
      if (locked > 0) {
        const minutes = Math.ceil(locked / 60_000);
        throw new HttpError(429, 'LOCKED', `Too many failed attempts: please wait ${minutes} minute${minutes === 1 ? '' : 's'}`);
      }
      if (!(await verifyPassword(body.currentPassword, account.passwordHash))) {
        await lockout.fail(account.email);
        await services.store.audit.append(facilitatorAudit(services, account.id, 'account.password.change.failed'));
        throw new HttpError(401, 'BAD_PASSWORD', 'Your current password is not right');
      }
      await lockout.succeed(account.email);
      await services.store.accounts.setPassword(account.id, await hashPassword(body.newPassword));
      await services.store.audit.append(facilitatorAudit(services, account.id, 'account.password.changed'));
      await endSessionsOf(services, account.id, request.sessionHash);
      return reply.code(204).send();
    });
  };
}
