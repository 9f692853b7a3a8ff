// The letter's states (issue 10, section 3): draft → submitted →
// changes-requested (back to the person, with a comment) or approved. Only the
// interventionist reopens an approved letter. One pure function holds the
// rules, so the routes and the pages agree.
import type { LetterState } from './vocabulary.js';

/** What may happen to a text: the person saves a changed text or submits it; the interventionist decides. */
export type LetterAction = 'save' | 'submit' | 'approve' | 'request-changes';

/**
 * `reason`: a stable key for the refusal, sent as `error.reason` so the family's page can word it in
 * its own language (issue 15).
 */
export type LetterStep =
  | { ok: true; state: LetterState }
  | { ok: false; code: 'LETTER_APPROVED' | 'NOT_ALLOWED'; reason: string; message: string };

const refuse = (reason: string, message: string, code: 'LETTER_APPROVED' | 'NOT_ALLOWED' = 'NOT_ALLOWED'): LetterStep => ({ ok: false, code, reason, message });

/**
 * The state after `action` on a text in `state`; `empty` says whether the text has no words
 * (an empty text cannot be submitted). A refusal's message says what to do next, in calm words.
 */
export function letterStep(state: LetterState, action: LetterAction, empty = false): LetterStep {
  switch (action) {
    case 'save':
      // Writing again withdraws a submission: the interventionist reviews what is sent, not a moving text.
      if (state === 'approved') return refuse('approved', 'This text is approved; ask your interventionist if you want to change it', 'LETTER_APPROVED');
      return { ok: true, state: 'draft' };
    case 'submit':
      if (state === 'approved') return refuse('already-approved', 'This text is already approved', 'LETTER_APPROVED');
      if (state === 'submitted') return refuse('already-submitted', 'This text is already with your interventionist');
      if (empty) return refuse('empty', 'Write something first, then send it');
      return { ok: true, state: 'submitted' };
    case 'approve':
      if (state !== 'submitted') return refuse('not-submitted', 'Only a text that was sent for review can be approved');
      return { ok: true, state: 'approved' };
    case 'request-changes':
      if (state !== 'submitted' && state !== 'approved') return refuse('not-reviewable', 'Changes can be asked for on a text that was sent for review, or an approved one');
      return { ok: true, state: 'changes-requested' };
  }
}
