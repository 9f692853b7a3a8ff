// What a recorded meeting outcome does to the case's stage (issue 11): the
// case machine's `meeting.outcome` event, decided here so that the server's
// hook and the tests ask the same question.
import type { Actor } from '../protocol.js';
import { applyCaseEvent, canApplyCase, stageOf, type CaseSnapshot } from './lifecycle.js';
import type { MeetingOutcomeEvent } from './stages.js';

/**
 * The case after an outcome recorded at `at` by `by` in meeting `meetingId`: the event and the next
 * snapshot (at `after-care`), or null when the case stays where it is (already at `after-care` or
 * later, closed or cancelled).
 */
export function afterOutcome(snapshot: CaseSnapshot, meetingId: string, at: number, by: Actor): { event: MeetingOutcomeEvent; snapshot: CaseSnapshot } | null {
  const event: MeetingOutcomeEvent = { type: 'meeting.outcome', meetingId, at, by };
  if (!canApplyCase(snapshot, event)) return null;
  const next = applyCaseEvent(snapshot, event);
  return stageOf(next) === 'after-care' ? { event, snapshot: next } : null;
}
