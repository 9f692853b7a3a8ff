// What the case's content must show before it moves (issue 9, sections 1 and
// 5): one function says what is missing for a move, in words, so the route can
// answer 409 NOT_ALLOWED naming it and the console can show the same list
// beside a disabled button. The machine keeps the order of the stages; the
// content rules live here and nowhere else.
import { unansweredSafety } from './assessment.js';
import { applyCaseEvent, canApplyCase, stageOf, type CaseSnapshot } from './lifecycle.js';
import { plan, type CaseContent } from './plan.js';
import { openItems } from './readiness.js';
import type { CaseEvent } from './stages.js';
import { nextStage, type CaseStage } from './vocabulary.js';
import { teamProblems } from './team.js';

/** What each stage needs from the content before the case may enter it; no entry means nothing more than the order. */
const ENTRY_NEEDS: Partial<Record<CaseStage, (content: CaseContent) => string[]>> = {
  assessment: intakeDone,
  planning: assessmentDone,
  preparation: approachDone,
  ready: everythingReady,
};

/** Intake is done when the interventionist knows who first called and how they are related. */
function intakeDone({ assessment }: CaseContent): string[] {
  const lovedOne = assessment.lovedOne ?? {};
  return lovedOne.firstCaller && lovedOne.firstCallerRelationship
    ? []
    : ['Intake: note who first called and how they are related to the loved one'];
}

/** Planning starts from a known picture: what is used, and every safety question answered. */
function assessmentDone({ assessment }: CaseContent): string[] {
  const missing: string[] = [];
  if (!(assessment.substances ?? []).some((use) => use.substance !== undefined)) {
    missing.push('Assessment: note at least one substance or behaviour');
  }
  const unanswered = unansweredSafety(assessment);
  if (unanswered.length) missing.push(`Safety screen: answer yes or no for ${unanswered.join(', ')}`);
  if (assessment.mentalHealth?.suicidality === undefined) {
    missing.push('Mental health: answer the question about thoughts of suicide (choose "none known" if there are none)');
  }
  return missing;
}

/** Preparation follows a chosen approach (with its reason, if cautioned) and a team whose roles fit. */
function approachDone(content: CaseContent): string[] {
  const chosen = plan('planning', content).readiness.find((entry) => entry.item === 'approach-chosen');
  const missing = chosen && !chosen.done && !chosen.waived ? [`Approach: ${chosen.detail}`] : [];
  return [...missing, ...teamProblems(content.team).map((problem) => `Team: ${problem}`)];
}

/** `ready` needs every readiness item done or waived with a reason. */
function everythingReady(content: CaseContent): string[] {
  const open = openItems(plan('preparation', content).readiness).map((entry) => `Readiness, ${entry.item}: ${entry.detail}`);
  return [...open, ...teamProblems(content.team).map((problem) => `Team: ${problem}`)];
}

/**
 * What is missing before a case at `from` may move to `to`, in words (empty when it may).
 * Covers the order of the stages as well as the content, so it alone answers the console.
 */
export function missingFor(from: CaseStage, to: CaseStage, content: CaseContent): string[] {
  if (from === 'closed') return ['The case is closed; its stage cannot change'];
  if (from === 'cancelled') return ['The case was cancelled; its stage cannot change'];
  if (to === 'cancelled') return [];
  const next = nextStage(from);
  if (to !== next) return [`A case moves one stage at a time: after ${from} comes ${next}`];
  return ENTRY_NEEDS[to]?.(content) ?? [];
}

export type MoveDecision = { ok: true; snapshot: CaseSnapshot } | { ok: false; code: 'NOT_ALLOWED'; message: string; missing: string[] };

/**
 * Decide a stamped stage event against the case's content: the next snapshot, or NOT_ALLOWED with
 * what is missing (`message` joins `missing` for the 409's body). Carries no names or values from the
 * content beyond the readiness details, which are the facilitator's own.
 */
export function decideMove(snapshot: CaseSnapshot, event: CaseEvent, content: CaseContent): MoveDecision {
  // A meeting's outcome is not a request to decide: it goes through `afterOutcome` (after-outcome.ts).
  const to = event.type === 'case.cancel' ? 'cancelled' : event.type === 'meeting.outcome' ? 'after-care' : event.to;
  const missing = missingFor(stageOf(snapshot), to, content);
  if (missing.length === 0 && !canApplyCase(snapshot, event)) missing.push('That move is not possible now');
  if (missing.length) return { ok: false, code: 'NOT_ALLOWED', message: missing.join('; '), missing };
  return { ok: true, snapshot: applyCaseEvent(snapshot, event) };
}

/** What the console's Overview shows beside the stage: the next stage, what it still needs, and whether the case can be cancelled. */
export interface StageOutlook {
  stage: CaseStage;
  next: CaseStage | null;
  missing: string[];
  canCancel: boolean;
}

/** The outlook of a case at `stage` with this content (the same rules `decideMove` applies). */
export function stageOutlook(stage: CaseStage, content: CaseContent): StageOutlook {
  const next = nextStage(stage);
  const open = stage !== 'closed' && stage !== 'cancelled';
  return { stage, next, missing: next === null ? [] : missingFor(stage, next, content), canCancel: open };
}
