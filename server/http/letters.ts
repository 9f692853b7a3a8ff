// The interventionist's side of the family preparation (issue 10): each
// person's preparation link, everyone's progress and letters, the versions
// with word-level diffs, and the review. Approving makes a text the one the
// meeting reads (the participant's letter or bottom line, as a typed text
// always was); reopening takes it back out until approved again.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { APPROACHES } from '../../shared/approaches.js';
import { speakingOrder } from '../../shared/case/team.js';
import { LETTER_PARTS, MODULES, PREPARE_LIMITS, REVIEW_DECISIONS, findModule, letterStep } from '../../shared/prepare/index.js';
import { hashToken, newId, newToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { CaseRecord, ParticipantRecord, TeamPlacement } from '../store/types.js';
import { caseAudit } from './audit.js';
import { loadTeam } from './case-content.js';
import { HttpError, notFound, parseBody } from './errors.js';
import { reviewView, versionsView } from './letter-view.js';
import { ownCase } from './owned.js';
import { prepareLinkExpiry } from './prepare-auth.js';
import { requireFacilitator } from './session.js';

type Params = { caseId: string; participantId: string };

const reviewSchema = z.strictObject({
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string().trim().max(PREPARE_LIMITS.comment).optional(),
  part: z.enum(LETTER_PARTS).optional(),
});
const partQuery = z.strictObject({ part: z.enum(LETTER_PARTS).optional() });

/** A planned participant of the facilitator's own case, or a 404 (a guest, or another case's person, too). */
async function ownPerson(services: Services, facilitatorId: string, params: Params): Promise<{ found: CaseRecord; person: ParticipantRecord }> {
  const found = await ownCase(services, facilitatorId, params.caseId);
  const person = await services.store.cases.getParticipant(params.participantId);
  if (!person || person.caseId !== found.id || person.meetingId !== null) throw notFound('That participant');
  return { found, person };
}

/** One person's entry in `GET /api/cases/:caseId/letters`. */
async function personEntry(services: Services, found: CaseRecord, person: ParticipantRecord, place: TeamPlacement | undefined, speaksAt: number | null) {
  const prep = services.store.preparation;
  const [link, done, letter, bottomLine] = await Promise.all([
    prep.activeLink(person.id), prep.listModulesDone(person.id), prep.getLetter(person.id, 'letter'), prep.getLetter(person.id, 'bottom-line'),
  ]);
  const expiresAt = link && prepareLinkExpiry(services, link);
  return {
    participantId: person.id, name: person.name, relationship: person.relationship,
    // The console marks their texts with it, so a Spanish letter is read as Spanish (issue 15).
    language: person.language ?? 'en',
    roles: place?.roles ?? [], inMeeting: place?.inMeeting ?? true, speaksAt,
    link: link && expiresAt! > services.clock() ? { id: link.id, createdAt: link.createdAt, expiresAt } : null,
    modules: { done: done.map((d) => d.moduleId).filter((id) => findModule(id)), total: MODULES.length },
    letter: reviewView(letter, person.letter),
    bottomLine: APPROACHES[found.approach].usesBottomLines ? reviewView(bottomLine, person.bottomLine) : null,
  };
}

async function entryFor(services: Services, found: CaseRecord, participantId: string) {
  const { people, team, placements } = await loadTeam(services, found.id);
  const person = people.find((p) => p.id === participantId)!;
  const at = speakingOrder(team).indexOf(participantId);
  return personEntry(services, found, person, placements.find((p) => p.participantId === participantId), at === -1 ? null : at + 1);
}

export function letterRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireFacilitator);

    app.post<{ Params: Params }>('/api/cases/:caseId/participants/:participantId/prepare-link', async (request, reply) => {
      const { found, person } = await ownPerson(services, request.facilitatorId, request.params);
      const stage = await services.store.caseFiles.getStage(found.id);
      if (stage?.stage === 'closed' || stage?.stage === 'cancelled') throw new HttpError(409, 'CASE_CLOSED', 'The case is closed; it needs no more preparation links');
      const token = newToken();
      const now = services.clock();
      const link = { id: newId(), caseId: found.id, participantId: person.id, tokenHash: hashToken(token), createdAt: now, revokedAt: null };
      await services.store.transaction(async (tx) => {
        // Reissuing revokes the earlier link: one working link per person.
        for (const old of await tx.preparation.revokeLinks(person.id, now)) {
          await tx.audit.append(caseAudit(services, request.facilitatorId, 'prepare.link.revoked', old));
        }
        await tx.preparation.createLink(link);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'prepare.link.issued', link.id, { participant: person.id }));
      });
      return reply.code(201).send({ id: link.id, token, url: `${services.baseUrl()}/prepare#token=${token}` });
    });

    app.delete<{ Params: Params }>('/api/cases/:caseId/participants/:participantId/prepare-link', async (request, reply) => {
      const { person } = await ownPerson(services, request.facilitatorId, request.params);
      await services.store.transaction(async (tx) => {
        for (const old of await tx.preparation.revokeLinks(person.id, services.clock())) {
          await tx.audit.append(caseAudit(services, request.facilitatorId, 'prepare.link.revoked', old));
        }
      });
      return reply.code(204).send();
    });

    app.get<{ Params: { caseId: string } }>('/api/cases/:caseId/letters', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const { people, team, placements } = await loadTeam(services, found.id);
      const order = speakingOrder(team);
      const byId = new Map(people.map((p) => [p.id, p]));
      const entries = await Promise.all(placements.flatMap((place) => {
        const person = byId.get(place.participantId);
        const at = order.indexOf(place.participantId);
        return person ? [personEntry(services, found, person, place, at === -1 ? null : at + 1)] : [];
      }));
      return { usesBottomLines: APPROACHES[found.approach].usesBottomLines, people: entries };
    });

    app.get<{ Params: Params; Querystring: { part?: string } }>('/api/cases/:caseId/letters/:participantId/versions', async (request) => {
      const { person } = await ownPerson(services, request.facilitatorId, request.params);
      const { part = 'letter' } = parseBody(partQuery, { ...request.query });
      return { part, versions: versionsView(await services.store.preparation.listVersions(person.id, part)) };
    });

    app.post<{ Params: Params }>('/api/cases/:caseId/letters/:participantId/review', async (request) => {
      const { found, person } = await ownPerson(services, request.facilitatorId, request.params);
      const { decision, comment, part = 'letter' } = parseBody(reviewSchema, request.body);
      if (decision === 'request-changes' && !comment) throw new HttpError(400, 'INVALID', 'comment: say what to change, for the person to read');
      const current = await services.store.preparation.getLetter(person.id, part);
      if (!current) throw new HttpError(409, 'NOT_ALLOWED', 'Nothing has been written here yet');
      const step = letterStep(current.state, decision);
      if (!step.ok) throw new HttpError(409, 'NOT_ALLOWED', step.message);
      const now = services.clock();
      const field = part === 'letter' ? 'letter' : 'bottomLine';
      await services.store.transaction(async (tx) => {
        await tx.preparation.setLetterState(person.id, part, step.state, now);
        // The meeting reads the participant's letter and bottom line: approving puts the text there,
        // reopening takes it out; asking changes of a first submission leaves a typed text alone.
        if (step.state === 'approved') await tx.cases.updateParticipant(person.id, { [field]: current.text });
        else if (current.state === 'approved') await tx.cases.updateParticipant(person.id, { [field]: null });
        if (comment) await tx.preparation.addComment({ id: newId(), participantId: person.id, part, authorId: request.facilitatorId, text: comment, at: now });
        await tx.audit.append(caseAudit(services, request.facilitatorId, `prepare.${part}.${decision === 'approve' ? 'approved' : 'changes-requested'}`, person.id));
      });
      return entryFor(services, found, person.id);
    });
  };
}
