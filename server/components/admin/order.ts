// Reordering by one step, as the console's "Move up" / "Move down" buttons do. Pure.

/** The list with `id` moved one place; null when it is not in the list or already at that end. */
export function moveOneStep(ids: readonly string[], id: string, direction: "up" | "down"): string[] | null {
  const from = ids.indexOf(id);
  if (from < 0) return null;
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next[from] = ids[to] as string;
  next[to] = id;
  return next;
}

/** The positions to write so that `ids` is stored in order 0..n-1, skipping rows already right. */
export function positionChanges(ids: readonly string[], current: ReadonlyMap<string, number>): { id: string; position: number }[] {
  return ids.flatMap((id, position) => (current.get(id) === position ? [] : [{ id, position }]));
}
