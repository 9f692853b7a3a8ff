// AUDIT-C: the three alcohol consumption questions of the AUDIT.
// Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. "The AUDIT alcohol
// consumption questions (AUDIT-C): an effective brief screening test for
// problem drinking." Archives of Internal Medicine, 1998;158(16):1789-1795.
// Sex-specific thresholds (4 or more; 3 or more for women): Bradley KA et al.,
// Alcoholism: Clinical and Experimental Research, 2007;31(7):1208-1217.
// The AUDIT is published by the World Health Organization and free to use.
import type { Instrument, Item } from './instrument.js';
import { sum } from './instrument.js';

const ITEMS: readonly Item[] = [
  {
    number: 1,
    prompt: 'How often do you have a drink that contains alcohol?',
    options: [
      { score: 0, label: 'Never' },
      { score: 1, label: 'Monthly or less' },
      { score: 2, label: '2 to 4 times a month' },
      { score: 3, label: '2 to 3 times a week' },
      { score: 4, label: '4 or more times a week' },
    ],
  },
  {
    number: 2,
    prompt: 'On a typical day when you drink, how many standard drinks do you have?',
    options: [
      { score: 0, label: '1 or 2' },
      { score: 1, label: '3 or 4' },
      { score: 2, label: '5 or 6' },
      { score: 3, label: '7 to 9' },
      { score: 4, label: '10 or more' },
    ],
  },
  {
    number: 3,
    prompt: 'How often do you have six or more drinks on one occasion?',
    options: [
      { score: 0, label: 'Never' },
      { score: 1, label: 'Less than monthly' },
      { score: 2, label: 'Monthly' },
      { score: 3, label: 'Weekly' },
      { score: 4, label: 'Daily or almost daily' },
    ],
  },
];

/** The positive threshold: 3 for a respondent who says she is a woman, otherwise 4 (never guessed). */
export function auditCThreshold(sex: 'female' | 'male' | 'not-stated'): number {
  return sex === 'female' ? 3 : 4;
}

export const AUDIT_C: Instrument = {
  id: 'audit-c',
  name: 'AUDIT-C',
  citation:
    'Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA (1998). The AUDIT alcohol consumption questions (AUDIT-C). Archives of Internal Medicine 158(16):1789-1795.',
  stem: 'These questions are about drinking alcohol over the past year.',
  items: ITEMS,
  range: { min: 0, max: 4 },
  score(answers, sex) {
    const total = sum(answers);
    const positive = total >= auditCThreshold(sex);
    return { total, band: positive ? 'screen-positive' : 'screen-negative', positive, flags: [] };
  },
};
