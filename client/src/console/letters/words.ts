// The letters review's words in the interventionist's terms.
import type { LetterState } from '../../../../shared/prepare/vocabulary.js';
import { plural } from '../../lib/plural.js';
import { m } from '../../paraglide/messages.js';
import type { PartState, Preparations } from './types.js';

export const STATE_LABELS: Record<PartState, string> = {
  get none() { return m.letters_state_none(); },
  get draft() { return m.letters_state_draft(); },
  get submitted() { return m.letters_state_submitted(); },
  get 'changes-requested'() { return m.letters_state_changes_requested(); },
  get approved() { return m.letters_state_approved(); },
  get typed() { return m.letters_state_typed(); },
};

/** "2 wording hints", "No wording hints". */
export function hintsLabel(count: number): string {
  return count === 0 ? m.letters_hints_none() : plural(count, m.letters_hints_one, m.letters_hints_other);
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
  return names.length <= 1 ? (names[0] ?? '') : m.letters_names_and({ names: names.slice(0, -1).join(', '), last: names.at(-1)! });
}
