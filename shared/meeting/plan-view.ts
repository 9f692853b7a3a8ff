// The plan's part of the projection (issue 9, section 6): which raised
// objections a responder answers, with their prepared words; whether a walk-out
// follower should go after the loved one; and the plan's objections as the
// console lists them, ids and names only. view.ts composes these into each view.
import { findMember, type MeetingContext, type Phase } from './context.js';

/** The meeting as the projection sees it (view.ts's MeetingState, without the revision). */
interface Projected {
  context: MeetingContext;
  phase: Phase;
}

/** One planned objection's words, sealed at rest and sent only to its responder. */
export interface ObjectionText {
  objectionId: string;
  objection: string;
  response: string;
}

/** A planned objection as the console lists it: who answers, and whether it is raised now. */
export interface ObjectionView {
  objectionId: string;
  responderId: string;
  responderName: string;
  /** When it was raised (ms), or null while it is not. */
  raisedAt: number | null;
}

/** The raised objections `participantId` answers, with their words; only while the offer is on the table. */
export function answering(state: Projected, participantId: string, texts: { objections?: ObjectionText[] }): ObjectionText[] {
  const { context } = state;
  if (state.phase !== 'offer' || !texts.objections?.length) return [];
  const mine = new Set((context.objections ?? []).filter((o) => o.responderId === participantId).map((o) => o.objectionId));
  const raised = (context.raisedObjections ?? []).filter((o) => mine.has(o.objectionId)).map((o) => o.objectionId);
  return raised.flatMap((id) => texts.objections!.filter((t) => t.objectionId === id));
}

/** Whether this person should go after the loved one now: a walk-out follower, in a pause for `left-room`. */
export function walkOutFollow(state: Projected, participantId: string): boolean {
  const { context } = state;
  return state.phase === 'paused' && context.pause?.reason === 'left-room' && (context.walkOutFollowers ?? []).includes(participantId);
}

/** The plan's objections for the console: who answers each (their name, or '' for someone not on the roster), and since when it is raised. */
export function objectionsOf(context: MeetingContext): ObjectionView[] {
  const raised = new Map((context.raisedObjections ?? []).map((o) => [o.objectionId, o.raisedAt]));
  return (context.objections ?? []).map((o) => ({
    objectionId: o.objectionId,
    responderId: o.responderId,
    responderName: findMember(context, o.responderId)?.name ?? '',
    raisedAt: raised.get(o.objectionId) ?? null,
  }));
}
