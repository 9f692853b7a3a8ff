// GAD-7: the Generalized Anxiety Disorder scale.
// Spitzer RL, Kroenke K, Williams JBW, Löwe B. "A brief measure for assessing
// generalized anxiety disorder: the GAD-7." Archives of Internal Medicine,
// 2006;166(10):1092-1097. Free to use without permission (Pfizer). The prompts
// are the project's own words for each item's meaning; options, scoring and
// bands are the published ones.
import type { Instrument } from './instrument.js';
import { FREQUENCY_OPTIONS, itemsOf, sum } from './instrument.js';

export const GAD7_BANDS = ['minimal', 'mild', 'moderate', 'severe'] as const;
export type Gad7Band = (typeof GAD7_BANDS)[number];

/** Published cut points: minimal 0–4, mild 5–9, moderate 10–14, severe 15–21. */
export function gad7Band(total: number): Gad7Band {
  if (total >= 15) return 'severe';
  if (total >= 10) return 'moderate';
  if (total >= 5) return 'mild';
  return 'minimal';
}

export const GAD_7: Instrument = {
  id: 'gad-7',
  name: 'GAD-7',
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B (2006). A brief measure for assessing generalized anxiety disorder: the GAD-7. Archives of Internal Medicine 166(10):1092-1097.',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following?',
  items: itemsOf(
    [
      'Feeling nervous, anxious or tense',
      'Being unable to stop worrying, or to keep it under control',
      'Worrying too much about many different things',
      'Finding it hard to relax',
      'Being so restless that it is hard to sit still',
      'Getting annoyed or irritated easily',
      'Feeling afraid, as if something terrible might happen',
    ],
    FREQUENCY_OPTIONS,
  ),
  range: { min: 0, max: 3 },
  score(answers) {
    const total = sum(answers);
    return { total, band: gad7Band(total), flags: [] };
  },
};
