// A participant's own commitment on their preparation link (issue 11,
// section 4): their bottom line, after a no, as what they follow through on.
// Registered inside prepareRoutes, behind its Bearer check: the routes take no
// participant id, so a token reaches its own person's commitment and no other.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commitmentUpdateSchema, updateCommitment, type Commitment } from '../../shared/case/next-steps.js';
import type { Services } from '../services.js';
import type { AuditEntry } from '../store/audit.js';
import { notFound, parseBody } from './errors.js';

/** What the page shows: the commitment and its check-ins, or null when the person has none. */
const view = (c: Commitment | undefined) => ({ commitment: c ? { commitment: c.commitment, status: c.status, checkIns: c.checkIns } : null });

/** GET and PUT /api/prepare/commitment, on the preparation plugin (its onRequest hook has set `request.prepare`). */
export function commitmentRoutes(app: FastifyInstance, services: Services, spend: (r: FastifyRequest) => void, audit: (r: FastifyRequest, action: string) => AuditEntry) {
  const mine = (request: FastifyRequest) => services.store.afterCare.getCommitment(request.prepare.found.id, request.prepare.person.id);

  app.get('/api/prepare/commitment', async (request) => view(await mine(request)));

  app.put('/api/prepare/commitment', async (request) => {
    spend(request);
    const update = parseBody(commitmentUpdateSchema, request.body);
    const current = await mine(request);
    if (!current) throw notFound('A commitment for you');
    const next = updateCommitment(current, update, services.clock());
    await services.store.transaction(async (tx) => {
      await tx.afterCare.putCommitment(request.prepare.found.id, next, services.clock());
      await tx.audit.append(audit(request, 'prepare.commitment.updated'));
    });
    return view(next);
  });
}
