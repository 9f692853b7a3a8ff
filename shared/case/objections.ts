// Objections the family expects the loved one to raise, each with who answers
// it and their prepared response (issue 9, section 5). The response is private
// to the interventionist and its responder: the plan is the facilitator's, and
// the meeting shows it on the responder's tablet only.
import { z } from 'zod';
import { LIMITS } from '../vocabulary.js';

/** One expected objection, as stored (sealed: the response is health data). */
export interface Objection {
  objectionId: string;
  objection: string;
  responderId: string;
  response: string;
}

/** Lengths of an objection's fields, in characters. */
export const OBJECTION_LIMITS = { objection: 500, response: LIMITS.note } as const;

/** The body of `POST /api/cases/:caseId/objections`. */
export const objectionSchema = z.strictObject({
  objection: z.string().trim().min(1).max(OBJECTION_LIMITS.objection),
  responderId: z.string().min(1).max(LIMITS.id),
  response: z.string().max(OBJECTION_LIMITS.response),
});
/** The body of `PATCH /api/cases/:caseId/objections/:objectionId`: any of the fields. */
export const objectionPatchSchema = objectionSchema.partial();

