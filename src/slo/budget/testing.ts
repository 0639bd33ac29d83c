import type { MinuteCounts } from './types.js';

export const MIN = 60_000;

/** Test series: `count` minutes from `from`; `at(i)` gives good/total, or null for a gap. */
export function series(
  from: number,
  count: number,
  at: (i: number) => { good: number; total: number } | null,
): MinuteCounts[] {
  const out: MinuteCounts[] = [];
  for (let i = 0; i < count; i++) {
    const c = at(i);
    if (c) out.push({ t: from + i * MIN, ...c });
  }
  return out;
}

/** Whether any number inside a result is NaN (JSON.stringify would hide it as null). */
export function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (value && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}
