// The team and its roles (issue 9, section 5), and the speaking order the plan
// derives from them: the closer reads last, and support attends without a
// letter so is left out. The routes validate roles with `roleProblem` and start
// a meeting with `speakingOrder` when no order is given.
import { z } from 'zod';
import type { Attendance } from '../vocabulary.js';
import { CASE_ROLES, type CaseRole } from './vocabulary.js';

/** A person on the case's team, in the interventionist's chosen order. */
export interface TeamMember {
  participantId: string;
  name: string;
  relationship: string;
  attendance: Attendance;
  roles: CaseRole[];
  /** False for someone on the case who will not take part in the meeting (still coached, still screened). */
  inMeeting: boolean;
}

/** Several roles per person, each at most once. */
export const rolesSchema = z
  .array(z.enum(CASE_ROLES))
  .max(CASE_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice');

/** Null when a person may hold these roles together; otherwise why not (for a 400 or 409). */
export function roleProblem(roles: readonly CaseRole[]): string | null {
  if (roles.includes('support') && roles.includes('closer')) {
    return 'The closer reads a letter, and support attends without one: choose one of the two';
  }
  return null;
}

/** Whether a member speaks in the meeting: taking part, and not there as support only. */
export function speaks(member: TeamMember): boolean {
  return member.inMeeting && !member.roles.includes('support');
}

/** Who counts towards the team: taking part in the room or remotely, not as support. */
export function countsTowardsTeam(member: TeamMember): boolean {
  return speaks(member);
}

/**
 * The plan's speaking order, as participant ids: the team's order, without those who do not
 * speak, with the closer moved last. With more than one closer (a problem `teamProblems`
 * names), they keep their order at the end.
 */
export function speakingOrder(team: readonly TeamMember[]): string[] {
  const speakers = team.filter(speaks);
  const isCloser = (m: TeamMember) => m.roles.includes('closer');
  return [...speakers.filter((m) => !isCloser(m)), ...speakers.filter(isCloser)].map((m) => m.participantId);
}

/** Team-wide problems in words, without names: more than one closer, or someone whose roles do not fit together. */
export function teamProblems(team: readonly TeamMember[]): string[] {
  const problems: string[] = [];
  const closers = team.filter((m) => m.inMeeting && m.roles.includes('closer'));
  if (closers.length > 1) problems.push('Only one person can read last: choose one closer');
  // No names: these words may reach a 409's body, and the rule is that errors carry no names.
  for (const member of team) {
    const problem = roleProblem(member.roles);
    if (problem) problems.push(`A person is both closer and support. ${problem}`);
  }
  return problems;
}

/** The members taking part who hold `role`. */
export function holding(team: readonly TeamMember[], role: CaseRole): TeamMember[] {
  return team.filter((m) => m.inMeeting && m.roles.includes(role));
}
