// Treatment logistics (issue 11, section 1): the interventionist's facilities
// (`/api/facilities`), and per case the places, the journey and the packing list
// (`/api/cases/:caseId/logistics`). The rules live in shared/case/logistics.ts;
// these routes check ownership, validate, store (sealed) and audit with ids only.
import type { FastifyInstance } from 'fastify';
import {
  EMPTY_LOGISTICS, facilityPatchSchema, facilitySchema, logisticsSchema, placeCheck,
  type CaseLogistics, type PlacePlan,
} from '../../shared/case/logistics.js';
import { newId } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { FacilityRecord } from '../store/types.js';
import { caseAudit, facilitatorAudit } from './audit.js';
import { HttpError, parseBody } from './errors.js';
import { ownCase, ownFacility } from './owned.js';

type FacilityParams = { Params: { facilityId: string } };
type CaseParams = { Params: { caseId: string } };

const facilityBody = ({ id, name, levelsOfCare, phone, address, notes, createdAt, updatedAt }: FacilityRecord) =>
  ({ id, name, levelsOfCare, phone, address, notes, createdAt, updatedAt });

/** A 400 naming the field when a place names a facility that is not the facilitator's, or a level it does not offer. */
async function checkPlace(services: Services, ownerId: string, field: string, place: PlacePlan | null): Promise<void> {
  if (!place?.facilityId) return;
  const facility = await services.store.logistics.getFacility(place.facilityId);
  if (!facility || facility.facilitatorId !== ownerId) throw new HttpError(400, 'INVALID', `${field}.facilityId: not one of the case's facilities (its owner's list)`);
  if (place.levelOfCare !== null && !facility.levelsOfCare.includes(place.levelOfCare)) {
    throw new HttpError(400, 'INVALID', `${field}.levelOfCare: that facility does not offer this level of care; add it to the facility first`);
  }
}

/** The references in a logistics document checked against the facilitator's facilities and the case's people. */
/** Throws a 400 naming the field; a case's places are chosen from its owner's facilities, whoever on its staff saves them (issue 16). */
async function checkReferences(services: Services, ownerId: string, caseId: string, l: CaseLogistics): Promise<void> {
  await checkPlace(services, ownerId, 'primary', l.primary);
  await checkPlace(services, ownerId, 'backup', l.backup);
  const driver = l.transport?.driverParticipantId;
  if (driver) {
    const person = await services.store.cases.getParticipant(driver);
    if (!person || person.caseId !== caseId || person.meetingId !== null) {
      throw new HttpError(400, 'INVALID', 'transport.driverParticipantId: not a participant of this case');
    }
  }
}

/** The body of `GET/PUT …/logistics`: the document, when it was saved, and the primary place's readiness for the offer. */
/**
 * The answer of GET/PUT …/logistics: the document, when saved (ms or null), the place's readiness, and
 * `facilities`, the case owner's list to choose places from (a co-facilitator has their own list too,
 * but a case's places are its owner's; issue 16).
 */
async function logisticsBody(services: Services, ownerId: string, logistics: CaseLogistics, updatedAt: number | null) {
  const place = placeCheck(logistics, services.clock());
  const facilities = (await services.store.logistics.listFacilities(ownerId)).map(facilityBody);
  // `planned` false: nothing saved yet, so the offer is not held for it (docs/protocol.md).
  return { logistics, updatedAt, place: { planned: updatedAt !== null, ...place }, facilities };
}

/** Registered inside caseRoutes: the facilitator's session is already required. */
export function logisticsRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.get('/api/facilities', async (request) => {
      return { facilities: (await services.store.logistics.listFacilities(request.facilitatorId)).map(facilityBody) };
    });

    app.post('/api/facilities', async (request, reply) => {
      const body = parseBody(facilitySchema, request.body);
      const at = services.clock();
      const record: FacilityRecord = { id: newId(), facilitatorId: request.facilitatorId, ...body, createdAt: at, updatedAt: at };
      await services.store.transaction(async (tx) => {
        await tx.logistics.createFacility(record);
        await tx.audit.append({ ...facilitatorAudit(services, request.facilitatorId, 'facility.added'), subjectId: record.id });
      });
      return reply.code(201).send(facilityBody(record));
    });

    app.get<FacilityParams>('/api/facilities/:facilityId', async (request) => {
      return facilityBody(await ownFacility(services, request.facilitatorId, request.params.facilityId));
    });

    app.patch<FacilityParams>('/api/facilities/:facilityId', async (request) => {
      const facility = await ownFacility(services, request.facilitatorId, request.params.facilityId);
      const patch = parseBody(facilityPatchSchema, request.body);
      const at = services.clock();
      await services.store.transaction(async (tx) => {
        await tx.logistics.updateFacility(facility.id, patch, at);
        await tx.audit.append({ ...facilitatorAudit(services, request.facilitatorId, 'facility.updated'), subjectId: facility.id });
      });
      return facilityBody({ ...facility, ...patch, updatedAt: at });
    });

    app.get<CaseParams>('/api/cases/:caseId/logistics', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const saved = await services.store.logistics.getCaseLogistics(found.id);
      return logisticsBody(services, found.facilitatorId, saved?.logistics ?? EMPTY_LOGISTICS, saved?.updatedAt ?? null);
    });

    app.put<CaseParams>('/api/cases/:caseId/logistics', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const logistics = parseBody(logisticsSchema, request.body);
      await checkReferences(services, found.facilitatorId, found.id, logistics);
      const at = services.clock();
      await services.store.transaction(async (tx) => {
        await tx.logistics.putCaseLogistics(found.id, logistics, at);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.logistics.saved', found.id));
      });
      return logisticsBody(services, found.facilitatorId, logistics, at);
    });
  };
}
