// The transition checklist after a yes (issue 11, section 3): left, arrived,
// admitted, who went with them, and whether the remote family may see a calm
// "On the way" or "Admitted". Refused with 409 until a meeting of the case
// ends with `accepted`. The checklist is sealed at rest; the audit holds ids.
import type { FastifyInstance } from 'fastify';
import { EMPTY_TRANSITION, familyNews, outOfOrder, transitionSchema } from '../../shared/case/transition.js';
import type { Services } from '../services.js';
import { acceptedMeeting } from './after-yes.js';
import { caseAudit } from './audit.js';
import { HttpError, parseBody } from './errors.js';
import { ownCase } from './owned.js';
import { requireFacilitator } from './session.js';

type CaseParams = { Params: { caseId: string } };

export function transitionRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireFacilitator);

    app.get<CaseParams>('/api/cases/:caseId/transition', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const meeting = await acceptedMeeting(services, found.id);
      const saved = await services.store.transitions.get(found.id);
      const checklist = saved && saved.meetingId === meeting.id ? saved.checklist : EMPTY_TRANSITION;
      return { meetingId: meeting.id, ...checklist, familySees: familyNews(checklist), updatedAt: saved?.updatedAt ?? null };
    });

    app.put<CaseParams>('/api/cases/:caseId/transition', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const meeting = await acceptedMeeting(services, found.id);
      const checklist = parseBody(transitionSchema, request.body);
      const disorder = outOfOrder(checklist);
      if (disorder) throw new HttpError(400, 'INVALID', `${disorder}; check the times.`);
      const by = checklist.accompaniedBy;
      if (by && 'participantId' in by) {
        const person = await services.store.cases.getParticipant(by.participantId);
        if (!person || person.caseId !== found.id || person.meetingId !== null) {
          throw new HttpError(400, 'INVALID', 'The person who went with them is not one of this case\'s people; choose one, or type a name.');
        }
      }
      const now = services.clock();
      await services.store.transaction(async (tx) => {
        await tx.transitions.put({ caseId: found.id, meetingId: meeting.id, checklist, updatedAt: now });
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'transition.saved', found.id, { meeting: meeting.id }));
      });
      const news = familyNews(checklist);
      // The meeting may still be open on the family's phones: they see the change at once.
      services.registry.peek(meeting.id)?.shareFamilyNews(news);
      return { meetingId: meeting.id, ...checklist, familySees: news, updatedAt: now };
    });
  };
}
