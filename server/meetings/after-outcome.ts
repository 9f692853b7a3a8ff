// What follows a meeting's outcome on the case (issue 11, sections 4 and 5):
// the case moves to `after-care` through the case machine (audited as a stage
// change), and its after-care begins with the follow-up schedule and, after a
// no, the next-steps plan with each approved bottom line as a commitment. The
// runtime calls this once the outcome is stored; the registry calls it again
// for every restored meeting with an outcome, so an outcome whose hook was cut
// short by a crash still gets its after-care. The after-care row, keyed by the
// case, makes every later call (a second outcome, a restart) write nothing.
import { afterOutcome } from '../../shared/case/after-outcome.js';
import { hasNextSteps, type NextStepsOutcome } from '../../shared/case/aftercare-vocabulary.js';
import { followUpSchedule, type CallTime } from '../../shared/case/follow-ups.js';
import { CaseSnapshotMismatch, createCaseFile, persistCase, replayCase, restoreCase, stageOf, type CaseSnapshot } from '../../shared/case/lifecycle.js';
import { startingCommitments, startingPlan } from '../../shared/case/next-steps.js';
import type { OutcomeRecord } from '../../shared/meeting/context.js';
import type { Logger } from '../logger.js';
import { newId } from '../security/secrets.js';
import type { AuditEntry } from '../store/audit.js';
import type { FollowUpRecord, Store } from '../store/types.js';

/** The meeting an outcome belongs to: ids only. */
export interface OutcomeMeeting {
  id: string;
  caseId: string;
  facilitatorId: string;
}

export type AfterOutcomeStore = Pick<Store, 'transaction' | 'caseFiles' | 'cases' | 'afterCare'>;

export interface AfterOutcomeDeps {
  store: AfterOutcomeStore;
  log: Logger;
  /** The audit's time: when the server did it (the schedule and the stage history keep the outcome's time). */
  clock: () => number;
  /** Where and when the scheduled calls fall (PRACTICE_TIME_ZONE, FOLLOW_UP_TIME); absent: at the outcome's time of day, in UTC. */
  callTime?: CallTime;
}

/** Thrown inside the transaction when the case moved between reading and writing: nothing is kept, and it is tried again. */
class CaseMovedMeanwhile extends Error {}

/**
 * Begins the case's after-care for `outcome` (a real meeting's, never a rehearsal's). Resolves
 * with true when it began now, false when the case already had it or is closed or cancelled.
 * Rejects only when the store fails; nothing is half written (one transaction).
 */
export async function beginAfterCare(deps: AfterOutcomeDeps, meeting: OutcomeMeeting, outcome: OutcomeRecord): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptBegin(deps, meeting, outcome);
    } catch (error) {
      if (!(error instanceof CaseMovedMeanwhile) || attempt >= 2) throw error;
    }
  }
}

async function attemptBegin({ store, log, clock, callTime }: AfterOutcomeDeps, meeting: OutcomeMeeting, outcome: OutcomeRecord): Promise<boolean> {
  const { caseId } = meeting;
  if (await store.afterCare.get(caseId)) return false;
  const snapshot = await caseSnapshotOf(store, caseId);
  const from = stageOf(snapshot);
  if (from === 'closed' || from === 'cancelled') {
    log.info({ caseId, meetingId: meeting.id, stage: from }, 'outcome recorded for a case that is over: no after-care');
    return false;
  }
  const by = { actorId: meeting.facilitatorId, role: 'facilitator' as const };
  const move = afterOutcome(snapshot, meeting.id, outcome.at, by);
  const people = await store.cases.listParticipants(caseId);
  const nextSteps = hasNextSteps(outcome.kind);
  const followUps: FollowUpRecord[] = followUpSchedule(outcome.at, callTime).map(({ kind, dueAt }) => ({
    id: newId(), caseId, kind, dueAt, status: 'due', note: null, createdAt: outcome.at, updatedAt: outcome.at,
  }));
  const audit = (action: string, detail: AuditEntry['detail']): AuditEntry => ({
    at: clock(), actorRole: 'facilitator', actorId: meeting.facilitatorId, action, meetingId: null, subjectId: caseId, detail,
  });
  const began = await store.transaction(async (tx) => {
    const record = {
      caseId, meetingId: meeting.id, outcome: outcome.kind, outcomeAt: outcome.at,
      plan: nextSteps ? startingPlan(outcome.kind as NextStepsOutcome, outcome.decideBy) : null,
      createdAt: outcome.at, updatedAt: outcome.at,
    };
    if (!(await tx.afterCare.begin(record, nextSteps ? startingCommitments(people) : [], followUps))) return false;
    if (move) {
      // Fenced on `from`, as POST …/stage is: a move in between rolls all of this back, and it is tried again.
      if (!(await tx.caseFiles.recordStage(caseId, from, 'after-care', move.event, persistCase(move.snapshot)))) throw new CaseMovedMeanwhile();
      await tx.audit.append(audit('case.stage', { from, to: 'after-care' }));
    }
    // Ids and counts only: the outcome itself is health data and stays sealed.
    await tx.audit.append(audit('case.after-care.begun', { meetingId: meeting.id, followUps: followUps.length }));
    return true;
  });
  if (began) log.info({ caseId, meetingId: meeting.id, moved: move !== null }, 'after-care begun');
  return began;
}

/** The case machine's snapshot, as the case routes read it (server/http/case-content.ts). */
async function caseSnapshotOf(store: AfterOutcomeStore, caseId: string): Promise<CaseSnapshot> {
  const stored = await store.caseFiles.getStage(caseId);
  if (!stored || stored.snapshot === null) return createCaseFile({ caseId });
  try {
    return restoreCase(stored.snapshot);
  } catch (error) {
    if (!(error instanceof CaseSnapshotMismatch)) throw error;
    return replayCase({ caseId }, await store.caseFiles.listStageEvents(caseId));
  }
}
