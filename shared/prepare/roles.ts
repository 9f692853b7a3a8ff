// A person's part in the meeting in their own words ("You read last"), for
// their preparation page: read from their roles and the speaking order.
import type { CaseRole } from '../case/vocabulary.js';
import type { Language } from '../vocabulary.js';
import { ROLE_WORDS_ES } from './spanish.js';

/** What the page needs of the person's place in the plan. */
export interface PlaceInPlan {
  roles: readonly CaseRole[];
  inMeeting: boolean;
  /** 1-based place in the speaking order, or null when they read no letter. */
  speaksAt: number | null;
  /** How many people read. */
  speakers: number;
}

const ROLE_LINES: Record<Exclude<CaseRole, 'closer'>, string> = {
  chair: "You chair the family's side: you open, and you keep the order",
  'objection-responder': 'You answer an objection the family expects, with the words you prepared',
  'walk-out-follower': 'If your loved one leaves the room, you go with them, calmly',
  support: 'You are there to support: you do not read a letter',
};

/** The person's part, one sentence per fact, most important first; calm words, no one else named; in `language` (issue 15). */
export function roleWords(place: PlaceInPlan, language: Language = 'en'): string[] {
  const es = language === 'es';
  if (!place.inMeeting) return [es ? ROLE_WORDS_ES.notInMeeting : 'You are helping to prepare; you are not in the meeting itself'];
  const lines: string[] = [];
  if (place.roles.includes('closer')) lines.push(es ? ROLE_WORDS_ES.last : 'You read last');
  else if (place.speaksAt === 1) lines.push(es ? ROLE_WORDS_ES.first : 'You read first');
  else if (place.speaksAt !== null) lines.push(es ? ROLE_WORDS_ES.place(place.speaksAt, place.speakers) : `You read at place ${place.speaksAt} of ${place.speakers}`);
  for (const role of place.roles) if (role !== 'closer') lines.push(es ? ROLE_WORDS_ES[role] : ROLE_LINES[role]);
  return lines;
}
