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

/**
 * Continuous percentiles (as percentileCont) of the values of several sorted lists taken together,
 * without sorting them all: the ranks needed are selected (quickselect) from one typed copy. The
 * same numbers as `percentileCont(mergeSorted(lists), p)`, in linear rather than n·log n time.
 */
export function percentilesOf(
  lists: readonly (readonly number[])[],
  ps: readonly number[],
): (number | null)[] {
  let n = 0;
  let nonEmpty = 0;
  let last: readonly number[] = [];
  for (const l of lists) {
    if (l.length === 0) continue;
    n += l.length;
    nonEmpty++;
    last = l;
  }
  if (nonEmpty <= 1) return ps.map((p) => percentileCont(last, p));
  const all = new Float64Array(n);
  let at = 0;
  // A plain loop: TypedArray#set costs more per call than it saves on lists this short.
  for (const l of lists) for (let i = 0; i < l.length; i++) all[at++] = l[i]!;
  // Ranks in ascending order: each selection leaves everything right of it no smaller, so the
  // next one searches only there.
  const out: (number | null)[] = new Array(ps.length).fill(null);
  const order = [...ps.keys()].sort((a, b) => ps[a]! - ps[b]!);
  let from = 0;
  for (const i of order) {
    const rank = ps[i]! * (n - 1);
    const lo = Math.floor(rank);
    if (lo >= from) select(all, lo, from, n - 1);
    const a = all[lo]!;
    let b = a;
    if (rank !== lo) {
      // The next value up is the smallest of those right of the selected one.
      b = all[lo + 1]!;
      for (let j = lo + 2; j < n; j++) if (all[j]! < b) b = all[j]!;
    }
    out[i] = a + (b - a) * (rank - lo);
    from = lo + 1;
  }
  return out;
}

/** Hoare's selection: afterwards a[k] holds the k-th smallest of a[left..right], smaller ones left of it, larger right. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  let l = left;
  let r = right;
  while (r > l) {
    // Median of three as the pivot: sorted or reversed input stays linear.
    const m = (l + r) >> 1;
    if (a[m]! < a[l]!) swap(a, m, l);
    if (a[r]! < a[l]!) swap(a, r, l);
    if (a[r]! < a[m]!) swap(a, r, m);
    const pivot = a[m]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
