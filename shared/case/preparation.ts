// The readiness items of the family preparation (issue 10): read from what the
// preparation holds, never marked done by hand (they can be waived with a
// reason, like the plan's own items). Counts only: the console's letters page
// names who is missing, the checklist does not.
import type { TeamMember } from './team.js';
import { speakingOrder } from './team.js';
import type { PreparationItem } from './vocabulary.js';

/** What the preparation holds, as participant ids: plain JSON, unsealed by the store's caller. */
export interface PreparationFacts {
  /** Those who have done every module. */
  educated: readonly string[];
  /** Those whose letter the meeting will read: approved, or typed by the interventionist. */
  lettersApproved: readonly string[];
  /** The same for bottom lines. */
  bottomLinesApproved: readonly string[];
}

export type PreparationVerdict = { done: boolean; detail: string };

function counted(ids: readonly string[], have: readonly string[], what: string, doneWords: string, nobody: string): PreparationVerdict {
  if (ids.length === 0) return { done: false, detail: nobody };
  const count = ids.filter((id) => have.includes(id)).length;
  if (count === ids.length) return { done: true, detail: doneWords };
  return { done: false, detail: `${count} of ${ids.length} ${what}` };
}

/** The verdict on one preparation item, for the team as planned. */
export function preparationVerdict(item: PreparationItem, team: readonly TeamMember[], facts: PreparationFacts): PreparationVerdict {
  const readers = speakingOrder(team);
  switch (item) {
    case 'family-educated':
      return counted(team.filter((m) => m.inMeeting).map((m) => m.participantId), facts.educated,
        'people in the meeting have done the modules', 'Everyone in the meeting has done the modules', 'Nobody is in the meeting yet');
    case 'letters-approved':
      return counted(readers, facts.lettersApproved, 'letters approved', 'Every letter is approved', 'Nobody reads a letter yet');
    case 'bottom-lines-approved':
      return counted(readers, facts.bottomLinesApproved, 'bottom lines approved', 'Every bottom line is approved', 'Nobody reads a bottom line yet');
  }
}
