// The letters review's words in the interventionist's terms.
import type { LetterState } from '../../../../shared/prepare/vocabulary.js';
import type { PartState, Preparations } from './types.js';

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

/** The readers whose text for the meeting is missing: no approved (or typed) letter, or bottom line where the approach uses them. */
export function missingForMeeting(preparations: Preparations): { letters: string[]; bottomLines: string[] } {
  const readers = preparations.people.filter((p) => p.inMeeting && p.speaksAt !== null);
  return {
    letters: readers.filter((p) => !p.letter.meetingText).map((p) => p.name),
    bottomLines: preparations.usesBottomLines ? readers.filter((p) => p.bottomLine && !p.bottomLine.meetingText).map((p) => p.name) : [],
  };
}

/** "Ann", "Ann and Bob", "Ann, Bob and Cy". */
export function namesList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
