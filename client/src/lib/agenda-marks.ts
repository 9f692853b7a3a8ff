// Which agenda steps the stepper marks done. Reaching the outcome normally means
// every step before it happened; an emergency stop jumps there from anywhere, so
// after a stop only what really happened is marked (issue 13, item 6).
import type { Phase } from '../../../shared/meeting/context.js';
import type { ShownStep } from './agenda-steps.js';

export type StepMark = 'done' | 'current' | 'ahead' | 'skipped';

/**
 * Marks each step of `steps` for the stepper.
 * - `here`: the phase the meeting stands in (the interrupted one while paused), or null.
 * - `stopped`: the meeting ended by an emergency stop.
 * - `offersMade`: how many times the offer was presented; unknown (a screen that is
 *   not told) counts as none, so a stop never claims an offer that may not have happened.
 * After a stop, "The offer" is done only if an offer was made, and "Bottom lines"
 * only if the offer was presented again after them; steps passed over are `skipped`.
 */
export function agendaMarks(steps: Phase[], here: Phase | null, stopped = false, offersMade = 0): StepMark[] {
  const index = here ? steps.indexOf(here) : -1;
  return steps.map((phase, i) => markOf({ phase, state: i === index ? 'current' : i > index ? 'upcoming' : 'done' }, stopped, offersMade));
}

/** The mark of one step the stepper shows (see agenda-steps.ts), by the same rule. */
export function markOf(step: ShownStep, stopped: boolean, offersMade: number): StepMark {
  if (step.state === 'current') return 'current';
  if (step.state === 'upcoming') return 'ahead';
  if (!stopped) return 'done';
  if (step.phase === 'offer') return offersMade > 0 ? 'done' : 'skipped';
  if (step.phase === 'bottom-lines') return offersMade > 1 ? 'done' : 'skipped';
  return 'done';
}
