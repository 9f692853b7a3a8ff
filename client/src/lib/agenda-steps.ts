// Which agenda steps a stepper shows, and how. Pure, so the rule is tested without a browser.
import type { Phase, Round } from '../../../shared/meeting/context.js';
import { agendaSteps } from './words.js';

export type StepState = 'done' | 'current' | 'upcoming';

export interface ShownStep {
  phase: Phase;
  state: StepState;
}

/**
 * The stepper's steps for a meeting at `here` (the phase, or the one a pause interrupted; null: none).
 * `reveal: 'all'` (the console) lists the whole agenda. `reveal: 'so-far'` (the TV, which the loved
 * one sees) lists only the steps that have happened and the current one, and "Bottom lines" only
 * once that round has begun (`round` is `bottom-lines`), so nothing announces what may come
 * (issue 13, item 17).
 */
export function shownSteps(here: Phase | null, round: Round, usesBottomLines: boolean, reveal: 'all' | 'so-far'): ShownStep[] {
  const steps = agendaSteps(usesBottomLines || here === 'bottom-lines');
  const index = here ? steps.indexOf(here) : -1;
  const bottomLinesBegun = round === 'bottom-lines' || here === 'bottom-lines';
  const all = steps.map((phase, i): ShownStep => {
    if (i === index) return { phase, state: 'current' };
    // The offer made again after the bottom lines: that round has happened although it comes later in the list.
    if (i < index || (phase === 'bottom-lines' && bottomLinesBegun)) return { phase, state: 'done' };
    return { phase, state: 'upcoming' };
  });
  if (reveal === 'all') return all;
  return all.filter((s) => s.state !== 'upcoming');
}
