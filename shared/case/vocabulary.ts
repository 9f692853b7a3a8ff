// The case file's words, with no dependency: the console imports these (stages,
// roles, the assessment's choices, flags and checklist items, and their labels)
// without pulling zod or XState into its bundle, as shared/vocabulary.ts does
// for the meeting. Everything else in shared/case/ builds on these lists.

export const FORWARD_STAGES = [
  'intake',
  'assessment',
  'planning',
  'preparation',
  'ready',
  'meeting',
  'after-care',
  'follow-up',
  'closed',
] as const;
export type ForwardStage = (typeof FORWARD_STAGES)[number];
export const CASE_STAGES = [...FORWARD_STAGES, 'cancelled'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CANCEL_REASONS = ['declined-to-proceed', 'safety', 'person-sought-help-first', 'unreachable', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** The stage after `stage`, or null at the end (`closed`, `cancelled`). */
export function nextStage(stage: CaseStage): ForwardStage | null {
  const index = (FORWARD_STAGES as readonly string[]).indexOf(stage);
  return index === -1 || index === FORWARD_STAGES.length - 1 ? null : FORWARD_STAGES[index + 1];
}

/** Each stage's label, for the console. */
export const STAGE_LABELS: Record<CaseStage, string> = {
  intake: 'Intake',
  assessment: 'Assessment',
  planning: 'Planning',
  preparation: 'Preparation',
  ready: 'Ready',
  meeting: 'Meeting',
  'after-care': 'After-care',
  'follow-up': 'Follow-up',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** Each cancellation reason in calm words: calling it off is an outcome, not a failure. */
export const CANCEL_REASON_WORDS: Record<CancelReason, string> = {
  'declined-to-proceed': 'The family decided not to go ahead',
  safety: 'Called off for safety',
  'person-sought-help-first': 'The loved one sought help first',
  unreachable: 'The family could not be reached',
  other: 'Another reason (see the note)',
};

export const CASE_ROLES = ['chair', 'closer', 'objection-responder', 'walk-out-follower', 'support'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/** What each role means, for the console. */
export const ROLE_WORDS: Record<CaseRole, string> = {
  chair: "Leads the family's side of the meeting",
  closer: 'Reads their letter last',
  'objection-responder': 'Answers an objection the family expects',
  'walk-out-follower': 'Goes with the loved one, calmly, if they leave the room',
  support: 'Attends without a letter',
};

export const SUBSTANCES = [
  'alcohol',
  'opioids',
  'fentanyl',
  'heroin',
  'prescription-opioids',
  'benzodiazepines',
  'stimulants',
  'methamphetamine',
  'cocaine',
  'cannabis',
  'sedatives',
  'hallucinogens',
  'inhalants',
  'gambling',
  'other',
] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const USE_PATTERNS = ['daily', 'several-times-a-week', 'weekly', 'binges', 'occasional', 'unknown'] as const;
export type UsePattern = (typeof USE_PATTERNS)[number];

export const ATTEMPT_KINDS = ['detox', 'residential', 'outpatient', 'mutual-help', 'medication', 'other'] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

export const SUICIDALITY = ['none-known', 'past-thoughts', 'recent-thoughts', 'past-attempt', 'recent-attempt'] as const;
export type Suicidality = (typeof SUICIDALITY)[number];

export const INFLUENCE = ['high', 'some', 'strained'] as const;
export type Influence = (typeof INFLUENCE)[number];

/** The safety screen's yes-or-no questions, in the order the console asks them, with their words. */
export const SAFETY_QUESTIONS = {
  violenceHistory: 'a history of violence',
  threatsToFamily: 'threats to the family',
  weaponsAccess: 'access to weapons',
  withdrawalSeizuresOrDTs: 'past withdrawal seizures or DTs',
  overdoseHistory: 'a past overdose',
  naloxoneAvailable: 'naloxone at hand',
  pregnant: 'a pregnancy',
} as const;
export type SafetyQuestion = keyof typeof SAFETY_QUESTIONS;

export const SAFETY_FLAGS = ['violence-risk', 'withdrawal-risk', 'overdose-risk', 'self-harm', 'pregnancy'] as const;
export type SafetyFlagName = (typeof SAFETY_FLAGS)[number];

/** Readiness items a safety flag adds to the checklist. */
export const SAFETY_ITEMS = ['safety-plan', 'medical-detox-planned', 'naloxone-on-hand', 'crisis-plan', 'medical-consult'] as const;
export type SafetyItem = (typeof SAFETY_ITEMS)[number];

/** The plan's own readiness items (issue 9, section 5). */
export const PLAN_ITEMS = ['approach-chosen', 'team-of-at-least-3', 'chair-and-closer-assigned', 'walk-out-follower-assigned'] as const;
export type PlanItem = (typeof PLAN_ITEMS)[number];
/**
 * The family preparation's items (issue 10), read from the preparation itself: everyone in the
 * meeting has done the modules, every reader's letter is approved (a typed one counts) and, for
 * approaches with bottom lines, every reader's bottom line.
 */
export const PREPARATION_ITEMS = ['family-educated', 'letters-approved', 'bottom-lines-approved'] as const;
export type PreparationItem = (typeof PREPARATION_ITEMS)[number];
/**
 * The treatment logistics' items (issue 11, section 1), read from the case's logistics: the primary
 * place confirmed (shared/case/logistics.ts, `placeCheck`), a backup identified, the journey planned.
 */
export const LOGISTICS_ITEMS = ['treatment-place-confirmed', 'backup-place-identified', 'transport-planned'] as const;
export type LogisticsItem = (typeof LOGISTICS_ITEMS)[number];
export const READINESS_ITEMS = [...PLAN_ITEMS, ...PREPARATION_ITEMS, ...LOGISTICS_ITEMS, ...SAFETY_ITEMS] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

/** What an interventionist might seed the objections with; the family edits them into their own. */
export const OBJECTION_EXAMPLES = [
  "I can't leave my job",
  'I can stop on my own',
  'Who will look after the children or the pets?',
  "I can't afford it",
  'Not now, after the holidays',
] as const;

/**
 * Levels of care in plain labels (issue 11, section 1). No placement logic and no copyrighted
 * criteria: the interventionist chooses the level with the family and the provider.
 */
export const LEVELS_OF_CARE = [
  'medically-managed-detox',
  'residential',
  'partial-hospitalization',
  'intensive-outpatient',
  'outpatient',
  'sober-living',
  'medication-for-opioid-use-disorder',
] as const;
export type LevelOfCare = (typeof LEVELS_OF_CARE)[number];

export const LEVEL_OF_CARE_LABELS: Record<LevelOfCare, string> = {
  'medically-managed-detox': 'Medically managed detox',
  residential: 'Residential',
  'partial-hospitalization': 'Partial hospitalization',
  'intensive-outpatient': 'Intensive outpatient',
  outpatient: 'Outpatient',
  'sober-living': 'Sober living',
  'medication-for-opioid-use-disorder': 'Medication for opioid use disorder',
};

/** A place's bed: none yet, held by the facility (perhaps until a time), or confirmed. */
export const BED_STATUSES = ['none', 'held', 'confirmed'] as const;
export type BedStatus = (typeof BED_STATUSES)[number];

export const INSURANCE_STATUSES = ['unknown', 'pending', 'verified', 'self-pay', 'denied'] as const;
export type InsuranceStatus = (typeof INSURANCE_STATUSES)[number];

export const TRANSPORT_MODES = ['car', 'flight', 'facility-transport', 'other'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];
