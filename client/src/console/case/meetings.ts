// Pure helpers for the Meetings tab: the order a new meeting follows, and
// today's meetings apart from earlier ones.
import type { Plan } from '../../../../shared/case/plan.js';

/**
 * The speaking order for a new meeting: the server's plan (`speaksAt`: the closer last, support and
 * those not taking part left out); without a plan (an older server), everyone planned in their order.
 */
export function planOrder(plan: Pick<Plan, 'team'> | null, planned: ReadonlyArray<{ id: string }>): string[] {
  if (!plan) return planned.map((p) => p.id);
  return plan.team
    .filter((m) => m.speaksAt !== null)
    .sort((a, b) => a.speaksAt! - b.speaksAt!)
    .map((m) => m.participantId);
}

/** Meetings created today (on this computer's calendar) first, newest first; then the earlier ones, newest first. */
export function splitByDay<M extends { createdAt: number }>(meetings: readonly M[], now: number): { today: M[]; earlier: M[] } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const newest = [...meetings].sort((a, b) => b.createdAt - a.createdAt);
  return { today: newest.filter((m) => m.createdAt >= start.getTime()), earlier: newest.filter((m) => m.createdAt < start.getTime()) };
}

/** Whether the meeting console keeps crisis guidance in reach all meeting long: a flag of the plan requires it (self-harm). */
export function needsCrisisGuidance(plan: Pick<Plan, 'safety'> | null): boolean {
  return plan?.safety.flags.some((flag) => flag.requires.includes('crisis-guidance-always')) ?? false;
}
