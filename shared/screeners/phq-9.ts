// PHQ-9: the depression module of the Patient Health Questionnaire.
// Kroenke K, Spitzer RL, Williams JBW. "The PHQ-9: validity of a brief
// depression severity measure." Journal of General Internal Medicine,
// 2001;16(9):606-613. Developed with an educational grant from Pfizer, which
// makes it free to use without permission. The prompts below are the
// project's own words for each item's meaning; options, scoring and bands are
// the published ones.
import type { Instrument } from './instrument.js';
import { FREQUENCY_OPTIONS, itemsOf, sum } from './instrument.js';

export const PHQ9_BANDS = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'] as const;
export type Phq9Band = (typeof PHQ9_BANDS)[number];

/** Published cut points: minimal 0–4, mild 5–9, moderate 10–14, moderately severe 15–19, severe 20–27. */
export function phq9Band(total: number): Phq9Band {
  if (total >= 20) return 'severe';
  if (total >= 15) return 'moderately-severe';
  if (total >= 10) return 'moderate';
  if (total >= 5) return 'mild';
  return 'minimal';
}

/** Item 9 asks about thoughts of death or self-harm: any answer above 0 raises `self-harm`. */
export const PHQ9_SELF_HARM_ITEM = 9;

export const PHQ_9: Instrument = {
  id: 'phq-9',
  name: 'PHQ-9',
  citation:
    'Kroenke K, Spitzer RL, Williams JBW (2001). The PHQ-9: validity of a brief depression severity measure. Journal of General Internal Medicine 16(9):606-613.',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following?',
  items: itemsOf(
    [
      'Having little interest in, or little pleasure from, the things you do',
      'Feeling low, down or without hope',
      'Trouble getting to sleep or staying asleep, or sleeping more than usual',
      'Feeling tired or short of energy',
      'Eating much less, or much more, than usual',
      'Feeling bad about yourself, or that you have failed or let yourself or your family down',
      'Finding it hard to concentrate on things, such as reading or watching television',
      'Moving or speaking so slowly that others could notice, or the opposite: being so restless that you move around much more than usual',
      'Thinking that you would be better off dead, or of hurting yourself in some way',
    ],
    FREQUENCY_OPTIONS,
  ),
  range: { min: 0, max: 3 },
  score(answers) {
    const total = sum(answers);
    const selfHarm = answers[PHQ9_SELF_HARM_ITEM - 1] > 0;
    return { total, band: phq9Band(total), flags: selfHarm ? ['self-harm'] : [] };
  },
};
