// The case's stages and the events that move it (issue 9, section 1). A case
// moves forward one stage at a time, by the interventionist's decision, or is
// cancelled from any stage before `closed`: families often call an
// intervention off, and that is an outcome to record, not a failure to hide.
import { z } from 'zod';
import type { Actor } from '../protocol.js';
import { LIMITS } from '../vocabulary.js';
import { CANCEL_REASONS, FORWARD_STAGES, type CancelReason, type CaseStage, type ForwardStage } from './vocabulary.js';

const note = z.string().trim().max(LIMITS.note);
/** The stages a move can name: every forward stage but the first. */
const MOVE_TARGETS = FORWARD_STAGES.slice(1) as [Exclude<ForwardStage, 'intake'>, ...Exclude<ForwardStage, 'intake'>[]];

/**
 * The body of `POST /api/cases/:caseId/stage`: the next stage, or `cancelled` with a reason and a
 * note (the note is required when the reason is `other`, so the record says what happened).
 */
export const stageRequestSchema = z.discriminatedUnion('to', [
  z.strictObject({ to: z.enum(MOVE_TARGETS) }),
  z
    .strictObject({ to: z.literal('cancelled'), reason: z.enum(CANCEL_REASONS), note: note.optional() })
    .refine((r) => r.reason !== 'other' || (r.note ?? '').length > 0, { message: 'say what happened when the reason is other', path: ['note'] }),
]);
export type StageRequest = z.infer<typeof stageRequestSchema>;

/** A move forward, stamped by the server like a meeting's events. */
export interface StageMoveEvent {
  type: 'stage.move';
  to: Exclude<ForwardStage, 'intake'>;
  at: number;
  by: Actor;
}

/** The case called off, with its reason; the note is health data (sealed with the snapshot, never audited). */
export interface CaseCancelEvent {
  type: 'case.cancel';
  reason: CancelReason;
  note: string | null;
  at: number;
  by: Actor;
}

/**
 * A meeting's outcome was recorded (issue 11): the case goes to `after-care` from whichever stage
 * before it the case is in, whatever its content, since the meeting has happened. The server
 * stamps it with the outcome's own time and the facilitator who recorded it.
 */
export interface MeetingOutcomeEvent {
  type: 'meeting.outcome';
  meetingId: string;
  at: number;
  by: Actor;
}

export type CaseEvent = StageMoveEvent | CaseCancelEvent | MeetingOutcomeEvent;

/** The event a valid request becomes once the server stamps it with its clock and the author. */
export function stampStageRequest(request: StageRequest, at: number, by: Actor): CaseEvent {
  if (request.to === 'cancelled') {
    const { reason, note } = request as Extract<StageRequest, { to: 'cancelled' }>;
    return { type: 'case.cancel', reason, note: note ? note : null, at, by };
  }
  return { type: 'stage.move', to: request.to, at, by };
}

/** What the audit log keeps of a stage change: stage names and the reason code only, never the note. */
export interface StageAudit {
  from: CaseStage;
  to: CaseStage;
  reason?: CancelReason;
}

/** The audit detail of an accepted event, made from the stage it left. */
export function stageAudit(from: CaseStage, event: CaseEvent): StageAudit {
  if (event.type === 'case.cancel') return { from, to: 'cancelled', reason: event.reason };
  return { from, to: event.type === 'meeting.outcome' ? 'after-care' : event.to };
}
