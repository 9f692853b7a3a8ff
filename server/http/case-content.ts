// What the case-file routes read: the case machine's current snapshot and
// everything the shared rules need (`CaseContent`), assembled from the store.
// One place builds it, so the stage guards, the plan and the meeting's
// creation all see the same case.
import {
  CaseSnapshotMismatch, createCaseFile, EMPTY_LOGISTICS, replayCase, restoreCase, type CaseContent, type CaseSnapshot, type PreparationFacts, type TeamMember,
} from '../../shared/case/index.js';
import { scoreScreening } from '../../shared/screeners/index.js';
import { MODULES } from '../../shared/prepare/modules.js';
import type { Services } from '../services.js';
import type { CaseRecord, ParticipantRecord, TeamPlacement } from '../store/types.js';
import { notFound } from './errors.js';

/**
 * The case machine's snapshot for `caseId`: the stored one, or (none stored yet: a case from
 * before issue 9, or never moved) a new one at `intake`, or (stored by another machine version)
 * one rebuilt from the stage events. Throws a 404 HttpError if the case does not exist.
 */
export async function caseSnapshot(services: Services, caseId: string): Promise<CaseSnapshot> {
  const stored = await services.store.caseFiles.getStage(caseId);
  if (!stored) throw notFound('That case');
  if (stored.snapshot === null) return createCaseFile({ caseId });
  try {
    return restoreCase(stored.snapshot);
  } catch (error) {
    if (!(error instanceof CaseSnapshotMismatch)) throw error;
    return replayCase({ caseId }, await services.store.caseFiles.listStageEvents(caseId));
  }
}

/** The team as the shared rules see it: planned participants in the team's order, with roles. */
export function teamOf(people: readonly ParticipantRecord[], placements: readonly TeamPlacement[]): TeamMember[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return placements.flatMap((place) => {
    const person = byId.get(place.participantId);
    if (!person) return [];
    const attendance = person.attendance === 'remote' ? 'remote' : 'in-room';
    return [{ participantId: person.id, name: person.name, relationship: person.relationship, attendance, roles: place.roles, inMeeting: place.inMeeting }];
  });
}

/** The case's planned participants and the team built from them, in the team's order. */
export async function loadTeam(services: Services, caseId: string): Promise<{ people: ParticipantRecord[]; team: TeamMember[]; placements: TeamPlacement[] }> {
  const [people, placements] = await Promise.all([
    services.store.cases.listParticipants(caseId),
    services.store.caseFiles.listTeam(caseId),
  ]);
  return { people, team: teamOf(people, placements), placements };
}

/** Everything in the case file the shared rules read (unsealed), for `plan()` and `decideMove()`. */
export async function loadContent(services: Services, found: CaseRecord): Promise<CaseContent> {
  const files = services.store.caseFiles;
  const [approachReason, assessment, screenings, { team, people }, objections, readiness] = await Promise.all([
    files.getApproachReason(found.id),
    files.getAssessment(found.id),
    files.listScreenings(found.id),
    loadTeam(services, found.id),
    files.listObjections(found.id),
    files.listReadinessMarks(found.id),
  ]);
  const [preparation, logistics] = await Promise.all([
    preparationFacts(services, people),
    services.store.logistics.getCaseLogistics(found.id),
  ]);
  return {
    approach: found.approach,
    approachReason,
    assessment: assessment?.assessment ?? {},
    screenings: screenings.map((s) => scoreScreening(s.screening)),
    team,
    objections: objections.map(({ objectionId, objection, responderId, response }) => ({ objectionId, objection, responderId, response })),
    readiness,
    preparation,
    logistics: { logistics: logistics?.logistics ?? EMPTY_LOGISTICS, now: services.clock() },
  };
}

/**
 * The family preparation as the readiness rules read it (issue 10): who has done every module,
 * and whose letter and bottom line the meeting will read (approved, or typed by the interventionist).
 */
export async function preparationFacts(services: Services, people: readonly ParticipantRecord[]): Promise<PreparationFacts> {
  const done = await Promise.all(people.map((p) => services.store.preparation.listModulesDone(p.id)));
  const modules = new Set(MODULES.map((m) => m.id as string));
  return {
    educated: people.filter((_, i) => new Set(done[i]!.map((d) => d.moduleId).filter((id) => modules.has(id))).size === modules.size).map((p) => p.id),
    lettersApproved: people.filter((p) => p.letter?.trim()).map((p) => p.id),
    bottomLinesApproved: people.filter((p) => p.bottomLine?.trim()).map((p) => p.id),
  };
}
