// Shared set-up for the case tests: a team, content that passes every guard,
// and stage events stamped as the server would stamp them.
import type { Approach } from '../../shared/approaches.js';
import type { Assessment } from '../../shared/case/assessment.js';
import type { CaseContent } from '../../shared/case/plan.js';
import type { CaseEvent } from '../../shared/case/stages.js';
import type { TeamMember } from '../../shared/case/team.js';
import type { CancelReason, CaseRole, ForwardStage } from '../../shared/case/vocabulary.js';
import { scoreScreening, type Screening } from '../../shared/screeners/index.js';

export const T = 1_700_000_000_000;
export const DAY = 86_400_000;
export const FACILITATOR = { actorId: 'fac-1', role: 'facilitator' as const };

export function member(participantId: string, roles: CaseRole[] = [], over: Partial<TeamMember> = {}): TeamMember {
  return { participantId, name: participantId.replace('p-', ''), relationship: 'family', attendance: 'in-room', roles, inMeeting: true, ...over };
}

/** Ann chairs, Bob answers objections, Cy follows a walk-out, Dee closes, Eve attends as support. */
export function fullTeam(): TeamMember[] {
  return [
    member('p-ann', ['chair']),
    member('p-dee', ['closer']),
    member('p-bob', ['objection-responder']),
    member('p-eve', ['support']),
    member('p-cy', ['walk-out-follower'], { attendance: 'remote' }),
  ];
}

/** An assessment with intake done and every safety question answered no. */
export function calmAssessment(over: Partial<Assessment> = {}): Assessment {
  return {
    lovedOne: { preferredName: 'Sam', firstCaller: 'Ann', firstCallerRelationship: 'mother' },
    substances: [{ substance: 'cannabis', pattern: 'weekly' }],
    mentalHealth: { suicidality: 'none-known' },
    safety: {
      violenceHistory: false,
      threatsToFamily: false,
      weaponsAccess: false,
      withdrawalSeizuresOrDTs: false,
      overdoseHistory: false,
      naloxoneAvailable: false,
      pregnant: false,
    },
    ...over,
  };
}

/** Content that passes every guard up to `ready`, with no safety flag. */
export function readyContent(over: Partial<CaseContent> = {}): CaseContent {
  return {
    approach: 'love-first' as Approach,
    approachReason: null,
    assessment: calmAssessment(),
    screenings: [],
    team: fullTeam(),
    objections: [],
    readiness: [],
    ...over,
  };
}

export function emptyContent(): CaseContent {
  return { approach: null, approachReason: null, assessment: {}, screenings: [], team: [], objections: [], readiness: [] };
}

export function scored(screening: Screening) {
  return scoreScreening(screening);
}

export function move(to: Exclude<ForwardStage, 'intake'>, at = T): CaseEvent {
  return { type: 'stage.move', to, at, by: FACILITATOR };
}

export function cancel(reason: CancelReason, note: string | null = null, at = T): CaseEvent {
  return { type: 'case.cancel', reason, note, at, by: FACILITATOR };
}

/** The moves from intake to `to`, a day apart. */
export function movesTo(to: ForwardStage): CaseEvent[] {
  const order: Array<Exclude<ForwardStage, 'intake'>> = ['assessment', 'planning', 'preparation', 'ready', 'meeting', 'after-care', 'follow-up', 'closed'];
  if (to === 'intake') return [];
  return order.slice(0, order.indexOf(to) + 1).map((stage, i) => move(stage, T + (i + 1) * DAY));
}
