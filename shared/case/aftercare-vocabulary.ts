// After-care's words (issue 11, sections 4 and 5), with no dependency, so the
// console and the preparation page import them without zod: the follow-up
// schedule's kinds and statuses, a commitment's statuses, the outcomes that
// lead to a next-steps plan and the kinds of next attempt.
import type { Outcome } from '../vocabulary.js';

/** The scheduled follow-ups, in order, then `extra` for one the interventionist adds. */
export const SCHEDULED_FOLLOW_UPS = ['1-day', '3-days', '1-week', '2-weeks', '30-days', '60-days', '90-days', '6-months', '1-year'] as const;
export type ScheduledFollowUp = (typeof SCHEDULED_FOLLOW_UPS)[number];
export const FOLLOW_UP_KINDS = [...SCHEDULED_FOLLOW_UPS, 'extra'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** `due`: still to do (overdue when its day has passed); `missed`: tried, nobody reached; the others as said. */
export const FOLLOW_UP_STATUSES = ['due', 'done', 'missed', 'skipped'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** `GET /api/follow-ups?due=`: today, before today, or the seven days from today. */
export const FOLLOW_UP_WINDOWS = ['today', 'overdue', 'week'] as const;
export type FollowUpWindow = (typeof FOLLOW_UP_WINDOWS)[number];

export const COMMITMENT_STATUSES = ['kept', 'not-yet', 'changed'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** The outcomes after which the family gets a next-steps plan (an accepted one gets the transition instead). */
export const NEXT_STEPS_OUTCOMES = ['declined', 'walked-out', 'deferred'] as const satisfies readonly Outcome[];
export type NextStepsOutcome = (typeof NEXT_STEPS_OUTCOMES)[number];

/** The next attempt after a no: another meeting, the next ARISE level, or not decided yet. */
export const NEXT_ATTEMPT_KINDS = ['undecided', 'another-meeting', 'next-arise-level'] as const;
export type NextAttemptKind = (typeof NEXT_ATTEMPT_KINDS)[number];

/** Whether an outcome leads to a next-steps plan. */
export function hasNextSteps(outcome: Outcome): outcome is NextStepsOutcome {
  return (NEXT_STEPS_OUTCOMES as readonly string[]).includes(outcome);
}

/** Each follow-up kind in words, for the console. */
export const FOLLOW_UP_KIND_WORDS: Record<FollowUpKind, string> = {
  '1-day': 'After 1 day',
  '3-days': 'After 3 days',
  '1-week': 'After 1 week',
  '2-weeks': 'After 2 weeks',
  '30-days': 'After 30 days',
  '60-days': 'After 60 days',
  '90-days': 'After 90 days',
  '6-months': 'After 6 months',
  '1-year': 'After 1 year',
  extra: 'Added',
};

export const COMMITMENT_STATUS_WORDS: Record<CommitmentStatus, string> = {
  kept: 'Kept',
  'not-yet': 'Not yet',
  changed: 'Changed',
};
