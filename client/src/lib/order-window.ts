// A window of the speaking order around the person at the floor, for a screen that cannot scroll
// (the TV, issue 13, item 16). Pure, so the rule is tested without a browser.

export interface OrderWindow<T> {
  /** The rows to show, in order. */
  shown: T[];
  /** How many rows come before the window, and after it. */
  before: number;
  after: number;
}

/**
 * At most `size` rows of `order` (size ≥ 1), placed around the focus: the current speaker, or else
 * the first waiting person, or else the start. One row before the focus stays in sight (who has just
 * spoken), the rest follow it (who comes next); near either end the window slides to stay full.
 */
export function orderWindow<T extends { participantId: string; status: string }>(
  order: readonly T[],
  currentSpeakerId: string | null,
  size: number,
): OrderWindow<T> {
  if (order.length <= size) return { shown: [...order], before: 0, after: 0 };
  let focus = order.findIndex((s) => s.participantId === currentSpeakerId);
  if (focus === -1) focus = order.findIndex((s) => s.status === 'waiting');
  if (focus === -1) focus = order.length - 1;
  const start = Math.min(Math.max(focus - 1, 0), order.length - size);
  return { shown: order.slice(start, start + size), before: start, after: order.length - start - size };
}
