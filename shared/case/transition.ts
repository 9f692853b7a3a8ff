// After a yes (issue 11, section 3): the transition checklist from the meeting
// into treatment, and the one calm word the remote family may see about it.
// Pure: no I/O, no clock.
import { z } from 'zod';
import type { FamilyNews } from '../meeting/view.js';

export type { FamilyNews };

const time = z.number().int().nonnegative().nullable();

/** Who went with the person: a participant of the case, or someone named. */
export const accompaniedBySchema = z.union([
  z.strictObject({ participantId: z.string().min(1).max(100) }),
  z.strictObject({ name: z.string().trim().min(1).max(200) }),
]);

/** The checklist as the interventionist saves it; times are epoch ms, null until it happened. */
export const transitionSchema = z.strictObject({
  leftAt: time,
  arrivedAt: time,
  admittedAt: time,
  accompaniedBy: accompaniedBySchema.nullable(),
  /** Whether the remote family may see "On the way" or "Admitted" on their screen. */
  shareWithFamily: z.boolean(),
});
export type Transition = z.infer<typeof transitionSchema>;

export const EMPTY_TRANSITION: Transition = { leftAt: null, arrivedAt: null, admittedAt: null, accompaniedBy: null, shareWithFamily: false };

/**
 * The word the family may see: `admitted` once admitted, `on-the-way` once they left (or arrived),
 * null before that or when the interventionist chose not to share it.
 */
export function familyNews(t: Transition): FamilyNews | null {
  if (!t.shareWithFamily) return null;
  if (t.admittedAt !== null) return 'admitted';
  if (t.leftAt !== null || t.arrivedAt !== null) return 'on-the-way';
  return null;
}

/** The first step out of order (arrived before leaving, admitted before arriving), in words; null when in order. */
export function outOfOrder(t: Transition): string | null {
  if (t.leftAt !== null && t.arrivedAt !== null && t.arrivedAt < t.leftAt) return 'The arrival is before the time they left';
  if (t.arrivedAt !== null && t.admittedAt !== null && t.admittedAt < t.arrivedAt) return 'The admission is before the arrival';
  return null;
}
