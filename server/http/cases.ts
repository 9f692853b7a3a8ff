// Cases and their participants: the preparation a meeting is built from.
// Later issues (assessment, letter review, logistics) grow from here.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { APPROACH_NAMES } from '../../shared/approaches.js';
import { ATTENDANCE, LIMITS } from '../../shared/protocol.js';
import { LANGUAGES } from '../../shared/vocabulary.js';
import { newId } from '../security/secrets.js';
import type { Services } from '../services.js';
import { caseSnapshot, loadTeam } from './case-content.js';
import { caseFileRoutes } from './case-file.js';
import { parseBody } from './errors.js';
import type { FormWords } from './field-words.js';
import { objectionRoutes } from './objections.js';
import { logisticsRoutes } from './logistics.js';
import { screeningRoutes } from './screenings.js';
import { staffRoutes } from './staff.js';
import { teamRoutes } from './team.js';
import { stageOf } from '../../shared/case/index.js';
import { ownCase } from './owned.js';
import { requireFacilitator } from './session.js';

const caseSchema = z.strictObject({
  lovedOneName: z.string().trim().min(1).max(LIMITS.name),
  approach: z.enum(APPROACH_NAMES),
});

const participantSchema = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.name),
  relationship: z.string().trim().min(1).max(LIMITS.relationship),
  attendance: z.enum(ATTENDANCE),
  letter: z.string().max(LIMITS.letter).optional(),
  bottomLine: z.string().max(LIMITS.bottomLine).optional(),
  // The language of their screens (issue 15); English when left out.
  language: z.enum(LANGUAGES).optional(),
});

/** The console's "New case" and "Add a person" forms, in their own words (issue 13, item 19). */
const CASE_WORDS: FormWords = {
  lovedOneName: { label: 'the name of the person you are helping' },
  approach: { label: 'the approach' },
};
const PERSON_WORDS: FormWords = {
  name: { label: 'the name' },
  relationship: { label: 'the relationship' },
  attendance: { label: 'how they join', choices: 'Please choose how they join: in the room, or remotely by link.' },
  letter: { label: 'the letter' },
  bottomLine: { label: 'the bottom line' },
  language: { label: 'the language', choices: 'Please choose the language of their screens: English or Spanish.' },
};

export function caseRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    // onRequest: an anonymous request is refused before its body is even read.
    app.addHook('onRequest', requireFacilitator);
    // The case file's routes (issue 9), inside this plugin so that the hook above guards them too.
    await app.register(caseFileRoutes(services));
    await app.register(screeningRoutes(services));
    await app.register(teamRoutes(services));
    // Issue 16: the colleagues on the case (not the family team above).
    await app.register(staffRoutes(services));
    await app.register(objectionRoutes(services));
    // Treatment logistics and the facilities (issue 11).
    await app.register(logisticsRoutes(services));

    app.post('/api/cases', async (request, reply) => {
      const body = parseBody(caseSchema, request.body, CASE_WORDS);
      const id = newId();
      await services.store.cases.createCase({ id, facilitatorId: request.facilitatorId, ...body, createdAt: services.clock() });
      return reply.code(201).send({ id });
    });

    app.get('/api/cases', async (request) => {
      const cases = await services.store.cases.listCases(request.facilitatorId);
      const stages = await Promise.all(cases.map((c) => services.store.caseFiles.getStage(c.id)));
      return {
        cases: cases.map(({ id, lovedOneName, approach, createdAt }, i) => ({ id, lovedOneName, approach, stage: stages[i]?.stage ?? 'intake', createdAt })),
      };
    });

    app.get<{ Params: { caseId: string } }>('/api/cases/:caseId', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const { people, placements } = await loadTeam(services, found.id);
      const meetings = await services.store.meetings.listForCase(found.id);
      const byId = new Map(people.map((p) => [p.id, p]));
      return {
        id: found.id,
        lovedOneName: found.lovedOneName,
        approach: found.approach,
        stage: stageOf(await caseSnapshot(services, found.id)),
        createdAt: found.createdAt,
        // In the team's order (PUT …/team/order), with each person's roles.
        participants: placements.flatMap(({ participantId, roles, inMeeting }) => {
          const p = byId.get(participantId);
          return p ? [{ id: p.id, name: p.name, relationship: p.relationship, attendance: p.attendance, letter: p.letter, bottomLine: p.bottomLine, language: p.language ?? 'en', roles, inMeeting }] : [];
        }),
        // A rehearsal is marked: it is practice, never the case's meeting (issue 10, section 4).
        meetings: meetings.map(({ id, input, phase, revision, createdAt }) => ({ id, rehearsal: input.rehearsal === true, phase, revision, createdAt })),
      };
    });

    app.post<{ Params: { caseId: string } }>('/api/cases/:caseId/participants', async (request, reply) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = parseBody(participantSchema, request.body, PERSON_WORDS);
      const id = newId();
      await services.store.cases.createParticipant({
        id,
        caseId: found.id,
        meetingId: null,
        name: body.name,
        relationship: body.relationship,
        attendance: body.attendance,
        letter: body.letter ?? null,
        bottomLine: body.bottomLine ?? null,
        createdAt: services.clock(),
        language: body.language ?? 'en',
      });
      return reply.code(201).send({ id });
    });
  };
}
