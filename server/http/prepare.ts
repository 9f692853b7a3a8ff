// The family's preparation routes (issue 10): what the page needs on load, the
// modules, and the person's own letter and bottom line. Authenticated by the
// link's token as a Bearer header (prepare-auth.ts); a token reaches only its
// own person's things, and no route takes anyone's id. Every write joins the
// audit log as ids and actions.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { APPROACHES } from '../../shared/approaches.js';
import { speakingOrder } from '../../shared/case/team.js';
import {
  LETTER_SECTIONS, LONG_LETTER_SECONDS, MODULES, PREPARE_LIMITS, READING_WORDS_PER_MINUTE, SECTIONS_ES, findModule, letterStep,
  modulesIn, publicModule, roleWords, wordCount, type LetterPart,
} from '../../shared/prepare/index.js';
import { isLanguage, type Language } from '../../shared/vocabulary.js';
import type { Services } from '../services.js';
import type { AuditEntry } from '../store/audit.js';
import type { LetterRecord } from '../store/types.js';
import { loadTeam } from './case-content.js';
import { HttpError, notFound, parseBody } from './errors.js';
import { typedByInterventionist, writerView } from './letter-view.js';
import { meetingHeld } from './prepare-after.js';
import { commitmentRoutes } from './prepare-commitment.js';
import { requirePrepareLink, SaveBudget } from './prepare-auth.js';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

export const answerSchema = z.strictObject({ answer: z.string().min(1).max(20) });
export const textSchema = (max: number) => z.strictObject({ text: z.string().max(max) });

/**
 * The language of the page's words (issue 15): `?lang=en|es` when the person chose one on their
 * screen, else the one the interventionist set for them. Anything else in `lang` is ignored.
 */
function languageOf(request: FastifyRequest): Language {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  return isLanguage(asked) ? asked : (request.prepare.person.language ?? 'en');
}

/** The audit entry of something the person did on their preparation page: ids and the action only. */
function personAudit(services: Services, request: FastifyRequest, action: string): AuditEntry {
  const { person } = request.prepare;
  return { at: services.clock(), actorRole: 'participant', actorId: person.id, action, meetingId: null, subjectId: person.id, detail: null };
}

/**
 * A text's state on the welcome: the person's own, else approved when the interventionist typed it
 * (s20, finding 2); `typed` while the meeting reads a text the interventionist typed.
 */
function textState(record: LetterRecord | undefined, meetingText: string | null) {
  const typed = typedByInterventionist(record, meetingText);
  return { state: record?.state ?? (typed ? 'approved' : 'draft'), typed };
}

export function prepareRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requirePrepareLink(services));
    const budget = new SaveBudget(services.clock);
    const spend = (request: FastifyRequest) => budget.take(request.prepare.link.id);

    app.get('/api/prepare', async (request) => {
      const { person, found } = request.prepare;
      const { team } = await loadTeam(services, found.id);
      const order = speakingOrder(team);
      const me = team.find((m) => m.participantId === person.id);
      const place = order.indexOf(person.id);
      const template = APPROACHES[found.approach];
      const [done, letter, bottomLine] = await Promise.all([
        services.store.preparation.listModulesDone(person.id),
        services.store.preparation.getLetter(person.id, 'letter'),
        services.store.preparation.getLetter(person.id, 'bottom-line'),
      ]);
      const roles = me?.roles ?? [];
      const language = languageOf(request);
      // After the meeting the page speaks of what is next, not of getting ready (prepare-after.ts).
      const held = await meetingHeld(services, found.id, person.id);
      return {
        meetingHeld: held,
        participant: { firstName: firstName(person.name), relationship: person.relationship },
        language,
        roles,
        roleWords: roleWords({ roles, inMeeting: me?.inMeeting ?? false, speaksAt: place === -1 ? null : place + 1, speakers: order.length }, language),
        speaksAt: place === -1 ? null : place + 1,
        speakers: order.length,
        approach: { name: found.approach, label: template.label, usesBottomLines: template.usesBottomLines },
        // Who is coming: first names and relationships only, as the plan shares them.
        team: team.filter((m) => m.inMeeting).map((m) => ({ firstName: firstName(m.name), relationship: m.relationship, you: m.participantId === person.id })),
        modules: { done: done.filter((d) => findModule(d.moduleId)).length, total: MODULES.length },
        letter: textState(letter, person.letter),
        bottomLine: template.usesBottomLines ? textState(bottomLine, person.bottomLine) : null,
        sections: language === 'es' ? LETTER_SECTIONS.map((s) => ({ id: s.id, ...SECTIONS_ES[s.id]! })) : LETTER_SECTIONS,
        readingWordsPerMinute: READING_WORDS_PER_MINUTE,
        longLetterSeconds: LONG_LETTER_SECONDS,
      };
    });

    app.get('/api/prepare/modules', async (request) => {
      const done = new Map((await services.store.preparation.listModulesDone(request.prepare.person.id)).map((d) => [d.moduleId, d.doneAt]));
      return { modules: modulesIn(languageOf(request)).map((m) => ({ ...publicModule(m), done: done.has(m.id), doneAt: done.get(m.id) ?? null })) };
    });

    app.post<{ Params: { moduleId: string } }>('/api/prepare/modules/:moduleId/done', async (request) => {
      const language = languageOf(request);
      const module = findModule(request.params.moduleId, language);
      if (!module) throw notFound('That module');
      spend(request);
      const { answer } = parseBody(answerSchema, request.body);
      if (answer !== module.check.answer) {
        const again = language === 'es' ? 'Vuelva a leerlo con calma e inténtelo de nuevo.' : 'Have another look and try again.';
        throw new HttpError(409, 'CHECK_NOT_PASSED', `${language === 'es' ? 'No exactamente.' : 'Not quite.'} ${module.check.explanation} ${again}`);
      }
      const { person } = request.prepare;
      await services.store.transaction(async (tx) => {
        await tx.preparation.markModuleDone(person.id, module.id, services.clock());
        await tx.audit.append({ ...personAudit(services, request, 'prepare.module.done'), detail: { module: module.id } });
      });
      const doneAt = (await services.store.preparation.listModulesDone(person.id)).find((d) => d.moduleId === module.id)?.doneAt ?? null;
      return { id: module.id, done: true, doneAt, explanation: module.check.explanation };
    });

    textRoutes(app, services, 'letter', PREPARE_LIMITS.letter, spend);
    textRoutes(app, services, 'bottom-line', PREPARE_LIMITS.bottomLine, spend);
    // After a no (issue 11, section 4): the person's own commitment.
    commitmentRoutes(app, services, spend, (request, action) => personAudit(services, request, action));
  };
}

/** GET, PUT and submit for one of the person's texts, at /api/prepare/<part>. */
function textRoutes(app: FastifyInstance, services: Services, part: LetterPart, max: number, spend: (r: FastifyRequest) => void) {
  const path = `/api/prepare/${part}`;
  const schema = textSchema(max);
  const store = services.store.preparation;
  const usable = (request: FastifyRequest) => {
    if (part === 'bottom-line' && !APPROACHES[request.prepare.found.approach].usesBottomLines) {
      throw new HttpError(409, 'NO_BOTTOM_LINES', 'This approach does not use bottom lines; your letter is all you need to write');
    }
  };
  // What the meeting reads of this part: approved, or typed by the interventionist.
  const meetingText = (request: FastifyRequest) => (part === 'letter' ? request.prepare.person.letter : request.prepare.person.bottomLine);
  const view = async (request: FastifyRequest) => {
    const id = request.prepare.person.id;
    const [record, comments] = await Promise.all([store.getLetter(id, part), store.listComments(id)]);
    return writerView(record, comments, part, meetingText(request));
  };

  app.get(path, async (request) => {
    usable(request);
    return view(request);
  });

  app.put(path, async (request) => {
    usable(request);
    spend(request);
    const { text } = parseBody(schema, request.body);
    const id = request.prepare.person.id;
    const current = await store.getLetter(id, part);
    // An autosave of the same words is no new version; nor is one of a typed letter's own words.
    if (writerView(current, [], part, meetingText(request)).text === text) return view(request);
    // A typed letter with no version of the person's own is open to their changes: the first is a new
    // version for review, and the meeting reads the typed one until it is approved (s20, finding 2).
    const step = letterStep(current?.state ?? 'draft', 'save');
    if (!step.ok) throw new HttpError(409, step.code, step.message, { reason: step.reason });
    await services.store.transaction(async (tx) => {
      await tx.preparation.saveVersion(id, part, text, step.state, services.clock(), PREPARE_LIMITS.versions);
      await tx.audit.append(personAudit(services, request, `prepare.${part}.saved`));
    });
    return view(request);
  });

  app.post(`${path}/submit`, async (request) => {
    usable(request);
    spend(request);
    const id = request.prepare.person.id;
    const current = await store.getLetter(id, part);
    // A typed letter as it stands is already approved: nothing to send (s20, finding 2).
    const state = current?.state ?? (typedByInterventionist(current, meetingText(request)) ? 'approved' : 'draft');
    const step = letterStep(state, 'submit', wordCount(current?.text ?? '') === 0);
    if (!step.ok) throw new HttpError(409, step.code, step.message, { reason: step.reason });
    await services.store.transaction(async (tx) => {
      await tx.preparation.setLetterState(id, part, step.state, services.clock());
      await tx.audit.append(personAudit(services, request, `prepare.${part}.submitted`));
    });
    return view(request);
  });
}
