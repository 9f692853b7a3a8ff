// The preparation page after the meeting (a newcomer's trial): the page went
// on about getting ready for a meeting that had happened, and told people "you
// shared a bottom line" when the meeting ended before that round, or had none.
// What the page may now say comes from the store and the meeting's own log,
// never from what was planned: the meeting has taken place once its outcome is
// stored (after-care begun; a rehearsal never counts), and a bottom line was
// shared only when the log shows its reader's turn in the bottom-lines round
// finished before the meeting ended. The outcome itself is not told: the page needs only what is next.
import { meetingTimeline } from '../../shared/meeting/report.js';
import type { Services } from '../services.js';

/** What the preparation page knows of the meeting once it has taken place; null before. */
export interface MeetingHeld {
  /** When it ended (the outcome's time), epoch ms. */
  endedAt: number;
  /** Whether this person's bottom line was read to the end at it, as its log shows. */
  bottomLineShared: boolean;
}

/**
 * Whether the case's meeting has taken place and, if so, what its log shows of `participantId`.
 * Replays the meeting's log (shared/meeting/report.ts) only after the meeting. Rejects with the
 * store's error.
 */
export async function meetingHeld(services: Services, caseId: string, participantId: string): Promise<MeetingHeld | null> {
  const afterCare = await services.store.afterCare.get(caseId);
  if (!afterCare) return null;
  const meeting = await services.store.meetings.get(afterCare.meetingId);
  if (!meeting) return { endedAt: afterCare.outcomeAt, bottomLineShared: false };
  const events = (await services.store.meetings.listEvents(meeting.id)).map((s) => s.event);
  const { timeline } = meetingTimeline(meeting.input, events, services.clock());
  // The machine closes the turn that has the floor when the meeting ends, as `done`: a reading the
  // end cut off (or a safety stop ended) is not one the page may say was shared.
  const bottomLineShared = timeline.some(
    (entry) => entry.kind === 'turn' && entry.round === 'bottom-lines' && entry.participantId === participantId
      && entry.status === 'done' && entry.endedAt !== null && entry.endedAt < afterCare.outcomeAt,
  );
  return { endedAt: afterCare.outcomeAt, bottomLineShared };
}
