// The case file's stage, assessment, plan, approach and readiness marks
// (issue 9, sections 1, 2, 4 and 5). The rules live in shared/case/; these
// routes load the case, ask the rules, store the result and audit it with ids
// and stage names only.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { APPROACH_NAMES } from '../../shared/approaches.js';
import {
  caseContextOf, decideMove, parseAssessment, parseReadinessMark, persistCase, plan, stageOf, stageOutlook,
  stageRequestSchema, stampStageRequest, READINESS_ITEMS, type CaseContent, type CaseSnapshot,
} from '../../shared/case/index.js';
import { LIMITS } from '../../shared/vocabulary.js';
import type { Services } from '../services.js';
import type { CaseRecord } from '../store/types.js';
import { caseAudit } from './audit.js';
import { caseSnapshot, loadContent } from './case-content.js';
import { HttpError, parseBody } from './errors.js';
import { ownCase } from './owned.js';

type CaseParams = { Params: { caseId: string } };
type ItemParams = { Params: { caseId: string; item: string } };

const approachSchema = z.strictObject({
  approach: z.enum(APPROACH_NAMES),
  reason: z.string().trim().min(1).max(LIMITS.note).optional(),
});

/** The body of `GET/POST …/stage`: the outlook, and the history and cancellation from the machine. */
function stageBody(snapshot: CaseSnapshot, content: CaseContent) {
  const { history, cancellation } = caseContextOf(snapshot);
  return { ...stageOutlook(stageOf(snapshot), content), history, cancellation };
}

/** The case's plan as `GET …/plan` answers it. */
export async function planOf(services: Services, found: CaseRecord) {
  const [snapshot, content] = await Promise.all([caseSnapshot(services, found.id), loadContent(services, found)]);
  const stage = stageOf(snapshot);
  return { ...plan(stage, content), approach: content.approach, approachReason: content.approachReason, outlook: stageOutlook(stage, content) };
}

/** A 400 naming the field when a JSON object was not sent. */
function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'INVALID', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** The stage and the plan's documents; registered inside caseRoutes (the facilitator's session is already required). */
export function caseFileRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.get<CaseParams>('/api/cases/:caseId/stage', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const [snapshot, content] = await Promise.all([caseSnapshot(services, found.id), loadContent(services, found)]);
      return stageBody(snapshot, content);
    });

    app.post<CaseParams>('/api/cases/:caseId/stage', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = parseBody(stageRequestSchema, request.body);
      const [snapshot, content] = await Promise.all([caseSnapshot(services, found.id), loadContent(services, found)]);
      const event = stampStageRequest(body, services.clock(), { actorId: request.facilitatorId, role: 'facilitator' });
      const decision = decideMove(snapshot, event, content);
      if (!decision.ok) throw new HttpError(409, 'NOT_ALLOWED', decision.message, { missing: decision.missing });
      const from = stageOf(snapshot);
      const to = stageOf(decision.snapshot);
      const moved = await services.store.transaction(async (tx) => {
        // Fenced on `from`: a second request that decided against the same stage writes nothing.
        if (!(await tx.caseFiles.recordStage(found.id, from, to, event, persistCase(decision.snapshot)))) return false;
        // Stage names only: a cancellation's reason and note stay in the sealed snapshot.
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.stage', found.id, { from, to }));
        return true;
      });
      if (!moved) throw new HttpError(409, 'STALE', 'The case moved meanwhile; look at it again and retry');
      return stageBody(decision.snapshot, content);
    });

    app.get<CaseParams>('/api/cases/:caseId/assessment', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const saved = await services.store.caseFiles.getAssessment(found.id);
      return { assessment: saved?.assessment ?? {}, updatedAt: saved?.updatedAt ?? null };
    });

    app.put<CaseParams>('/api/cases/:caseId/assessment', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const parsed = parseAssessment(objectBody(request.body));
      if (!parsed.ok) throw new HttpError(400, 'INVALID', parsed.message);
      const known = new Set((await services.store.cases.listParticipants(found.id)).map((p) => p.id));
      const stranger = (parsed.assessment.family?.participants ?? []).findIndex((p) => !known.has(p.participantId));
      if (stranger !== -1) {
        throw new HttpError(400, 'INVALID', `family.participants.${stranger}.participantId: not a participant of this case`);
      }
      const at = services.clock();
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.putAssessment(found.id, parsed.assessment, at);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.assessment.saved', found.id));
      });
      return { assessment: parsed.assessment, updatedAt: at };
    });

    app.get<CaseParams>('/api/cases/:caseId/plan', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      return planOf(services, found);
    });

    app.put<CaseParams>('/api/cases/:caseId/approach', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = parseBody(approachSchema, request.body);
      const reason = body.reason ?? null;
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.setApproach(found.id, body.approach, reason);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.approach.chosen', found.id));
      });
      return { approach: body.approach, approachReason: reason };
    });

    app.put<ItemParams>('/api/cases/:caseId/readiness/:item', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = objectBody(request.body);
      if ('item' in body) throw new HttpError(400, 'INVALID', 'unknown field "item" (the item is in the address)');
      const parsed = parseReadinessMark({ ...body, item: request.params.item });
      if (!parsed.ok) throw new HttpError(400, 'INVALID', parsed.message);
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.putReadinessMark(found.id, parsed.mark, services.clock());
        // No item name: which safety items a case has would say which flags it raised.
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.readiness.marked', found.id));
      });
      return { readiness: (await planOf(services, found)).readiness };
    });

    app.delete<ItemParams>('/api/cases/:caseId/readiness/:item', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const item = READINESS_ITEMS.find((i) => i === request.params.item);
      if (!item) throw new HttpError(400, 'INVALID', 'item: not a readiness item');
      await services.store.transaction(async (tx) => {
        await tx.caseFiles.clearReadinessMark(found.id, item);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.readiness.cleared', found.id));
      });
      return { readiness: (await planOf(services, found)).readiness };
    });
  };
}
