import { InputError } from '../../core/errors.js';
import { MINUTE_MS } from './duration.js';
import type { BudgetingMethod, Interval, MinuteCounts, RangeSum, Sums } from './types.js';

/** Budget units of one minute (Occurrences) or one time slice, keyed by its start. */
export interface Unit extends Sums {
  readonly t: number;
}

export const ZERO: Sums = { good: 0, total: 0, minutes: 0 };

export function addSums(a: Sums, b: Sums): Sums {
  return { good: a.good + b.good, total: a.total + b.total, minutes: a.minutes + b.minutes };
}

/** Length of one budget unit in ms. Slices must divide an hour so hour rollups hold whole slices. */
export function unitMs(method: BudgetingMethod): number {
  if (method.kind === 'Occurrences') return MINUTE_MS;
  const k = method.sliceMinutes;
  if (!Number.isInteger(k) || k < 1 || 60 % k !== 0) {
    throw new InputError(`timeSliceWindow of ${k} minutes must be a whole number of minutes dividing 60`);
  }
  return k * MINUTE_MS;
}

/**
 * Turns stored minutes into budget units (OpenSLO v1 budgetingMethod):
 * Occurrences counts events; Timeslices counts slices, good when good/total ≥ timeSliceTarget;
 * RatioTimeslices counts slices, each contributing its ratio good/total. Slices without events
 * are no data: they count neither way. Input need not be sorted; minutes must be unique.
 */
export function toUnits(minutes: readonly MinuteCounts[], method: BudgetingMethod): Unit[] {
  const size = unitMs(method);
  const slices = new Map<number, { good: number; total: number; minutes: number }>();
  for (const m of minutes) {
    const t = Math.floor(m.t / size) * size;
    const s = slices.get(t);
    if (s) {
      s.good += m.good;
      s.total += m.total;
      s.minutes += 1;
    } else slices.set(t, { good: m.good, total: m.total, minutes: 1 });
  }
  const units: Unit[] = [];
  for (const [t, s] of slices) {
    if (method.kind === 'Occurrences' || s.total === 0) {
      units.push(method.kind === 'Occurrences' ? { t, ...s } : { t, good: 0, total: 0, minutes: s.minutes });
    } else {
      const ratio = s.good / s.total;
      const good = method.kind === 'Timeslices' ? (ratio >= method.timeSliceTarget ? 1 : 0) : ratio;
      units.push({ t, good, total: 1, minutes: s.minutes });
    }
  }
  return units.sort((a, b) => a.t - b.t);
}

/** First index whose t is ≥ value (units sorted by t). */
function lowerBound(units: readonly { t: number }[], value: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.t < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Range sums over units by prefix sums: O(log n) per interval, so walking a series minute by minute
 * never re-sums a window. A unit counts when it lies wholly inside [start, end): a slice is judged
 * once it is complete, and the same rule holds for minutes and rollups.
 */
export function unitRangeSum(units: readonly Unit[], size: number): RangeSum {
  const good = new Float64Array(units.length + 1);
  const total = new Float64Array(units.length + 1);
  const minutes = new Float64Array(units.length + 1);
  units.forEach((u, i) => {
    good[i + 1] = good[i]! + u.good;
    total[i + 1] = total[i]! + u.total;
    minutes[i + 1] = minutes[i]! + u.minutes;
  });
  return ({ start, end }: Interval): Sums => {
    const a = lowerBound(units, start);
    const b = lowerBound(units, end - size + 1);
    if (b <= a) return ZERO;
    return { good: good[b]! - good[a]!, total: total[b]! - total[a]!, minutes: minutes[b]! - minutes[a]! };
  };
}

/** Minutes that whole units inside an interval span: the denominator of data coverage. */
export function unitCapacityMinutes({ start, end }: Interval, size: number): number {
  const slices = Math.floor(end / size) - Math.ceil(start / size);
  return Math.max(0, slices) * (size / MINUTE_MS);
}
