// What a tablet says about the turns: whether it is this person's turn, whether they are next, or
// who is speaking. Pure, so the rule is tested without a browser (issue 13, item 12).
import type { ParticipantView } from '../../../shared/meeting/view.js';
import { m } from '../paraglide/messages.js';
import { shownName } from '../lib/words.js';

/** `yours`: they have the floor; `next`: they will be called next; `other`: someone else speaks; `none`: nothing to say. */
export type TurnState = 'yours' | 'next' | 'other' | 'none';

export interface TurnWords {
  state: TurnState;
  /** The sentence shown above the letter; empty when `state` is `none`. */
  words: string;
}

type TurnFacts = Pick<ParticipantView, 'phase' | 'speakingOrder' | 'currentSpeakerId' | 'you'>;

const NONE: TurnWords = { state: 'none', words: '' };

/**
 * The tablet's turn line for a view. In the letters and the bottom lines it follows the floor; in
 * the opening nobody speaks yet, so the first person waiting in the order is told they are next,
 * to have time to settle before the letters begin (issue 13, item 12).
 */
export function turnWords(view: TurnFacts): TurnWords {
  const me = view.you.participantId;
  const nextId = view.speakingOrder.find((s) => s.status === 'waiting')?.participantId ?? null;
  if (view.phase === 'opening') return nextId === me ? { state: 'next', words: m.turn_next() } : NONE;
  if (view.phase !== 'speaking' && view.phase !== 'bottom-lines') return NONE;
  if (view.currentSpeakerId === me) return { state: 'yours', words: m.turn_yours() };
  const speaking = view.speakingOrder.find((s) => s.participantId === view.currentSpeakerId);
  if (!speaking) return NONE;
  if (nextId === me) return { state: 'next', words: m.turn_next() };
  return { state: 'other', words: m.turn_other({ name: shownName(speaking) }) };
}
