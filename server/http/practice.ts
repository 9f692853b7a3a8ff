// The practice (issue 16): the admin's accounts and invitations, the one-time
// links that let a colleague join or set a new password, and the list of
// colleagues a case's owner can add to its staff. Every account change is
// audited on the account chain with ids only (never an email or a name).
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ACCOUNT_ROLES, INVITATION_HOURS, JOIN_PATH, RESET_HOURS, type InvitationStatus } from '../../shared/practice.js';
import { hashPassword, hashToken, newId, newToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { AccountRecord, InvitationRecord } from '../store/types.js';
import { facilitatorAudit, practiceAudit } from './audit.js';
import { HttpError, notFound, parseBody } from './errors.js';
import { endSessionsOf, openSession, requireAdmin, requireFacilitator } from './session.js';

const inviteSchema = z.strictObject({ email: z.email().max(200), role: z.enum(ACCOUNT_ROLES) });
const accountPatchSchema = z.strictObject({ active: z.boolean().optional(), role: z.enum(ACCOUNT_ROLES).optional() })
  .refine((b) => b.active !== undefined || b.role !== undefined, 'send active or role');
const acceptSchema = z.strictObject({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
});

/** Anonymous and token-bearing, like a login: per client address. */
const ACCEPT_RATE = { max: 10, timeWindow: 60_000 };
const GONE = 'This link no longer works. Please ask your practice’s administrator for a new one.';

type AccountParams = { Params: { accountId: string } };

/** What the People page shows of an account: never its password hash. */
export const accountSummary = (a: AccountRecord, cases: number) => ({
  id: a.id, name: a.name, email: a.email, role: a.role, active: a.deactivatedAt === null, createdAt: a.createdAt, cases,
});

const statusOf = (i: InvitationRecord, now: number): InvitationStatus =>
  i.usedAt !== null ? 'used' : i.revokedAt !== null ? 'revoked' : i.expiresAt <= now ? 'expired' : 'pending';

export function practiceRoutes(services: Services) {
  const joinUrl = (key: 'token' | 'reset', token: string) => `${services.baseUrl()}${JOIN_PATH}#${key}=${token}`;
  const account = (id: string) => services.store.accounts.getFacilitator(id);

  return async (app: FastifyInstance) => {
    await app.register(rateLimit, { global: false });
    await app.register(adminRoutes(services, joinUrl));

    // Who the owner of a case can add to it: the practice's working accounts, names only.
    app.get('/api/colleagues', { onRequest: requireFacilitator }, async () => {
      const all = await services.store.accounts.listAccounts();
      return { colleagues: all.filter((a) => a.deactivatedAt === null).map(({ id, name }) => ({ id, name })) };
    });

    app.post('/api/invitations/accept', { config: { rateLimit: ACCEPT_RATE } }, async (request, reply) => {
      const body = parseBody(acceptSchema, request.body);
      const now = services.clock();
      const found = await services.store.practice.findInvitationByTokenHash(hashToken(body.token));
      // Unknown, used, revoked or expired all read the same: a link that no longer works.
      if (!found || statusOf(found, now) !== 'pending') throw new HttpError(410, 'GONE', GONE);
      const passwordHash = await hashPassword(body.password);
      const joined = found.purpose === 'join' ? await join(found, body.name, passwordHash, now) : await reset(found, passwordHash, now);
      await openSession(services, reply, request, joined.id);
      return reply.code(201).send({ id: joined.id, name: joined.name, email: joined.email, role: joined.role });
    });
  };

  async function join(found: InvitationRecord, name: string | undefined, passwordHash: string, now: number) {
    if (!name) throw new HttpError(400, 'INVALID', 'name: please give your name');
    const record: AccountRecord = { id: newId(), name, email: found.email, passwordHash, createdAt: now, role: found.role, deactivatedAt: null };
    await services.store.transaction(async (tx) => {
      // Used first: two people opening one link at once cannot both join.
      if (!(await tx.practice.useInvitation(found.id, now))) throw new HttpError(410, 'GONE', GONE);
      if (!(await tx.accounts.createAccount(record))) throw new HttpError(409, 'EMAIL_TAKEN', 'An account with this email already exists: please sign in');
      await tx.audit.append({ ...facilitatorAudit(services, record.id, 'account.created'), subjectId: found.id, detail: { role: record.role, invitedBy: found.createdBy } });
    });
    return record;
  }

  async function reset(found: InvitationRecord, passwordHash: string, now: number) {
    const target = found.accountId ? await account(found.accountId) : undefined;
    if (!target || target.deactivatedAt !== null) throw new HttpError(410, 'GONE', GONE);
    await services.store.transaction(async (tx) => {
      if (!(await tx.practice.useInvitation(found.id, now))) throw new HttpError(410, 'GONE', GONE);
      await tx.accounts.setPassword(target.id, passwordHash);
      await tx.audit.append({ ...facilitatorAudit(services, target.id, 'account.password.reset'), subjectId: found.id });
    });
    // Whoever had the old password is signed out everywhere.
    await endSessionsOf(services, target.id);
    return target;
  }
}

/** The admin's routes: accounts, invitations and reset links. */
function adminRoutes(services: Services, joinUrl: (key: 'token' | 'reset', token: string) => string) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireFacilitator);
    app.addHook('onRequest', requireAdmin(services));

    app.get('/api/accounts', async () => {
      const all = await services.store.accounts.listAccounts();
      const cases = await Promise.all(all.map((a) => services.store.cases.listCases(a.id)));
      return { accounts: all.map((a, i) => accountSummary(a, cases[i]!.length)) };
    });

    app.patch<AccountParams>('/api/accounts/:accountId', async (request) => {
      const body = parseBody(accountPatchSchema, request.body);
      const target = await services.store.accounts.getFacilitator(request.params.accountId);
      if (!target) throw notFound('That account');
      const now = services.clock();
      const deactivating = body.active === false && target.deactivatedAt === null;
      const demoting = body.role === 'interventionist' && target.role === 'admin';
      await services.store.transaction(async (tx) => {
        // Checked inside the transaction: the practice always keeps one working admin.
        if ((deactivating || demoting) && target.role === 'admin' && (await tx.accounts.countActiveAdmins()) <= 1) {
          throw new HttpError(409, 'LAST_ADMIN', 'The practice needs an administrator: make someone else administrator first');
        }
        const audit = (action: string, detail: Record<string, string> | null = null) =>
          tx.audit.append(practiceAudit(services, request.facilitatorId, action, target.id, detail));
        if (body.role !== undefined && body.role !== target.role) {
          await tx.accounts.setRole(target.id, body.role);
          await audit('account.role.changed', { from: target.role, to: body.role });
        }
        if (deactivating) {
          await tx.accounts.setDeactivated(target.id, now);
          await tx.practice.revokeResetsFor(target.id, now);
          await audit('account.deactivated');
        } else if (body.active === true && target.deactivatedAt !== null) {
          await tx.accounts.setDeactivated(target.id, null);
          await audit('account.reactivated');
        }
      });
      // Their sessions end and their consoles close at once, not at the next 30-second check.
      if (deactivating) {
        await endSessionsOf(services, target.id);
        services.realtime.disconnectAccount(target.id);
      }
      const after = (await services.store.accounts.getFacilitator(target.id))!;
      return accountSummary(after, (await services.store.cases.listCases(after.id)).length);
    });

    app.post<AccountParams>('/api/accounts/:accountId/reset', async (request, reply) => {
      const target = await services.store.accounts.getFacilitator(request.params.accountId);
      if (!target) throw notFound('That account');
      if (target.deactivatedAt !== null) throw new HttpError(409, 'DEACTIVATED', 'Reactivate the account before setting a new password');
      const now = services.clock();
      const token = newToken();
      const id = newId();
      await services.store.transaction(async (tx) => {
        // One working reset link per account: a new one replaces the last.
        await tx.practice.revokeResetsFor(target.id, now);
        await tx.practice.createInvitation({
          id, purpose: 'reset', email: target.email, role: target.role, accountId: target.id, tokenHash: hashToken(token),
          createdBy: request.facilitatorId, createdAt: now, expiresAt: now + RESET_HOURS * 3_600_000, usedAt: null, revokedAt: null,
        });
        await tx.audit.append(practiceAudit(services, request.facilitatorId, 'account.reset.issued', target.id, { invitationId: id }));
      });
      return reply.code(201).send({ id, url: joinUrl('reset', token), expiresAt: now + RESET_HOURS * 3_600_000 });
    });

    app.get('/api/invitations', async () => {
      const now = services.clock();
      const all = await services.store.practice.listInvitations();
      return {
        invitations: all.map((i) => ({
          id: i.id, purpose: i.purpose, email: i.email, role: i.role, accountId: i.accountId,
          createdAt: i.createdAt, expiresAt: i.expiresAt, status: statusOf(i, now),
        })),
      };
    });

    app.post('/api/invitations', async (request, reply) => {
      const body = parseBody(inviteSchema, request.body);
      const email = body.email.toLowerCase();
      if (await services.store.accounts.findFacilitatorByEmail(email)) {
        throw new HttpError(409, 'EMAIL_TAKEN', 'Someone in the practice already has this email');
      }
      const now = services.clock();
      const token = newToken();
      const id = newId();
      const expiresAt = now + INVITATION_HOURS * 3_600_000;
      await services.store.transaction(async (tx) => {
        await tx.practice.createInvitation({
          id, purpose: 'join', email, role: body.role, accountId: null, tokenHash: hashToken(token),
          createdBy: request.facilitatorId, createdAt: now, expiresAt, usedAt: null, revokedAt: null,
        });
        await tx.audit.append(practiceAudit(services, request.facilitatorId, 'invitation.created', id, { role: body.role }));
      });
      return reply.code(201).send({ id, url: joinUrl('token', token), expiresAt });
    });

    app.delete<{ Params: { invitationId: string } }>('/api/invitations/:invitationId', async (request, reply) => {
      const found = await services.store.practice.getInvitation(request.params.invitationId);
      if (!found) throw notFound('That invitation');
      await services.store.transaction(async (tx) => {
        if (!(await tx.practice.revokeInvitation(found.id, services.clock()))) {
          throw new HttpError(409, 'NOT_PENDING', 'That link was already used or revoked');
        }
        await tx.audit.append(practiceAudit(services, request.facilitatorId, 'invitation.revoked', found.id));
      });
      return reply.code(204).send();
    });
  };
}
