// The safety gates (issue 9, section 4): pure rules that read the assessment
// and the scored screenings and say which flags the case carries, each with its
// reason in calm words and what it changes in the plan. Every rule's source is
// named beside it: the handbook's domain.md ("Safety screen") and issue 9.
import { APPROACH_NAMES, type Approach } from '../approaches.js';
import type { ScreeningResult } from '../screeners/index.js';
import type { Assessment } from './assessment.js';
import { SAFETY_FLAGS, type SafetyFlagName, type SafetyItem, type Substance } from './vocabulary.js';

/** What a flag requires beyond the checklist: the logistics issue reads `medically-managed-detox`, the meeting console `crisis-guidance-always`. */
export type SafetyRequirement = 'medically-managed-detox' | 'crisis-guidance-always';

export interface SafetyFlag {
  flag: SafetyFlagName;
  /** Why, in calm plain words, from the facts that raised it (never a name). */
  reason: string;
  /** What it changes, in words for the console. */
  changes: string[];
  adds: SafetyItem[];
  /** Approaches this flag cautions against, each with its reason. */
  cautions: Caution[];
  requires: SafetyRequirement[];
}

export interface Caution {
  approach: Approach;
  reason: string;
}

/** The `safety` part of `GET /api/cases/:caseId/plan`. */
export interface SafetyReview {
  flags: SafetyFlag[];
  recommendedApproaches: Approach[];
  cautions: Caution[];
}

/** What the rules read: the assessment and the case's scored screenings. */
export interface SafetyFacts {
  assessment: Assessment;
  screenings: readonly ScreeningResult[];
}

/** A surprise, confrontational meeting: the approaches a risk of violence rules out (domain.md). */
export const CONFRONTATIONAL: readonly Approach[] = ['johnson', 'love-first'];

const VIOLENCE_CAUTION = 'A surprise, confrontational meeting can feel like an ambush, and with a risk of violence it may not be safe. An invitational approach is safer.';

type Rule = (facts: SafetyFacts) => SafetyFlag | null;

function listed(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function sentence(parts: string[]): string {
  const text = listed(parts);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function uses(facts: SafetyFacts, substances: readonly Substance[], pattern?: string): boolean {
  return (facts.assessment.substances ?? []).some(
    (use) => use.substance !== undefined && substances.includes(use.substance) && (pattern === undefined || use.pattern === pattern),
  );
}

/**
 * domain.md, "Safety screen": "A risk of violence rules out a surprise confrontation."
 * Issue 9, section 4: violence history, threats to the family or access to weapons.
 */
export const violenceRisk: Rule = ({ assessment }) => {
  const s = assessment.safety ?? {};
  const facts = [
    s.violenceHistory && 'the assessment notes a history of violence',
    s.threatsToFamily && 'threats have been made to the family',
    s.weaponsAccess && 'there is access to weapons',
  ].filter((f): f is string => typeof f === 'string');
  if (facts.length === 0) return null;
  return {
    flag: 'violence-risk',
    reason: `${sentence(facts)}.`,
    changes: [
      'Johnson and Love First, which are surprise meetings, are cautioned and not recommended; choosing one needs a recorded reason.',
      'Readiness gains a safety plan: exits, seating, and who calls for help.',
    ],
    adds: ['safety-plan'],
    cautions: CONFRONTATIONAL.map((approach) => ({ approach, reason: VIOLENCE_CAUTION })),
    requires: [],
  };
};

/**
 * domain.md, "Safety screen": "A risk of dangerous withdrawal (alcohol, benzodiazepines) means the
 * treatment plan must include medical detox." Issue 9, section 4: daily alcohol, benzodiazepines or
 * sedatives, or past withdrawal seizures or DTs. Any use of benzodiazepines or sedatives counts:
 * stopping them suddenly can be dangerous, and an unneeded item can be waived with a reason.
 */
export const withdrawalRisk: Rule = (facts) => {
  const found = [
    uses(facts, ['alcohol'], 'daily') && 'daily drinking',
    uses(facts, ['benzodiazepines']) && 'use of benzodiazepines',
    uses(facts, ['sedatives']) && 'use of sedatives',
    facts.assessment.safety?.withdrawalSeizuresOrDTs && 'past withdrawal seizures or DTs',
  ].filter((f): f is string => typeof f === 'string');
  if (found.length === 0) return null;
  return {
    flag: 'withdrawal-risk',
    reason: `${sentence(found)}: stopping suddenly can be dangerous.`,
    changes: ['The treatment plan needs medically managed detox.', 'Readiness gains a planned medical detox.'],
    adds: ['medical-detox-planned'],
    cautions: [],
    requires: ['medically-managed-detox'],
  };
};

/**
 * Issue 9, section 4: opioids, fentanyl or heroin, or an overdose history (prescription opioids
 * are opioids too). domain.md's "Safety comes first throughout" is why naloxone must be at hand.
 */
export const overdoseRisk: Rule = (facts) => {
  const found = [
    uses(facts, ['opioids', 'fentanyl', 'heroin', 'prescription-opioids']) && 'use of opioids',
    facts.assessment.safety?.overdoseHistory && 'a past overdose',
  ].filter((f): f is string => typeof f === 'string');
  if (found.length === 0) return null;
  return {
    flag: 'overdose-risk',
    reason: `${sentence(found)}: there is a risk of overdose.`,
    changes: ['Readiness gains naloxone on hand at the meeting.'],
    adds: ['naloxone-on-hand'],
    cautions: [],
    requires: [],
  };
};

/**
 * domain.md, "Safety screen": "Any sign of suicidality means crisis resources (988 in the US, 911
 * for an emergency) must be at hand." Issue 9, section 4 names recent thoughts or attempts and
 * PHQ-9 item 9 above 0; the handbook's "any sign" is why past thoughts and attempts raise it too.
 * A family member's own PHQ-9 counts: their safety is part of the work.
 */
export const selfHarm: Rule = ({ assessment, screenings }) => {
  const suicidality = assessment.mentalHealth?.suicidality;
  const phq9 = screenings.filter((s) => s.instrument === 'phq-9' && s.flags.includes('self-harm'));
  const found = [
    suicidality === 'recent-attempt' && 'a recent suicide attempt',
    suicidality === 'recent-thoughts' && 'recent thoughts of suicide',
    suicidality === 'past-attempt' && 'a past suicide attempt',
    suicidality === 'past-thoughts' && 'past thoughts of suicide',
    phq9.some((s) => 'lovedOne' in s.respondent) && "a PHQ-9 answer about the loved one's thoughts of death or self-harm",
    phq9.some((s) => 'participantId' in s.respondent) && "a family member's own PHQ-9 answer about thoughts of death or self-harm",
  ].filter((f): f is string => typeof f === 'string');
  if (found.length === 0) return null;
  return {
    flag: 'self-harm',
    reason: `The case notes ${listed(found)}. Crisis support should be ready.`,
    changes: [
      'Readiness gains a crisis plan: 988 and a local crisis service noted.',
      'The meeting console shows the crisis guidance at all times.',
    ],
    adds: ['crisis-plan'],
    cautions: [],
    requires: ['crisis-guidance-always'],
  };
};

/** Issue 9, section 4: a pregnancy changes what is medically safe (withdrawal, medication). */
export const pregnancy: Rule = ({ assessment }) => {
  if (assessment.safety?.pregnant !== true) return null;
  return {
    flag: 'pregnancy',
    reason: 'The assessment notes a pregnancy: withdrawal and treatment need medical advice.',
    changes: ['Readiness gains a medical consultation before the meeting.'],
    adds: ['medical-consult'],
    cautions: [],
    requires: [],
  };
};

/** Every rule, in the order the console lists the flags. */
export const SAFETY_RULES: Record<SafetyFlagName, Rule> = {
  'violence-risk': violenceRisk,
  'withdrawal-risk': withdrawalRisk,
  'overdose-risk': overdoseRisk,
  'self-harm': selfHarm,
  pregnancy,
};

/** The flags the case carries now. */
export function safetyFlags(facts: SafetyFacts): SafetyFlag[] {
  return SAFETY_FLAGS.map((name) => SAFETY_RULES[name](facts)).filter((f): f is SafetyFlag => f !== null);
}

/** The plan's `safety`: the flags, the approaches still recommended, and each caution with its reason. */
export function safetyReview(facts: SafetyFacts): SafetyReview {
  const flags = safetyFlags(facts);
  const cautions = flags.flatMap((f) => f.cautions);
  const cautioned = new Set(cautions.map((c) => c.approach));
  return { flags, recommendedApproaches: APPROACH_NAMES.filter((a) => !cautioned.has(a)), cautions };
}

/** Whether choosing `approach` needs a recorded reason (it is cautioned for this case). */
export function isCautioned(review: SafetyReview, approach: Approach): boolean {
  return review.cautions.some((c) => c.approach === approach);
}

/** Everything the flags require beyond the checklist, once each: the logistics work and the meeting console read it. */
export function requirements(review: SafetyReview): SafetyRequirement[] {
  return [...new Set(review.flags.flatMap((f) => f.requires))];
}
