import { type BudgetOptions, type BudgetResult, budgetFromSums } from './budget.js';
import { BURN_WINDOWS } from './burn.js';
import { MINUTE_MS } from './duration.js';
import type { BudgetingMethod, Interval, MinuteCounts, RangeSum, Sums } from './types.js';
import { addSums, toUnits, unitMs, unitRangeSum, ZERO } from './units.js';
import { windowAt } from './window.js';

const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Sums of budget units over one UTC hour or day, keyed by its start. */
export interface Bucket extends Sums {
  readonly t: number;
}

/**
 * Hour and day rollups of one objective's units. They are sums, so they merge by addition; they
 * depend on the method (Timeslices stores good-slice counts for its timeSliceTarget), so a
 * store keeps them per objective. When a late write replaces a minute, rebuild its hour and day.
 */
export interface Rollup {
  readonly hours: readonly Bucket[];
  readonly days: readonly Bucket[];
}

function bucketBy(items: readonly Bucket[], size: number): Bucket[] {
  const map = new Map<number, Sums>();
  for (const item of items) {
    const t = Math.floor(item.t / size) * size;
    map.set(t, addSums(map.get(t) ?? ZERO, item));
  }
  return [...map].map(([t, s]) => ({ t, ...s })).sort((a, b) => a.t - b.t);
}

/** Hour and day aggregates of stored minutes, in the method's budget units. */
export function minuteRollup(minutes: readonly MinuteCounts[], method: BudgetingMethod): Rollup {
  const hours = bucketBy(toUnits(minutes, method), HOUR_MS);
  return { hours, days: bucketBy(hours, DAY_MS) };
}

/** Adds two sets of buckets of the same size (e.g. yesterday's days and today's). */
export function mergeBuckets(a: readonly Bucket[], b: readonly Bucket[]): Bucket[] {
  return bucketBy([...a, ...b], 1);
}

export interface Cover {
  readonly minutes: readonly Interval[];
  readonly hours: readonly Interval[];
  readonly days: readonly Interval[];
}

/** Splits [start, end) into whole UTC days, then whole hours, and the edge minutes left over. */
export function coverInterval({ start, end }: Interval): Cover {
  const hs = Math.ceil(start / HOUR_MS) * HOUR_MS;
  const he = Math.floor(end / HOUR_MS) * HOUR_MS;
  if (hs >= he) return { minutes: end > start ? [{ start, end }] : [], hours: [], days: [] };
  const minutes = [...(start < hs ? [{ start, end: hs }] : []), ...(he < end ? [{ start: he, end }] : [])];
  const ds = Math.ceil(hs / DAY_MS) * DAY_MS;
  const de = Math.floor(he / DAY_MS) * DAY_MS;
  if (ds >= de) return { minutes, hours: [{ start: hs, end: he }], days: [] };
  const hours = [...(hs < ds ? [{ start: hs, end: ds }] : []), ...(de < he ? [{ start: de, end: he }] : [])];
  return { minutes, hours, days: [{ start: ds, end: de }] };
}

/** The intervals `budgetFromSums` sums: the elapsed window and every burn window. */
export function budgetIntervals(opts: BudgetOptions): Interval[] {
  const window = windowAt(opts.window, opts.now);
  return [
    { start: window.start, end: Math.min(opts.now, window.end) },
    ...BURN_WINDOWS.map((w) => ({ start: opts.now - w * MINUTE_MS, end: opts.now })),
  ];
}

/** The minute intervals `budgetFromRollups` reads: the edges of the window and of every burn window. */
export function edgeIntervals(opts: BudgetOptions): Interval[] {
  return budgetIntervals(opts).flatMap((i) => coverInterval(i).minutes);
}

/**
 * Everything `budgetFromRollups` reads, as merged runs: the edge minutes, and the hours and days
 * the covers of its intervals add up. Other rollup rows do not change its answer.
 */
export function budgetReads(opts: BudgetOptions): Cover {
  const covers = budgetIntervals(opts).map(coverInterval);
  return {
    minutes: mergeIntervals(covers.flatMap((c) => c.minutes)),
    hours: mergeIntervals(covers.flatMap((c) => c.hours)),
    days: mergeIntervals(covers.flatMap((c) => c.days)),
  };
}

/** Overlapping or touching intervals merged, sorted by start. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/**
 * Range sums from rollups plus edge minutes. Slices divide an hour, so no slice straddles a
 * piece boundary and the pieces add up to exactly what the minutes give.
 */
export function rollupRangeSum(
  rollup: Rollup,
  edgeMinutes: readonly MinuteCounts[],
  method: BudgetingMethod,
): RangeSum {
  const hours = new Map(rollup.hours.map((b) => [b.t, b]));
  const days = new Map(rollup.days.map((b) => [b.t, b]));
  const edges = unitRangeSum(toUnits(edgeMinutes, method), unitMs(method));
  const add = (acc: Sums, map: Map<number, Bucket>, piece: Interval, size: number): Sums => {
    let s = acc;
    for (let t = piece.start; t < piece.end; t += size) s = addSums(s, map.get(t) ?? ZERO);
    return s;
  };
  return (interval) => {
    const cover = coverInterval(interval);
    let s = cover.minutes.reduce((acc, piece) => addSums(acc, edges(piece)), ZERO);
    for (const piece of cover.hours) s = add(s, hours, piece, HOUR_MS);
    for (const piece of cover.days) s = add(s, days, piece, DAY_MS);
    return s;
  };
}

/** `budgetAt` answered from hour/day rollups and the edge minutes (see `edgeIntervals`). */
export function budgetFromRollups(
  input: { rollup: Rollup; edgeMinutes: readonly MinuteCounts[] },
  opts: BudgetOptions,
): BudgetResult {
  return budgetFromSums(rollupRangeSum(input.rollup, input.edgeMinutes, opts.objective.method), opts);
}
