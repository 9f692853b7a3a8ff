// The letters review's words in the interventionist's terms.
import type { LetterState } from '../../lib/letter-state.js';

export const STATE_LABELS: Record<LetterState, string> = {
  draft: 'Draft',
  submitted: 'Sent for your reading',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
};

/** The state line for a person, including "nothing written yet". */
export function stateLabel(state: LetterState | null): string {
  return state ? STATE_LABELS[state] : 'Nothing written yet';
}

/** "2 wording hints", "No wording hints". */
export function hintsLabel(count: number): string {
  return count === 0 ? 'No wording hints' : `${count} wording hint${count === 1 ? '' : 's'}`;
}
