// A case's staff (issue 16): the colleagues who work a case beside its owner,
// as co-facilitators. Not the family team (team.ts, the people around the
// loved one): that one holds `/api/cases/:caseId/team/order`, and the
// console's Team tab, so the practice's side lives at `/api/cases/:caseId/staff`.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../services.js';
import { practiceAudit } from './audit.js';
import { HttpError, notFound, parseBody } from './errors.js';
import { caseOwnedBy, ownCase } from './owned.js';

const addSchema = z.strictObject({ accountId: z.string().min(1).max(64) });

type CaseParams = { Params: { caseId: string } };
type StaffParams = { Params: { caseId: string; accountId: string } };

/** Registered inside caseRoutes, so its requireFacilitator hook guards these too. */
export function staffRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.get<CaseParams>('/api/cases/:caseId/staff', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const staff = await services.store.practice.listStaff(found.id);
      const names = new Map((await services.store.accounts.listAccounts()).map((a) => [a.id, a]));
      const person = (id: string) => ({ accountId: id, name: names.get(id)?.name ?? '', active: names.get(id)?.deactivatedAt === null });
      return {
        owner: person(found.facilitatorId),
        staff: staff.map((s) => ({ ...person(s.accountId), role: s.role, addedAt: s.addedAt })),
        you: found.facilitatorId === request.facilitatorId ? 'owner' : 'co-facilitator',
      };
    });

    app.post<CaseParams>('/api/cases/:caseId/staff', async (request, reply) => {
      const found = await caseOwnedBy(services, request.facilitatorId, request.params.caseId);
      const { accountId } = parseBody(addSchema, request.body);
      const colleague = await services.store.accounts.getFacilitator(accountId);
      if (!colleague || colleague.deactivatedAt !== null) throw new HttpError(400, 'INVALID', 'accountId: not a working account of this practice');
      if (colleague.id === found.facilitatorId) throw new HttpError(400, 'INVALID', 'accountId: the owner is on the case already');
      const role = 'co-facilitator' as const;
      await services.store.transaction(async (tx) => {
        if (!(await tx.practice.addStaff({ caseId: found.id, accountId, role, addedBy: request.facilitatorId, addedAt: services.clock() }))) {
          throw new HttpError(409, 'ALREADY_ON_CASE', 'They are on this case already');
        }
        await tx.audit.append(practiceAudit(services, request.facilitatorId, 'case.staff.added', found.id, { accountId, role }));
      });
      return reply.code(201).send({ accountId, name: colleague.name, role });
    });

    app.delete<StaffParams>('/api/cases/:caseId/staff/:accountId', async (request, reply) => {
      const found = await caseOwnedBy(services, request.facilitatorId, request.params.caseId);
      const { accountId } = request.params;
      await services.store.transaction(async (tx) => {
        if (!(await tx.practice.removeStaff(found.id, accountId))) throw notFound('That colleague on this case');
        await tx.audit.append(practiceAudit(services, request.facilitatorId, 'case.staff.removed', found.id, { accountId }));
      });
      // Their consoles on this case's meetings close now; reconnecting, they are refused MEETING_NOT_FOUND.
      services.realtime.disconnectAccount(accountId, found.id);
      return reply.code(204).send();
    });
  };
}
