/**
 * The continuous percentile of sorted values, as SQL's PERCENTILE_CONT: the value at rank
 * p·(n−1), interpolating linearly between the two neighbours. The median of [1, 2, 3, 10] is 2.5.
 */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  return a + (sorted[hi]! - a) * (rank - lo);
}

/** Merges already-sorted arrays (k-way), so window answers never re-sort what rollups keep sorted. */
export function mergeSorted(lists: readonly (readonly number[])[]): number[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return [...nonEmpty[0]!];
  const out = nonEmpty.flat();
  // V8's sort on a numeric Float64Array is a fast introsort; merging pairwise in JS is slower for many lists.
  return Array.from(Float64Array.from(out).sort());
}
