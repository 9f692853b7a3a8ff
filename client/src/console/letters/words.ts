// The letters review's words in the interventionist's terms.
import type { LetterState } from '../../../../shared/prepare/vocabulary.js';
import type { PartState } from './api.js';

export const STATE_LABELS: Record<PartState, string> = {
  none: 'Nothing written yet',
  draft: 'Draft',
  submitted: 'Sent for your reading',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  typed: 'Typed by you (counts as approved)',
};

/** "2 wording hints", "No wording hints". */
export function hintsLabel(count: number): string {
  return count === 0 ? 'No wording hints' : `${count} wording hint${count === 1 ? '' : 's'}`;
}

/** Whether the person wrote this text through their link (so it has versions and a review), rather than none or typed. */
export function drafted(state: PartState): state is LetterState {
  return state !== 'none' && state !== 'typed';
}
