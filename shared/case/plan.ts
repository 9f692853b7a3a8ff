// The plan (issue 9, sections 4 and 5): what `GET /api/cases/:caseId/plan`
// answers, computed from plain inputs the store holds, so that the route, the
// stage guards and the console all read the same rules.
import type { Approach } from '../approaches.js';
import type { ScreeningResult } from '../screeners/index.js';
import type { Assessment } from './assessment.js';
import type { Objection } from './objections.js';
import type { PreparationFacts } from './preparation.js';
import { readiness, type LogisticsFacts, type ReadinessEntry, type ReadinessMark } from './readiness.js';
import { safetyReview, type SafetyReview } from './safety.js';
import type { CaseStage, Influence } from './vocabulary.js';
import { speakingOrder, type TeamMember } from './team.js';

/** Everything in the case file the rules read. */
export interface CaseContent {
  approach: Approach | null;
  /** Why a cautioned approach was chosen anyway; null when none was recorded. */
  approachReason: string | null;
  assessment: Assessment;
  /** Scored with `scoreScreening`. */
  screenings: readonly ScreeningResult[];
  /** In the interventionist's order (by drag or keyboard). */
  team: readonly TeamMember[];
  objections: readonly Objection[];
  /** The interventionist's marks on readiness items: done, or waived with a reason. */
  readiness: readonly ReadinessMark[];
  /** The family preparation (issue 10); left out, its readiness items are not listed. */
  preparation?: PreparationFacts;
  /** The treatment logistics and the time to judge them at (issue 11); left out, its items are not listed. */
  logistics?: LogisticsFacts;
}

export interface PlanMember extends TeamMember {
  /** 1-based place in the speaking order; null for someone who does not speak. */
  speaksAt: number | null;
  /** From the assessment's family section, when noted. */
  influence: Influence | null;
}

export interface PlanObjection extends Objection {
  /** False when the responder is not on the team taking part: the console asks for another. */
  responderInMeeting: boolean;
}

/** `GET /api/cases/:caseId/plan`. Facilitator only: it carries health data and private responses. */
export interface Plan {
  stage: CaseStage;
  safety: SafetyReview;
  readiness: ReadinessEntry[];
  team: PlanMember[];
  objections: PlanObjection[];
}

/** The plan of a case at `stage` with this content. */
export function plan(stage: CaseStage, content: CaseContent): Plan {
  const safety = safetyReview({ assessment: content.assessment, screenings: content.screenings });
  const checklist = readiness({
    approach: content.approach,
    approachReason: content.approachReason,
    assessment: content.assessment,
    team: content.team,
    safety,
    marks: content.readiness,
    preparation: content.preparation,
    logistics: content.logistics,
  });
  const order = speakingOrder(content.team);
  const influence = new Map((content.assessment.family?.participants ?? []).map((p) => [p.participantId, p.influence ?? null]));
  const team = content.team.map((member) => {
    const place = order.indexOf(member.participantId);
    return { ...member, speaksAt: place === -1 ? null : place + 1, influence: influence.get(member.participantId) ?? null };
  });
  const inMeeting = new Set(content.team.filter((m) => m.inMeeting).map((m) => m.participantId));
  const objections = content.objections.map((o) => ({ ...o, responderInMeeting: inMeeting.has(o.responderId) }));
  return { stage, safety, readiness: checklist, team, objections };
}
