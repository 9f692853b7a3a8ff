// Consents under 42 CFR Part 2 (issue 11, section 3), the interventionist's
// side: make a form (every §2.31 element, or a 400 naming the missing one),
// list the case's consents, and record a revocation with its date. Making a
// form issues a one-time signing link (/consent#token=…): the token is shown
// once and stored hashed. Forms and signatures are sealed; the audit holds ids.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CONSENT_STATEMENTS, consentFormSchema } from '../../shared/case/consent.js';
import { hashToken, newId, newToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import { caseAudit } from './audit.js';
import { consentBody, requireFormElements } from './consent-view.js';
import { HttpError, notFound, parseBody } from './errors.js';
import { ownCase } from './owned.js';
import { requireFacilitator } from './session.js';

type CaseParams = { Params: { caseId: string } };
type ConsentParams = { Params: { caseId: string; consentId: string } };

/** `revokedAt`: when the person revoked it (epoch ms), if earlier than now: a letter that arrived late. */
const revokeSchema = z.strictObject({ revokedAt: z.number().int().nonnegative().optional() });

export function consentRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireFacilitator);

    app.post<CaseParams>('/api/cases/:caseId/consents', async (request, reply) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      requireFormElements(request.body);
      const input = parseBody(consentFormSchema, request.body);
      const token = newToken();
      const now = services.clock();
      const record = {
        id: newId(), caseId: found.id, createdBy: request.facilitatorId, tokenHash: hashToken(token),
        form: { ...input, statements: CONSENT_STATEMENTS }, signature: null,
        createdAt: now, signedAt: null, revokedAt: null, revocationRecordedAt: null,
      };
      await services.store.transaction(async (tx) => {
        await tx.consents.create(record);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'consent.created', record.id, { case: found.id }));
      });
      return reply.code(201).send({ id: record.id, url: `${services.baseUrl()}/consent#token=${token}` });
    });

    app.get<CaseParams>('/api/cases/:caseId/consents', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const now = services.clock();
      return { consents: (await services.store.consents.listForCase(found.id)).map((c) => consentBody(c, now)) };
    });

    app.post<ConsentParams>('/api/cases/:caseId/consents/:consentId/revoke', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const consent = await services.store.consents.get(request.params.consentId);
      if (!consent || consent.caseId !== found.id) throw notFound('That consent');
      const { revokedAt } = parseBody(revokeSchema, request.body ?? {});
      const now = services.clock();
      const at = revokedAt ?? now;
      if (at > now) throw new HttpError(400, 'INVALID', 'The revocation date cannot be in the future; record it when it happens.');
      if (at < consent.createdAt) throw new HttpError(400, 'INVALID', 'The revocation date is before the consent was made; check the date.');
      const done = await services.store.transaction(async (tx) => {
        if (!(await tx.consents.revoke(consent.id, at, now))) return false;
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'consent.revoked', consent.id, { case: found.id }));
        return true;
      });
      if (!done) throw new HttpError(409, 'ALREADY_REVOKED', 'This consent was already revoked; its first revocation date stands.');
      return consentBody((await services.store.consents.get(consent.id))!, now);
    });
  };
}
