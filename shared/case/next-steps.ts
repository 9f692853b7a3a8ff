// The next-steps plan after a no (issue 11, section 4): its shape, the bodies
// the routes accept, and the plan a recorded outcome starts from. Every text in
// it is health data: the store seals the whole plan and each commitment.
import { z } from 'zod';
import { LIMITS } from '../vocabulary.js';
import { COMMITMENT_STATUSES, NEXT_ATTEMPT_KINDS, type CommitmentStatus, type NextAttemptKind, type NextStepsOutcome } from './aftercare-vocabulary.js';

/** Lists in the plan hold at most this many entries (sessions, groups, check-ins). */
export const NEXT_STEPS_LIMITS = { entries: 100, text: LIMITS.note } as const;

const text = z.string().trim().max(NEXT_STEPS_LIMITS.text);
const day = z.iso.date();

export interface CheckIn {
  /** When it was noted (ms since the epoch, the server's clock). */
  at: number;
  note: string;
}

/** A participant's bottom line, turned into what they follow through on. */
export interface Commitment {
  participantId: string;
  commitment: string;
  status: CommitmentStatus;
  checkIns: CheckIn[];
}

/** One session of the family's own CRAFT-style track. */
export interface FamilySession {
  date: string;
  topic: string;
  notes: string;
}

export interface SupportGroup {
  name: string;
  /** When and where it meets, in the family's words. */
  meets: string;
}

export interface FamilyTrack {
  sessions: FamilySession[];
  supportGroups: SupportGroup[];
  selfCare: string;
}

export interface NextAttempt {
  kind: NextAttemptKind;
  /** The day planned for it (YYYY-MM-DD), if one is. */
  plannedFor: string | null;
  notes: string;
}

/** What to do if things get unsafe: kept when the case carries any safety flag. */
export interface SafetyPlan {
  warningSigns: string;
  whoToCall: string;
  steps: string;
}

/** Everything in the plan but the commitments, which each participant updates on their own. */
export interface NextStepsPlan {
  outcome: NextStepsOutcome;
  family: FamilyTrack;
  /** For `deferred`: the day the loved one agreed to decide by (YYYY-MM-DD); null otherwise. */
  decideBy: string | null;
  nextAttempt: NextAttempt;
  safetyPlan: SafetyPlan;
}

/** The plan a `declined`, `walked-out` or `deferred` outcome starts with; `decideBy` from the meeting's outcome. */
export function startingPlan(outcome: NextStepsOutcome, decideBy: string | null): NextStepsPlan {
  return {
    outcome,
    family: { sessions: [], supportGroups: [], selfCare: '' },
    decideBy: outcome === 'deferred' ? decideBy : null,
    nextAttempt: { kind: 'undecided', plannedFor: null, notes: '' },
    safetyPlan: { warningSigns: '', whoToCall: '', steps: '' },
  };
}

/** The commitments an outcome starts with: one per approved bottom line (trimmed, never empty). */
export function startingCommitments(people: ReadonlyArray<{ id: string; bottomLine: string | null }>): Commitment[] {
  return people
    .filter((p) => (p.bottomLine ?? '').trim().length > 0)
    .map((p) => ({ participantId: p.id, commitment: p.bottomLine!.trim(), status: 'not-yet' as const, checkIns: [] }));
}

const checkInSchema = z.strictObject({ at: z.number().int().nonnegative(), note: text.min(1) });

/** The body of `PUT /api/cases/:caseId/next-steps`: the whole plan, and the commitments the interventionist changed. */
export const nextStepsBodySchema = z.strictObject({
  family: z.strictObject({
    sessions: z.array(z.strictObject({ date: day, topic: text, notes: text })).max(NEXT_STEPS_LIMITS.entries),
    supportGroups: z.array(z.strictObject({ name: text.min(1), meets: text })).max(NEXT_STEPS_LIMITS.entries),
    selfCare: text,
  }),
  decideBy: day.nullable(),
  nextAttempt: z.strictObject({ kind: z.enum(NEXT_ATTEMPT_KINDS), plannedFor: day.nullable(), notes: text }),
  safetyPlan: z.strictObject({ warningSigns: text, whoToCall: text, steps: text }),
  commitments: z
    .array(
      z.strictObject({
        participantId: z.string().min(1).max(LIMITS.id),
        commitment: text.min(1),
        status: z.enum(COMMITMENT_STATUSES),
        checkIns: z.array(checkInSchema).max(NEXT_STEPS_LIMITS.entries),
      }),
    )
    .max(LIMITS.speakers)
    .optional(),
});
export type NextStepsBody = z.infer<typeof nextStepsBodySchema>;

/** The body of `PUT /api/prepare/commitment`: the person's status, and a check-in note if they add one. */
export const commitmentUpdateSchema = z.strictObject({
  status: z.enum(COMMITMENT_STATUSES),
  checkIn: text.min(1).optional(),
});

/** A commitment after its person's update at `at`: the new status, and the check-in appended if given. */
export function updateCommitment(current: Commitment, update: z.infer<typeof commitmentUpdateSchema>, at: number): Commitment {
  const checkIns = update.checkIn ? [...current.checkIns, { at, note: update.checkIn }].slice(-NEXT_STEPS_LIMITS.entries) : current.checkIns;
  return { ...current, status: update.status, checkIns };
}

