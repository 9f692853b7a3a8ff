// A rehearsal's reading times (issue 10, section 4): how long each person
// actually held the floor in the letters round, against the estimate from
// their letter, so that the team can trim before the real meeting. Pure: the
// machine records the spells with the server's stamped times, and the
// projection reads them.
import { readingSeconds } from '../prepare/reading.js';
import type { MeetingContext, Reading } from './context.js';

// One rule for reading time, the family's letter editor's (shared/prepare): the same letter gets the
// same estimate on the family's page, in the review and in a rehearsal.
export { READING_WORDS_PER_MINUTE } from '../prepare/vocabulary.js';

/** One person's reading in a rehearsal, in whole seconds. */
export interface ReadingTime {
  participantId: string;
  name: string;
  /** From their letter at READING_WORDS_PER_MINUTE; null when the server has no letter for them. */
  estimatedSeconds: number | null;
  /** Time at the floor in the letters round, pauses left out; null if they never had the floor. */
  actualSeconds: number | null;
}

/** The estimated reading time of a text in whole seconds at READING_WORDS_PER_MINUTE; null for no text or no words. */
export function readingSecondsOf(text: string | null | undefined): number | null {
  const seconds = text ? readingSeconds(text) : 0;
  return seconds === 0 ? null : seconds;
}

/**
 * The `readings` after a transition that may have moved the floor, as context fields to assign:
 * the open spell closes at `at` when its speaker no longer has the floor, and a new one opens for a
 * speaker who has it without one. `{}` when nothing changed, and always for a real meeting, whose
 * context never carries readings.
 */
export function trackReading(context: MeetingContext, at: number): Pick<MeetingContext, 'readings'> | Record<string, never> {
  if (!context.readings) return {};
  let readings: Reading[] = context.readings;
  const open = readings.at(-1)?.endedAt === null ? readings.at(-1)! : null;
  const stillSpeaking = open !== null && open.participantId === context.currentSpeakerId;
  if (open && !stillSpeaking) readings = [...readings.slice(0, -1), { ...open, endedAt: at }];
  if (context.currentSpeakerId !== null && !stillSpeaking) {
    readings = [...readings, { participantId: context.currentSpeakerId, round: context.round, startedAt: at, endedAt: null }];
  }
  return readings === context.readings ? {} : { readings };
}

/**
 * Each letters-round speaker's reading time, in the order they were to read; null for a real
 * meeting. `estimateOf` gives a person's estimated seconds (null: unknown); an open spell counts up
 * to `now` (ms). Time spent paused, the de-escalation pause included, is not reading time.
 */
export function readingTimes(context: MeetingContext, now: number, estimateOf: (participantId: string) => number | null): ReadingTime[] | null {
  if (!context.readings) return null;
  const order = context.round === 'letters' ? context.speakingOrder : (context.lettersRound ?? context.speakingOrder);
  const paused = [...context.pauses.map((p) => [p.startedAt, p.endedAt]), ...(context.pause ? [[context.pause.startedAt, now]] : [])];
  return order.map(({ participantId }) => {
    const spells = context.readings!.filter((r) => r.participantId === participantId && r.round === 'letters');
    const ms = spells.reduce((sum, r) => {
      const end = r.endedAt ?? now;
      const pausedMs = paused.reduce((p, [from, to]) => p + Math.max(0, Math.min(end, to!) - Math.max(r.startedAt, from!)), 0);
      return sum + Math.max(0, end - r.startedAt - pausedMs);
    }, 0);
    return {
      participantId,
      name: context.members.find((m) => m.participantId === participantId)?.name ?? '',
      estimatedSeconds: estimateOf(participantId),
      actualSeconds: spells.length === 0 ? null : Math.round(ms / 1000),
    };
  });
}
