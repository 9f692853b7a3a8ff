// After-care over HTTP (issue 11, sections 4 and 5): a case's next-steps plan
// after a no, its follow-ups, the due lists across the facilitator's cases and
// the calendar feed. The hook in server/meetings/after-outcome.ts begins
// after-care; these routes read and change it. Audited with ids only.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FOLLOW_UP_STATUSES, FOLLOW_UP_WINDOWS } from '../../shared/case/aftercare-vocabulary.js';
import { labelHoldsAName } from '../../shared/case/follow-ups-names.js';
import { CALENDAR_LABEL_MAX, inWindow, isTimeZone } from '../../shared/case/follow-ups.js';
import { nextStepsBodySchema, type Commitment } from '../../shared/case/next-steps.js';
import { safetyFlags } from '../../shared/case/safety.js';
import { scoreScreening } from '../../shared/screeners/index.js';
import { LIMITS } from '../../shared/vocabulary.js';
import { newId } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { CaseRecord, FollowUpRecord } from '../store/types.js';
import { caseAudit } from './audit.js';
import { calendarOf } from './follow-up-calendar.js';
import { HttpError, notFound, parseBody } from './errors.js';
import type { FormWords } from './field-words.js';
import { ownCase } from './owned.js';
import { requireFacilitator } from './session.js';

type CaseParams = { Params: { caseId: string } };
type FollowUpParams = { Params: { caseId: string; followUpId: string } };

/** A follow-up's due time: ms since the epoch, within a century either way of now. */
const instant = z.number().int().min(0).max(8_640_000_000_000);
const note = z.string().trim().max(LIMITS.note);

const addSchema = z.strictObject({ dueAt: instant, note: note.optional() });
const patchSchema = z
  .strictObject({ dueAt: instant.optional(), status: z.enum(FOLLOW_UP_STATUSES).optional(), note: note.nullable().optional() })
  .refine((p) => Object.keys(p).length > 0, { message: 'send dueAt, status or note' });
/** A case's calendar label: short, or null for the default "Case <n>". */
const labelSchema = z.strictObject({ label: z.string().trim().min(1).max(CALENDAR_LABEL_MAX).nullable() });
/**
 * The follow-ups list's fields in its own words (a newcomer's second trial: "label: Too big: expected
 * string to have <=40 characters", and two lines of zod for a due time of 1e20). A due time is picked
 * from the day and time fields, so any problem with it is one sentence.
 */
const FOLLOW_UP_WORDS: FormWords = {
  dueAt: { label: 'the date', invalid: 'That date is not a real date.' },
  status: { label: 'the status', choices: 'Please mark the call done, missed, skipped or due.' },
  note: { label: 'the note' },
};
const LABEL_WORDS: FormWords = { label: { label: 'the label' } };
/** The refusal of a label holding a name of the case: it says what is wrong, never which name. */
const NAME_IN_LABEL = 'The label holds a name from this case, and the calendar feed leaves Threshold: choose one without names, such as "Tuesday family".';
const dueQuery = z.strictObject({ due: z.enum(FOLLOW_UP_WINDOWS).optional(), tz: z.string().max(100).optional() });

/** A follow-up as the API answers it. */
const followUpView = ({ id, caseId, kind, dueAt, status, note }: FollowUpRecord) => ({ id, caseId, kind, dueAt, status, note });

/** The zone a due list is counted in: the `tz` query parameter (IANA), or UTC when none is sent. */
function zoneOf(tz: string | undefined): string {
  if (tz === undefined) return 'UTC';
  if (!isTimeZone(tz)) throw new HttpError(400, 'INVALID', 'tz: not a time zone this server knows (for example America/Chicago)');
  return tz;
}

/**
 * Refuses (400, naming the outcome's time in the practice's zone) a call put before the meeting's
 * outcome, `outcomeAt` (ms): a newcomer's second trial moved one to 2020 without a word.
 */
function notBeforeOutcome(dueAt: number, outcomeAt: number, timeZone: string): void {
  if (dueAt >= outcomeAt) return;
  const when = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(outcomeAt);
  throw new HttpError(400, 'INVALID', `A call cannot come before the meeting's outcome, recorded ${when} (${timeZone}); choose a later day or time.`, {
    field: 'dueAt',
    reason: 'before_outcome',
  });
}

export function afterCareRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireFacilitator);
    const store = services.store;

    /** Whether `label` holds a name of the case (the loved one's or a participant's); the sealed names go no further than this check. */
    const namesSomeone = async (kase: CaseRecord, label: string) => {
      const people = await store.cases.listParticipants(kase.id);
      return labelHoldsAName(label, [kase.lovedOneName, ...people.map((p) => p.name)]);
    };

    /**
     * The labels the feed may carry: a chosen one that holds a name (set before labels were checked,
     * or a name added to the case since) is left out, and the feed says "a case" for it.
     */
    const feedLabels = async (caseIds: readonly string[]) => {
      const labels = await store.cases.calendarLabels(caseIds);
      for (const [caseId, { label, chosen }] of labels) {
        const kase = chosen ? await store.cases.getCase(caseId) : undefined;
        if (kase && (await namesSomeone(kase, label))) labels.delete(caseId);
      }
      return labels;
    };

    /** The case's after-care, or 404 naming what is missing. */
    const afterCareOf = async (caseId: string) => {
      const record = await store.afterCare.get(caseId);
      if (!record) throw notFound('After-care for that case (it begins when a meeting records its outcome)');
      return record;
    };

    const nextStepsBody = async (caseId: string) => {
      const record = await afterCareOf(caseId);
      if (!record.plan) throw notFound('A next-steps plan (only a declined, walked-out or deferred outcome has one)');
      const [commitments, people, assessment, screenings] = await Promise.all([
        store.afterCare.listCommitments(caseId),
        store.cases.listParticipants(caseId),
        store.caseFiles.getAssessment(caseId),
        store.caseFiles.listScreenings(caseId),
      ]);
      const names = new Map(people.map((p) => [p.id, p.name]));
      const flags = safetyFlags({ assessment: assessment?.assessment ?? {}, screenings: screenings.map((s) => scoreScreening(s.screening)) });
      return {
        outcome: record.outcome,
        outcomeAt: record.outcomeAt,
        meetingId: record.meetingId,
        plan: record.plan,
        commitments: commitments.map((c) => ({ ...c, name: names.get(c.participantId) ?? null })),
        // The safety plan is asked for whenever the case carries any flag.
        safetyFlags: flags.map((f) => f.flag),
        updatedAt: record.updatedAt,
      };
    };

    app.get<CaseParams>('/api/cases/:caseId/next-steps', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      return nextStepsBody(found.id);
    });

    app.put<CaseParams>('/api/cases/:caseId/next-steps', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = parseBody(nextStepsBodySchema, request.body);
      const record = await afterCareOf(found.id);
      if (!record.plan) throw notFound('A next-steps plan (only a declined, walked-out or deferred outcome has one)');
      if (body.decideBy !== null && record.plan.outcome !== 'deferred') {
        throw new HttpError(400, 'INVALID', 'decideBy: only a deferred outcome has a decide-by date; send null');
      }
      const existing = new Set((await store.afterCare.listCommitments(found.id)).map((c) => c.participantId));
      const stranger = (body.commitments ?? []).findIndex((c) => !existing.has(c.participantId));
      if (stranger !== -1) throw new HttpError(400, 'INVALID', `commitments.${stranger}.participantId: that person has no commitment in this plan`);
      const { commitments, ...plan } = body;
      const at = services.clock();
      await store.transaction(async (tx) => {
        await tx.afterCare.putPlan(found.id, { ...plan, outcome: record.plan!.outcome }, at);
        for (const c of commitments ?? []) await tx.afterCare.putCommitment(found.id, c satisfies Commitment, at);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.next-steps.saved', found.id));
      });
      return nextStepsBody(found.id);
    });

    app.get<CaseParams>('/api/cases/:caseId/follow-ups', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const record = await store.afterCare.get(found.id);
      const [followUps, labels] = await Promise.all([store.afterCare.listFollowUps(found.id), store.cases.calendarLabels([found.id])]);
      return { begun: record !== undefined, calendarLabel: labels.get(found.id), followUps: followUps.map(followUpView) };
    });

    // What the calendar feed calls the case (a newcomer's trial): never sent to the family, never a name by default.
    app.put<CaseParams>('/api/cases/:caseId/calendar-label', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const { label } = parseBody(labelSchema, request.body, LABEL_WORDS);
      if (label !== null && (await namesSomeone(found, label))) {
        throw new HttpError(400, 'INVALID', NAME_IN_LABEL, { field: 'label', reason: 'contains_name' });
      }
      await store.transaction(async (tx) => {
        await tx.cases.setCalendarLabel(found.id, label);
        // The label itself stays out of the audit: it may say more than it should.
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.calendar-label.changed', found.id, { label: label === null ? 'default' : 'chosen' }));
      });
      return (await store.cases.calendarLabels([found.id])).get(found.id);
    });

    app.post<CaseParams>('/api/cases/:caseId/follow-ups', async (request, reply) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = parseBody(addSchema, request.body, FOLLOW_UP_WORDS);
      const afterCare = await store.afterCare.get(found.id);
      if (!afterCare) throw new HttpError(409, 'NOT_ALLOWED', 'Follow-ups begin when a meeting records its outcome');
      notBeforeOutcome(body.dueAt, afterCare.outcomeAt, services.config.practiceTimeZone);
      const at = services.clock();
      const record: FollowUpRecord = { id: newId(), caseId: found.id, kind: 'extra', dueAt: body.dueAt, status: 'due', note: body.note || null, createdAt: at, updatedAt: at };
      await store.transaction(async (tx) => {
        await tx.afterCare.addFollowUp(record);
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.follow-up.added', found.id));
      });
      return reply.code(201).send(followUpView(record));
    });

    app.patch<FollowUpParams>('/api/cases/:caseId/follow-ups/:followUpId', async (request) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = parseBody(patchSchema, request.body, FOLLOW_UP_WORDS);
      const followUp = await store.afterCare.getFollowUp(request.params.followUpId);
      if (!followUp || followUp.caseId !== found.id) throw notFound('That follow-up');
      if (body.dueAt !== undefined) notBeforeOutcome(body.dueAt, (await afterCareOf(found.id)).outcomeAt, services.config.practiceTimeZone);
      const patch = { ...body, ...(body.note !== undefined ? { note: body.note || null } : {}) };
      await store.transaction(async (tx) => {
        await tx.afterCare.updateFollowUp(followUp.id, patch, services.clock());
        // The status in the clear is no health data; the note stays sealed.
        await tx.audit.append(caseAudit(services, request.facilitatorId, 'case.follow-up.changed', followUp.id, body.status ? { status: body.status } : null));
      });
      return followUpView((await store.afterCare.getFollowUp(followUp.id))!);
    });

    app.get('/api/follow-ups', async (request) => {
      const query = parseBody(dueQuery, request.query);
      const tz = zoneOf(query.tz);
      const now = services.clock();
      const due = (await store.afterCare.listFollowUpsOf(request.facilitatorId)).filter((f) => f.status === 'due');
      const count = (window: (typeof FOLLOW_UP_WINDOWS)[number]) => due.filter((f) => inWindow(window, f.dueAt, now, tz)).length;
      const listed = query.due ? due.filter((f) => inWindow(query.due!, f.dueAt, now, tz)) : due;
      return { tz, counts: { today: count('today'), overdue: count('overdue'), week: count('week') }, followUps: listed.map(followUpView) };
    });

    app.get('/api/follow-ups.ics', async (request, reply) => {
      const due = (await store.afterCare.listFollowUpsOf(request.facilitatorId)).filter((f) => f.status === 'due');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="threshold-follow-ups.ics"')
        .header('cache-control', 'no-store')
        .send(calendarOf(due, await feedLabels([...new Set(due.map((f) => f.caseId))]), services.baseUrl()));
    });
  };
}
