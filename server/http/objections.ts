// Objections the family expects (issue 9, section 5), each with its responder
// and their prepared response: private to the interventionist and that
// responder, sealed at rest, never in the audit log.
import type { FastifyInstance } from 'fastify';
import { objectionPatchSchema, objectionSchema } from '../../shared/case/index.js';
import { newId } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { ObjectionRecord } from '../store/types.js';
import { caseAudit } from './audit.js';
import { HttpError, notFound, parseBody } from './errors.js';
import { ownCase } from './owned.js';

type CaseParams = { Params: { caseId: string } };
type ObjectionParams = { Params: { caseId: string; objectionId: string } };

const objectionBody = ({ objectionId, objection, responderId, response }: ObjectionRecord) => ({ objectionId, objection, responderId, response });

/** A 400 naming `responderId` unless it is one of the case's planned participants. */
async function checkResponder(services: Services, caseId: string, responderId: string): Promise<void> {
  const person = await services.store.cases.getParticipant(responderId);
  if (!person || person.caseId !== caseId || person.meetingId !== null) {
    throw new HttpError(400, 'INVALID', 'responderId: not a participant of this case');
  }
}

/** The case's own objection, or a 404. */
async function ownObjection(services: Services, caseId: string, objectionId: string): Promise<ObjectionRecord> {
  const found = await services.store.caseFiles.getObjection(objectionId);
  if (!found || found.caseId !== caseId) throw notFound('That objection');
  return found;
}

export function objectionRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.get<CaseParams>('/api/cases/:caseId/objections', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      return { objections: (await services.store.caseFiles.listObjections(found.id)).map(objectionBody) };
    });

    app.post<CaseParams>('/api/cases/:caseId/objections', async (request, reply) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = parseBody(objectionSchema, request.body);
      await checkResponder(services, found.id, body.responderId);
      const record: ObjectionRecord = { objectionId: newId(), caseId: found.id, ...body, createdAt: services.clock() };
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.createObjection(record);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.objection.added', found.id, { objectionId: record.objectionId }));
      });
      return reply.code(201).send(objectionBody(record));
    });

    app.patch<ObjectionParams>('/api/cases/:caseId/objections/:objectionId', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const objection = await ownObjection(services, found.id, request.params.objectionId);
      const patch = parseBody(objectionPatchSchema, request.body);
      if (patch.responderId !== undefined) await checkResponder(services, found.id, patch.responderId);
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.updateObjection(objection.objectionId, patch);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.objection.updated', found.id, { objectionId: objection.objectionId }));
      });
      return objectionBody({ ...objection, ...patch });
    });

    app.delete<ObjectionParams>('/api/cases/:caseId/objections/:objectionId', async (request, reply) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const objection = await ownObjection(services, found.id, request.params.objectionId);
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.deleteObjection(objection.objectionId);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.objection.removed', found.id, { objectionId: objection.objectionId }));
      });
      return reply.code(204).send();
    });
  };
}
