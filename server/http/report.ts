// The meeting report (issue 11, section 6): the timeline and totals from the
// meeting's log, the case's after-care, and the letters and bottom lines only
// when the facilitator ticks "include letters". The owner's alone: any other
// meeting is a 404, as everywhere.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { meetingTimeline, type MeetingReport, type ReportLetter, type ReportPerson, type TimelineEntry } from '../../shared/meeting/report.js';
import type { Services } from '../services.js';
import type { MeetingRecord } from '../store/types.js';
import { facilitatorAudit } from './audit.js';
import { parseBody } from './errors.js';
import { afterCareOf } from './report-after-care.js';
import { ownMeeting } from './owned.js';
import { requireFacilitator } from './session.js';

const reportQuery = z.strictObject({ includeLetters: z.enum(['true', 'false']).optional() });

export function reportRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireFacilitator);

    app.get<{ Params: { meetingId: string } }>('/api/meetings/:meetingId/report', async (request) => {
      const meeting = await ownMeeting(services, request.facilitatorId, request.params.meetingId);
      const { includeLetters } = parseBody(reportQuery, { ...(request.query as object) });
      const now = services.clock();
      const events = (await services.store.meetings.listEvents(meeting.id)).map((s) => s.event);
      const { timeline, totals, people } = meetingTimeline(meeting.input, events, now);
      await addObjectionWords(services, meeting.caseId, timeline);
      const afterCare = await afterCareOf(services, meeting, now);
      const report: MeetingReport = {
        meetingId: meeting.id,
        caseId: meeting.caseId,
        rehearsal: meeting.input.rehearsal === true,
        phase: meeting.phase,
        generatedAt: now,
        timeline,
        totals,
        people,
        afterCare,
      };
      if (includeLetters !== 'true') return report;
      // Reading everyone's letters is an access to health data: the meeting's record says it happened.
      await services.store.audit.append(facilitatorAudit(services, request.facilitatorId, 'report.letters', meeting.id));
      return { ...report, letters: await lettersOf(services, meeting, people) };
    });
  };
}

/** The plan's words for each raised objection: the log names it by id only. */
async function addObjectionWords(services: Services, caseId: string, timeline: TimelineEntry[]): Promise<void> {
  if (!timeline.some((e) => e.kind === 'objection')) return;
  const words = new Map((await services.store.caseFiles.listObjections(caseId)).map((o) => [o.objectionId, o.objection]));
  for (const e of timeline) if (e.kind === 'objection' && words.has(e.objectionId)) e.words = words.get(e.objectionId);
}

/** Each person's letter and bottom line as the meeting read them, for people who have either. */
async function lettersOf(services: Services, meeting: MeetingRecord, people: readonly ReportPerson[]): Promise<ReportLetter[]> {
  const texts = await services.store.cases.listMeetingTexts(meeting.id, meeting.caseId);
  return people.flatMap((p) => {
    const t = texts.get(p.participantId);
    const letter = t?.letter?.trim() ? t.letter : null;
    const bottomLine = t?.bottomLine?.trim() ? t.bottomLine : null;
    return letter || bottomLine ? [{ ...p, letter, bottomLine }] : [];
  });
}
