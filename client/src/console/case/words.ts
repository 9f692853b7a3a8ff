// The case file's words for the console, each table typed by the shared names
// so that a new item cannot ship without its words. Person-first and calm:
// "the loved one", "a person who uses substances"; never a word that shames.
import type {
  AttemptKind,
  Influence,
  ReadinessItem,
  SafetyFlagName,
  Substance,
  Suicidality,
  UsePattern,
} from '../../../../shared/case/vocabulary.js';

export const READINESS_LABELS: Record<ReadinessItem, string> = {
  'approach-chosen': 'An approach is chosen',
  'team-of-at-least-3': 'A team of at least 3 who speak',
  'chair-and-closer-assigned': 'A chair and a closer',
  'walk-out-follower-assigned': 'Someone to go with the loved one if they leave',
  // The family preparation (issue 10).
  'family-educated': 'Everyone in the meeting has done the modules',
  'letters-approved': 'Every letter approved',
  'bottom-lines-approved': 'Every bottom line approved',
  // Treatment logistics (issue 11).
  'treatment-place-confirmed': 'The treatment place is confirmed',
  'backup-place-identified': 'A backup place is identified',
  'transport-planned': 'The journey to treatment is planned',
  'safety-plan': 'A safety plan: exits, seating, who calls for help',
  'medical-detox-planned': 'Medically managed detox arranged',
  'naloxone-on-hand': 'Naloxone at the meeting',
  'crisis-plan': 'A crisis plan: 988 and a local crisis service',
  'medical-consult': 'A medical consultation',
};

export const FLAG_LABELS: Record<SafetyFlagName, string> = {
  'violence-risk': 'Risk of violence',
  'withdrawal-risk': 'Risk in withdrawal',
  'overdose-risk': 'Risk of overdose',
  'self-harm': 'Risk of self-harm',
  pregnancy: 'Pregnancy',
};

export const SUBSTANCE_LABELS: Record<Substance, string> = {
  alcohol: 'Alcohol',
  opioids: 'Opioids',
  fentanyl: 'Fentanyl',
  heroin: 'Heroin',
  'prescription-opioids': 'Prescription opioids',
  benzodiazepines: 'Benzodiazepines',
  stimulants: 'Stimulants',
  methamphetamine: 'Methamphetamine',
  cocaine: 'Cocaine',
  cannabis: 'Cannabis',
  sedatives: 'Sedatives',
  hallucinogens: 'Hallucinogens',
  inhalants: 'Inhalants',
  gambling: 'Gambling',
  other: 'Something else',
};

export const PATTERN_LABELS: Record<UsePattern, string> = {
  daily: 'Daily',
  'several-times-a-week': 'Several times a week',
  weekly: 'Weekly',
  binges: 'In binges',
  occasional: 'Now and then',
  unknown: 'Not known',
};

export const ATTEMPT_LABELS: Record<AttemptKind, string> = {
  detox: 'Detox',
  residential: 'Residential treatment',
  outpatient: 'Outpatient treatment',
  'mutual-help': 'Mutual help (AA, NA, SMART…)',
  medication: 'Medication',
  other: 'Something else',
};

export const SUICIDALITY_LABELS: Record<Suicidality, string> = {
  'none-known': 'None known',
  'past-thoughts': 'Thoughts of suicide in the past',
  'recent-thoughts': 'Recent thoughts of suicide',
  'past-attempt': 'An attempt in the past',
  'recent-attempt': 'A recent attempt',
};

export const INFLUENCE_LABELS: Record<Influence, string> = {
  high: 'A lot of influence',
  some: 'Some influence',
  strained: 'A strained relationship',
};

/** Screening bands in words ("moderately-severe" → "moderately severe"). */
export function bandWords(band: string): string {
  return band.replace(/-/g, ' ');
}
