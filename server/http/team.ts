// The team (issue 9, section 5): editing and removing the case's planned
// participants, their roles and whether they take part, and the team's order
// from which the speaking order derives.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roleProblem, rolesSchema } from '../../shared/case/index.js';
import { ATTENDANCE, LIMITS } from '../../shared/protocol.js';
import { LANGUAGES } from '../../shared/vocabulary.js';
import type { Services } from '../services.js';
import type { ParticipantRecord } from '../store/types.js';
import { caseAudit } from './audit.js';
import { HttpError, notFound, parseBody } from './errors.js';
import { ownCase } from './owned.js';

type ParticipantParams = { Params: { caseId: string; participantId: string } };

const participantPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.name).optional(),
  relationship: z.string().trim().min(1).max(LIMITS.relationship).optional(),
  attendance: z.enum(ATTENDANCE).optional(),
  letter: z.string().max(LIMITS.letter).nullable().optional(),
  bottomLine: z.string().max(LIMITS.bottomLine).nullable().optional(),
  roles: rolesSchema.optional(),
  inMeeting: z.boolean().optional(),
  // The language of their screens (issue 15).
  language: z.enum(LANGUAGES).optional(),
});

const orderSchema = z.strictObject({
  participantIds: z.array(z.string().min(1).max(LIMITS.id)).max(LIMITS.speakers * 2),
});

/** The case's own planned participant (not a guest), or a 404 like any record that is not the facilitator's. */
export async function ownParticipant(services: Services, caseId: string, participantId: string): Promise<ParticipantRecord> {
  const person = await services.store.cases.getParticipant(participantId);
  if (!person || person.caseId !== caseId || person.meetingId !== null) throw notFound('That participant');
  return person;
}

/** A participant as the team routes answer: their record's fields, roles and whether they take part. */
async function memberBody(services: Services, caseId: string, participantId: string) {
  const person = await ownParticipant(services, caseId, participantId);
  const place = (await services.store.caseFiles.listTeam(caseId)).find((p) => p.participantId === participantId);
  const { id, name, relationship, attendance, letter, bottomLine, language = 'en' } = person;
  return { id, name, relationship, attendance, letter, bottomLine, language, roles: place?.roles ?? [], inMeeting: place?.inMeeting ?? true };
}

export function teamRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.patch<ParticipantParams>('/api/cases/:caseId/participants/:participantId', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const person = await ownParticipant(services, found.id, request.params.participantId);
      const { roles, inMeeting, ...fields } = parseBody(participantPatchSchema, request.body);
      const problem = roles && roleProblem(roles);
      if (problem) throw new HttpError(400, 'INVALID', `roles: ${problem}`);
      await services.store.transaction(async (tx) => {
        await tx.cases.updateParticipant(person.id, fields);
        await tx.caseFiles.placeMember(person.id, { roles, inMeeting });
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.participant.updated', found.id, { participantId: person.id }));
      });
      // Their screens in a live meeting follow at once (issue 15); a meeting not live reads it when it next is.
      if (fields.language) {
        for (const meeting of await services.store.meetings.listForCase(found.id)) {
          services.registry.peek(meeting.id)?.setParticipantLanguage(person.id, fields.language);
        }
      }
      return memberBody(services, found.id, person.id);
    });

    app.delete<ParticipantParams>('/api/cases/:caseId/participants/:participantId', async (request, reply) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const person = await ownParticipant(services, found.id, request.params.participantId);
      if ((await services.store.meetings.listForCase(found.id)).length > 0) {
        throw new HttpError(409, 'NOT_ALLOWED', 'The case has a meeting, whose record names this person: they cannot be removed; set inMeeting to false instead');
      }
      if ((await services.store.caseFiles.listObjections(found.id)).some((o) => o.responderId === person.id)) {
        throw new HttpError(409, 'NOT_ALLOWED', 'This person answers an objection: give it to someone else first');
      }
      const saved = await services.store.caseFiles.getAssessment(found.id);
      await services.store.transaction(async (tx) => {
        await tx.cases.deleteParticipant(person.id);
        // The assessment's family notes about them go too: the console saves the document whole, and a
        // note about someone no longer on the case would make every later save a 400.
        const family = saved?.assessment.family;
        if (family?.participants?.some((p) => p.participantId === person.id)) {
          const participants = family.participants.filter((p) => p.participantId !== person.id);
          await tx.caseFiles.putAssessment(found.id, { ...saved!.assessment, family: { ...family, participants } }, services.clock());
        }
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.participant.removed', found.id, { participantId: person.id }));
      });
      return reply.code(204).send();
    });

    app.put<{ Params: { caseId: string } }>('/api/cases/:caseId/team/order', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const { participantIds } = parseBody(orderSchema, request.body);
      const planned = new Set((await services.store.cases.listParticipants(found.id)).map((p) => p.id));
      const stranger = participantIds.findIndex((id) => !planned.has(id));
      if (stranger !== -1) throw new HttpError(400, 'INVALID', `participantIds.${stranger}: not a participant of this case`);
      if (new Set(participantIds).size !== participantIds.length) throw new HttpError(400, 'INVALID', 'participantIds: each participant may appear only once');
      if (participantIds.length !== planned.size) throw new HttpError(400, 'INVALID', `participantIds: list all ${planned.size} participants of the case`);
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.orderTeam(found.id, participantIds);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.team.ordered', found.id));
      });
      return { participantIds };
    });
  };
}
