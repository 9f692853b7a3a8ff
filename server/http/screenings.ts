// Screenings (issue 9, section 3): a family member's answers to AUDIT-C,
// PHQ-9 or GAD-7, about themselves or, as an informant's estimate, about the
// loved one. The answers are stored sealed; the score is computed from them
// by the shared instruments whenever they are read.
import type { FastifyInstance } from 'fastify';
import { parseScreening, scoreScreening } from '../../shared/screeners/index.js';
import { newId } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { ScreeningRecord } from '../store/types.js';
import { caseAudit } from './audit.js';
import { HttpError } from './errors.js';
import { ownCase } from './owned.js';

type CaseParams = { Params: { caseId: string } };

/** A stored screening as the routes answer it: its id and time, and its score. */
function scored(record: ScreeningRecord) {
  return { id: record.id, createdAt: record.createdAt, ...scoreScreening(record.screening) };
}

export function screeningRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.post<CaseParams>('/api/cases/:caseId/screenings', async (request, reply) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const parsed = parseScreening(request.body);
      if (!parsed.ok) throw new HttpError(400, 'INVALID', parsed.message);
      const { respondent } = parsed.screening;
      const [field, who] = 'lovedOne' in respondent ? ['respondent.informantId', respondent.informantId] : ['respondent.participantId', respondent.participantId];
      const person = await services.store.cases.getParticipant(who);
      if (!person || person.caseId !== found.id || person.meetingId !== null) {
        throw new HttpError(400, 'INVALID', `${field}: not a participant of this case`);
      }
      const record: ScreeningRecord = { id: newId(), caseId: found.id, screening: parsed.screening, createdAt: services.clock() };
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.addScreening(record);
        // Ids only: which instrument was used, and for whom, is health data.
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.screening.added', found.id, { screeningId: record.id }));
      });
      return reply.code(201).send(scored(record));
    });

    app.get<CaseParams>('/api/cases/:caseId/screenings', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const records = await services.store.caseFiles.listScreenings(found.id);
      return {
        screenings: records.map((r) => ({ ...scored(r), answers: r.screening.answers, ...(r.screening.sex ? { sex: r.screening.sex } : {}) })),
      };
    });
  };
}
