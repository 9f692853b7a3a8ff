// Moving one entry in an ordered list, by keyboard (earlier/later) or by drag
// (drop on another entry). Pure, so the speaking-order editors share it.

/** `ids` with the entry at `index` moved by `by` places (clamped to the list). */
export function moveBy<T>(ids: readonly T[], index: number, by: number): T[] {
  const next = [...ids];
  const to = Math.min(Math.max(index + by, 0), next.length - 1);
  if (index < 0 || index >= next.length || to === index) return next;
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

/** `ids` with `dragged` placed where `target` was (before it when moving up, after it when moving down). */
export function dropOn<T>(ids: readonly T[], dragged: T, target: T): T[] {
  const from = ids.indexOf(dragged);
  const to = ids.indexOf(target);
  if (from === -1 || to === -1 || from === to) return [...ids];
  return moveBy(ids, from, to - from);
}
