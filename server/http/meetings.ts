// Creating a meeting from a case, listing its links, revoking a link.
// Tokens appear once, in the creation response; only their hashes are kept.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { APPROACHES } from '../../shared/approaches.js';
import { createMeeting, persistMeeting, phaseOf } from '../../shared/meeting/agenda.js';
import type { MeetingInput } from '../../shared/meeting/context.js';
import { LIMITS } from '../../shared/protocol.js';
import { LANGUAGES } from '../../shared/vocabulary.js';
import { hashToken, newId, newToken } from '../security/secrets.js';
import type { Services } from '../services.js';
import type { LinkKind, LinkRecord, MeetingRecord } from '../store/types.js';
import { HttpError, notFound, parseBody } from './errors.js';
import type { FormWords } from './field-words.js';
import { verifyChain } from '../store/audit.js';
import { facilitatorAudit } from './audit.js';
import { sendBackToLobby } from './lobby.js';
import { ownCase, ownMeeting } from './owned.js';
import { loadTeam } from './case-content.js';
import { speakingOrder } from '../../shared/case/team.js';
import { firstName } from '../../shared/names.js';
import { requireFacilitator } from './session.js';

const meetingSchema = z.strictObject({
  // Left out: the plan's order (issue 9, section 5).
  speakingOrder: z.array(z.string().min(1).max(LIMITS.id)).min(1).max(LIMITS.speakers).optional(),
  turnSeconds: z.number().int().min(LIMITS.turnSeconds.min).max(LIMITS.turnSeconds.max).optional(),
  // A rehearsal from the same plan (issue 10, section 4): never the case's meeting or outcome.
  rehearsal: z.boolean().optional(),
});

/** The room display's language (issue 15). */
const displayLanguageSchema = z.strictObject({ language: z.enum(LANGUAGES) });

/** The meeting form asks for the turn in minutes; the body carries seconds (issue 13, item 19). */
const MEETING_WORDS: FormWords = { turnSeconds: { label: 'the time for each turn', unit: 'seconds-as-minutes' } };

/** Where each kind of link opens in the client. The token rides in the fragment, which browsers never send. */
const PAGES: Record<LinkKind, string> = { participant: 'tablet', remote: 'remote', display: 'display', guest: 'remote' };

export function linkUrl(base: string, kind: LinkKind, token: string, remoteParticipant = false): string {
  const page = kind === 'participant' && remoteParticipant ? 'remote' : PAGES[kind];
  return `${base}/${page}#token=${token}`;
}

export function meetingRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireFacilitator);

    app.post<{ Params: { caseId: string } }>('/api/cases/:caseId/meetings', async (request, reply) => {
      const found = await ownCase(services, request.facilitatorId, request.params.caseId);
      const body = parseBody(meetingSchema, request.body, MEETING_WORDS);
      const { team, people: everyone } = await loadTeam(services, found.id);
      // Those not taking part (inMeeting false) are not on the roster and get no link.
      const taking = new Set(team.filter((m) => m.inMeeting).map((m) => m.participantId));
      const people = everyone.filter((p) => taking.has(p.id));
      const order = body.speakingOrder ?? speakingOrder(team);
      if (order.length === 0) {
        throw new HttpError(409, 'NOT_ALLOWED', 'Nobody speaks in the plan: give someone in the meeting a role other than support, or send speakingOrder');
      }
      const unknown = order.find((id) => !taking.has(id));
      if (unknown) throw new HttpError(400, 'INVALID', `speakingOrder: "${unknown}" is not a participant of this case taking part in the meeting`);
      if (new Set(order).size !== order.length) {
        throw new HttpError(400, 'INVALID', 'speakingOrder: each participant may appear only once');
      }
      const template = APPROACHES[found.approach];
      const id = newId();
      const objections = (await services.store.caseFiles.listObjections(found.id))
        .filter((o) => taking.has(o.responderId))
        .map(({ objectionId, responderId }) => ({ objectionId, responderId }));
      // Only those with a bottom line read in that round (issue 13, item 11).
      const bottomLineReaders = template.usesBottomLines ? people.filter((p) => p.bottomLine?.trim()).map((p) => p.id) : undefined;
      // The lobby says whose meeting it is and who lets people in, by first name (issue 13, item 18).
      const lovedOneFirstName = firstName(found.lovedOneName);
      const facilitatorFirstName = firstName((await services.store.accounts.getFacilitator(request.facilitatorId))?.name ?? '');
      const walkOutFollowers = team.filter((m) => m.inMeeting && m.roles.includes('walk-out-follower')).map((m) => m.participantId);
      // The plan's objections and walk-out followers go into the meeting (issue 9, section 6).
      const input: MeetingInput = {
        meetingId: id,
        approach: found.approach,
        usesBottomLines: template.usesBottomLines,
        turnSeconds: body.turnSeconds ?? template.turnSeconds,
        members: people.map((p) => ({ participantId: p.id, name: p.name, attendance: p.attendance === 'remote' ? 'remote' : 'in-room' })),
        speakingOrder: order,
        objections,
        walkOutFollowers,
        ...(bottomLineReaders ? { bottomLineReaders } : {}),
        ...(lovedOneFirstName ? { lovedOneFirstName } : {}),
        ...(facilitatorFirstName ? { facilitatorFirstName } : {}),
        // Only when true: a real meeting's input stays as it always was.
        ...(body.rehearsal === true ? { rehearsal: true } : {}),
      };
      const snapshot = createMeeting(input);
      const now = services.clock();
      const record: MeetingRecord = {
        // The case's owner owns its meetings, whoever on its staff made them (the audit names who did).
        id, caseId: found.id, facilitatorId: found.facilitatorId, input,
        snapshot: persistMeeting(snapshot), revision: 0, phase: phaseOf(snapshot), createdAt: now, updatedAt: now,
      };
      const issued: Array<{ link: LinkRecord; token: string }> = [];
      const issue = (kind: LinkKind, participantId: string | null) => {
        const token = newToken();
        const link = { id: newId(), meetingId: id, kind, participantId, tokenHash: hashToken(token), parentLinkId: null, createdAt: now, revokedAt: null };
        issued.push({ link, token });
        return { link, token };
      };
      const base = services.baseUrl();
      const participants = people.map((p) => {
        const { link, token } = issue('participant', p.id);
        return { id: link.id, participantId: p.id, token, url: linkUrl(base, 'participant', token, p.attendance === 'remote') };
      });
      const remote = issue('remote', null);
      const display = issue('display', null);
      const by = facilitatorAudit(services, request.facilitatorId, 'meeting.created', id);
      await services.store.transaction(async (tx) => {
        await tx.meetings.create(record);
        for (const { link, token } of issued) await tx.links.create(link, token);
        await tx.audit.append({ ...by, subjectId: found.id, ...(input.rehearsal ? { detail: { rehearsal: true } } : {}) });
        for (const { link } of issued) {
          await tx.audit.append({ ...by, action: 'link.issued', subjectId: link.id, detail: { kind: link.kind } });
        }
      });
      // The meeting reads only approved (or typed) letters: the console warns about the rest (issue 10).
      const letters = new Map(people.map((p) => [p.id, p.letter?.trim() ?? '']));
      return reply.code(201).send({
        id,
        withoutApprovedLetter: order.filter((participantId) => !letters.get(participantId)),
        links: {
          participants,
          remote: { id: remote.link.id, token: remote.token, url: linkUrl(base, 'remote', remote.token) },
          display: { id: display.link.id, token: display.token, url: linkUrl(base, 'display', display.token) },
        },
      });
    });

    app.get<{ Params: { meetingId: string } }>('/api/meetings/:meetingId/audit', async (request) => {
      const meeting = await ownMeeting(services, request.facilitatorId, request.params.meetingId);
      const entries = await services.store.audit.list(meeting.id);
      return {
        entries: entries.map(({ seq, at, actorRole, actorId, action, subjectId, detail }) => ({
          seq, at, actor: { role: actorRole, id: actorId }, action, subjectId, detail,
        })),
        // This meeting's chain only, checked whole (an edit anywhere breaks every later link): the cost
        // grows with this meeting, never with the rest of the log or other facilitators' sign-ins
        // (issue 12, case 18).
        chain: verifyChain(entries),
      };
    });

    app.get<{ Params: { meetingId: string } }>('/api/meetings/:meetingId', async (request) => {
      const meeting = await ownMeeting(services, request.facilitatorId, request.params.meetingId);
      const links = await services.store.links.list(meeting.id);
      return {
        id: meeting.id,
        caseId: meeting.caseId,
        rehearsal: meeting.input.rehearsal === true,
        phase: meeting.phase,
        displayLanguage: meeting.displayLanguage ?? 'en',
        revision: meeting.revision,
        // `devices`: the screens holding each link now, so the console can say "2 devices" (issue 13, item 8).
        // `showAgain`: its token is kept sealed, so its QR code can be shown again without revoking it (issue 13, item 7).
        links: await Promise.all(links.map(async ({ id, kind, participantId, createdAt, revokedAt }) => ({
          id, kind, participantId, createdAt, revokedAt, devices: revokedAt === null ? await services.realtime.devicesOn(id) : 0,
          showAgain: revokedAt === null && meeting.phase !== 'closed' && services.clock() - createdAt <= services.config.linkMaxAgeHours * 3_600_000
            && (await services.store.links.keptToken(id)) !== null,
        }))),
      };
    });

    // The room display's language (issue 15): stored, then the displays of a live meeting see it at once.
    app.put<{ Params: { meetingId: string } }>('/api/meetings/:meetingId/display-language', async (request) => {
      const meeting = await ownMeeting(services, request.facilitatorId, request.params.meetingId);
      const { language } = parseBody(displayLanguageSchema, request.body);
      await services.store.meetings.setDisplayLanguage(meeting.id, language);
      // A meeting not live now reads it from its record when it next is.
      services.registry.peek(meeting.id)?.setDisplayLanguage(language);
      return { displayLanguage: language };
    });

    app.delete<{ Params: { meetingId: string; linkId: string } }>('/api/meetings/:meetingId/links/:linkId', async (request, reply) => {
      const meeting = await ownMeeting(services, request.facilitatorId, request.params.meetingId);
      const link = await services.store.links.get(request.params.linkId);
      if (!link || link.meetingId !== meeting.id) throw notFound('That link');
      const revoked = [link.id, ...(await guestsStillWaiting(services, meeting.id, link))];
      // Before the revocation, so that a failure leaves the link working rather than its person let in (issue 12, case 6).
      if (link.participantId && link.revokedAt === null) await sendBackToLobby(services, meeting.id, link.participantId);
      await services.store.transaction(async (tx) => {
        await tx.links.revoke(revoked, services.clock());
        for (const id of revoked) {
          await tx.audit.append({ ...facilitatorAudit(services, request.facilitatorId, 'link.revoked', meeting.id), subjectId: id });
        }
      });
      for (const id of revoked) services.realtime.disconnectLink(id);
      return reply.code(204).send();
    });
  };
}

/**
 * Revoking the shared remote link also turns away the people who came through
 * it and are still in the lobby; those already admitted keep their own links.
 */
async function guestsStillWaiting(services: Services, meetingId: string, link: LinkRecord): Promise<string[]> {
  if (link.kind !== 'remote') return [];
  const runtime = await services.registry.get(meetingId);
  const admitted = new Set(runtime?.context.members.filter((m) => m.admitted).map((m) => m.participantId));
  const links = await services.store.links.list(meetingId);
  return links
    .filter((l) => l.parentLinkId === link.id && l.revokedAt === null && !admitted.has(l.participantId ?? ''))
    .map((l) => l.id);
}
