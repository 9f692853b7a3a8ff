// The readiness checklist (issue 9, section 5): the plan's four items, plus the
// items the safety flags add. The first four are read from the case's content
// (the approach, the team); the safety items are marked done by the
// interventionist. Any item may be waived, always with a reason. The case moves
// to `ready` only when every item is done or waived (guards.ts).
import { z } from 'zod';
import { APPROACHES, type Approach } from '../approaches.js';
import { describeIssues } from '../protocol.js';
import { LIMITS } from '../vocabulary.js';
import type { Assessment } from './assessment.js';
import { isCautioned, type SafetyReview } from './safety.js';
import { countsTowardsTeam, holding, type TeamMember } from './team.js';
import { preparationVerdict, type PreparationFacts } from './preparation.js';
import { detoxVerdict, logisticsVerdict, type CaseLogistics } from './logistics.js';
import {
  LOGISTICS_ITEMS, PLAN_ITEMS, PREPARATION_ITEMS, READINESS_ITEMS, SAFETY_ITEMS,
  type LogisticsItem, type PlanItem, type PreparationItem, type ReadinessItem, type SafetyItem,
} from './vocabulary.js';

/** The smallest team the plan accepts without a waiver, not counting support (issue 9, section 5). */
export const MIN_TEAM = 3;

/** The interventionist's mark on an item: done (safety items only), or waived with a reason. */
export const readinessMarkSchema = z.discriminatedUnion('state', [
  z.strictObject({ item: z.enum(READINESS_ITEMS), state: z.literal('done') }),
  z.strictObject({ item: z.enum(READINESS_ITEMS), state: z.literal('waived'), reason: z.string().trim().min(1).max(LIMITS.note) }),
]);
export type ReadinessMark = z.infer<typeof readinessMarkSchema>;

/** One line of the checklist in `GET /plan`: `detail` says what to do next, what was done, or why it was waived. */
export interface ReadinessEntry {
  item: ReadinessItem;
  done: boolean;
  waived: boolean;
  detail: string;
}

/** What the checklist reads. `approachReason` is the recorded reason for choosing a cautioned approach. */
export interface ReadinessFacts {
  approach: Approach | null;
  approachReason: string | null;
  assessment: Assessment;
  team: readonly TeamMember[];
  safety: SafetyReview;
  marks: readonly ReadinessMark[];
  /**
   * The family preparation (issue 10). Left out (a caller from before it), its items are not listed;
   * given, `family-educated` and `letters-approved` are, and `bottom-lines-approved` when the approach uses them.
   */
  preparation?: PreparationFacts;
  /**
   * The treatment logistics (issue 11) and the time to judge a bed hold at (ms). Left out (a caller
   * from before it), its items are not listed; given, they are, and `medical-detox-planned` is read
   * from the primary place's level of care instead of a mark.
   */
  logistics?: LogisticsFacts;
}

/** What the logistics items read: the case's logistics, and `now` (ms) for a bed hold that runs out. */
export interface LogisticsFacts {
  logistics: CaseLogistics;
  now: number;
}

/**
 * Items the case's own content decides: never marked done by hand. `medical-detox-planned` is one
 * since issue 11: the primary place's level of care says whether detox is planned.
 */
const BY_THE_PLAN: readonly ReadinessItem[] = [...PLAN_ITEMS, ...PREPARATION_ITEMS, ...LOGISTICS_ITEMS, 'medical-detox-planned'];

/** Null when the mark may be recorded; otherwise why not (a 400): plan items are done by the plan itself. */
export function markProblem(mark: ReadinessMark): string | null {
  if (mark.state === 'done' && (BY_THE_PLAN as readonly string[]).includes(mark.item)) {
    return `${mark.item}: this item is done when the plan has it; it can be waived with a reason`;
  }
  return null;
}

export type ParsedMark = { ok: true; mark: ReadinessMark } | { ok: false; message: string };

/** Validate a mark as sent (a 400 when not ok): the schema, then `markProblem`. Messages name the field. */
export function parseReadinessMark(raw: unknown): ParsedMark {
  const result = readinessMarkSchema.safeParse(raw);
  if (!result.success) return { ok: false, message: describeIssues(result.error) };
  const problem = markProblem(result.data);
  return problem ? { ok: false, message: problem } : { ok: true, mark: result.data };
}

const SAFETY_NEXT_STEPS: Record<SafetyItem, string> = {
  'safety-plan': 'Plan the exits, the seating, and who calls for help',
  'medical-detox-planned': 'Arrange medically managed detox with the treatment provider',
  'naloxone-on-hand': 'Have naloxone at the meeting, and someone who knows how to give it',
  'crisis-plan': 'Note 988 and a local crisis service, and have them at hand',
  'medical-consult': 'Arrange a medical consultation before the meeting',
};

type Verdict = { done: boolean; detail: string };

function approachChosen(f: ReadinessFacts): Verdict {
  if (f.approach === null) return { done: false, detail: 'Choose an approach' };
  const label = APPROACHES[f.approach].label;
  if (isCautioned(f.safety, f.approach) && !f.approachReason?.trim()) {
    return { done: false, detail: `${label} is cautioned for this case: record why it was chosen, or choose another approach` };
  }
  return { done: true, detail: `${label} chosen` };
}

function teamOfThree(f: ReadinessFacts): Verdict {
  const count = f.team.filter(countsTowardsTeam).length;
  const people = count === 1 ? '1 person speaks' : `${count} people speak`;
  if (count >= MIN_TEAM) return { done: true, detail: `${people} in the meeting` };
  return { done: false, detail: `${people} in the meeting; at least ${MIN_TEAM} are needed, not counting support` };
}

function chairAndCloser(f: ReadinessFacts): Verdict {
  const chairs = holding(f.team, 'chair').length;
  const closers = holding(f.team, 'closer').filter((m) => !m.roles.includes('support')).length;
  const missing = [chairs === 0 && 'a chair', closers === 0 && 'a closer'].filter((m): m is string => typeof m === 'string');
  if (missing.length) return { done: false, detail: `Choose ${missing.join(' and ')}` };
  if (closers > 1) return { done: false, detail: 'Only one person can read last: choose one closer' };
  return { done: true, detail: 'Chair and closer chosen' };
}

function walkOutFollower(f: ReadinessFacts): Verdict {
  if (holding(f.team, 'walk-out-follower').length > 0) return { done: true, detail: 'Someone is ready to go with the loved one if they leave' };
  return { done: false, detail: 'Choose who goes with the loved one, calmly, if they leave the room' };
}

function safetyItem(item: SafetyItem, f: ReadinessFacts): Verdict {
  if (item === 'medical-detox-planned' && f.logistics) return detoxVerdict(f.logistics.logistics);
  if (f.marks.some((m) => m.item === item && m.state === 'done')) return { done: true, detail: 'Marked done' };
  // The assessment already says naloxone is at hand: no need to mark it twice.
  if (item === 'naloxone-on-hand' && f.assessment.safety?.naloxoneAvailable === true) {
    return { done: true, detail: 'The assessment notes naloxone at hand' };
  }
  return { done: false, detail: SAFETY_NEXT_STEPS[item] };
}

const PLAN_VERDICTS: Record<PlanItem, (f: ReadinessFacts) => Verdict> = {
  'approach-chosen': approachChosen,
  'team-of-at-least-3': teamOfThree,
  'chair-and-closer-assigned': chairAndCloser,
  'walk-out-follower-assigned': walkOutFollower,
};

/** The checklist: the plan's items, then those the safety flags add, each done, waived or open. */
export function readiness(f: ReadinessFacts): ReadinessEntry[] {
  const added = new Set(f.safety.flags.flatMap((flag) => flag.adds));
  const preparing = preparationItems(f);
  const logistics: LogisticsItem[] = f.logistics ? [...LOGISTICS_ITEMS] : [];
  const items: ReadinessItem[] = [...PLAN_ITEMS, ...preparing, ...logistics, ...SAFETY_ITEMS.filter((i) => added.has(i))];
  return items.map((item) => {
    const verdict = (PLAN_ITEMS as readonly string[]).includes(item)
      ? PLAN_VERDICTS[item as PlanItem](f)
      : (preparing as readonly string[]).includes(item)
        ? preparationVerdict(item as PreparationItem, f.team, f.preparation!)
        : (logistics as readonly string[]).includes(item)
          ? logisticsVerdict(item as LogisticsItem, f.logistics!.logistics, f.logistics!.now)
          : safetyItem(item as SafetyItem, f);
    const waiver = f.marks.find((m) => m.item === item && m.state === 'waived');
    if (!verdict.done && waiver?.state === 'waived') return { item, done: false, waived: true, detail: `Waived: ${waiver.reason}` };
    return { item, done: verdict.done, waived: false, detail: verdict.detail };
  });
}

/** The preparation's items this case lists: none without the facts; bottom lines only when the approach uses them. */
function preparationItems(f: ReadinessFacts): PreparationItem[] {
  if (!f.preparation) return [];
  const bottomLines = f.approach !== null && APPROACHES[f.approach].usesBottomLines;
  return PREPARATION_ITEMS.filter((i) => i !== 'bottom-lines-approved' || bottomLines);
}

/** The items neither done nor waived. */
export function openItems(entries: readonly ReadinessEntry[]): ReadinessEntry[] {
  return entries.filter((e) => !e.done && !e.waived);
}
