import { describe, expect, it } from 'vitest';
import { budgetAt } from './budget.js';
import { durationMs } from './duration.js';
import { budgetFromRollups, coverInterval, edgeIntervals, mergeBuckets, minuteRollup } from './rollup.js';
import { MIN } from './testing.js';
import type { BudgetingMethod, MinuteCounts, WindowSpec } from './types.js';

/** mulberry32: a small seeded generator so the random data is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const from = Date.parse('2024-02-20T00:00:00Z');
const minutes: MinuteCounts[] = (() => {
  const rand = random(20240331);
  const out: MinuteCounts[] = [];
  let burning = 0;
  for (let i = 0; i < 41 * 1440; i++) {
    if (rand() < 0.001) burning = Math.floor(rand() * 90); // occasional outages of up to 90 minutes
    burning = Math.max(0, burning - 1);
    if (rand() < 0.08) continue; // gaps
    const total = Math.floor(rand() * 40);
    const good = burning > 0 ? Math.floor(rand() * total) : total - (rand() < 0.05 ? 1 : 0);
    out.push({ t: from + i * MIN, good: Math.max(0, good), total });
  }
  return out;
})();

const methods: BudgetingMethod[] = [
  { kind: 'Occurrences' },
  { kind: 'Timeslices', timeSliceTarget: 0.95, sliceMinutes: 1 },
  { kind: 'Timeslices', timeSliceTarget: 0.9, sliceMinutes: 5 },
  { kind: 'RatioTimeslices', sliceMinutes: 1 },
];
const windows: WindowSpec[] = [
  { kind: 'rolling', durationMs: durationMs('30d') },
  { kind: 'rolling', durationMs: durationMs('7d') },
  { kind: 'calendar', unit: 'Month', count: 1, startTime: '2024-01-01', timeZone: 'Europe/Amsterdam' },
  { kind: 'calendar', unit: 'Week', count: 1, startTime: '2024-01-01', timeZone: 'Asia/Kolkata' },
];
const nows = ['2024-03-31T12:00:00Z', '2024-03-29T07:43:00Z', '2024-03-30T23:59:17Z'].map(Date.parse);

/** Numbers equal to 1e-9 relative: sums in another order differ in the last bits. */
function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(actual, path).toBe(expected);
}

describe('rollups', () => {
  it('splits an interval into whole UTC days, whole hours and edge minutes', () => {
    const t = (s: string) => Date.parse(`2024-03-${s}Z`);
    expect(coverInterval({ start: t('01T22:17:00'), end: t('04T01:05:00') })).toEqual({
      minutes: [
        { start: t('01T22:17:00'), end: t('01T23:00:00') },
        { start: t('04T01:00:00'), end: t('04T01:05:00') },
      ],
      hours: [
        { start: t('01T23:00:00'), end: t('02T00:00:00') },
        { start: t('04T00:00:00'), end: t('04T01:00:00') },
      ],
      days: [{ start: t('02T00:00:00'), end: t('04T00:00:00') }],
    });
    expect(coverInterval({ start: t('01T22:17:00'), end: t('01T22:22:00') }).minutes).toHaveLength(1);
  });

  it('answers budget and every burn rate as the minutes do, from rollups and a few edge minutes', () => {
    let checked = 0;
    for (const method of methods) {
      const rollup = minuteRollup(minutes, method);
      for (const window of windows) {
        for (const now of nows) {
          const opts = { objective: { target: 0.99, method }, window, now };
          const edges = edgeIntervals(opts);
          const edgeMinutes = minutes.filter((m) => edges.some((e) => m.t >= e.start && m.t < e.end));
          expect(edgeMinutes.length).toBeLessThan(1500); // not 43 200
          const expected = budgetAt(minutes, opts);
          expect(expected.attainment).not.toBeNull();
          expectClose(budgetFromRollups({ rollup, edgeMinutes }, opts), expected);
          checked++;
        }
      }
    }
    expect(checked).toBe(48);
  });

  it('merges rollups of two stretches into the rollup of both', () => {
    const method: BudgetingMethod = { kind: 'Timeslices', timeSliceTarget: 0.9, sliceMinutes: 5 };
    const cut = Date.parse('2024-03-10T13:00:00Z'); // an hour boundary, mid-day
    const a = minuteRollup(
      minutes.filter((m) => m.t < cut),
      method,
    );
    const b = minuteRollup(
      minutes.filter((m) => m.t >= cut),
      method,
    );
    const all = minuteRollup(minutes, method);
    expect(mergeBuckets(a.hours, b.hours)).toEqual(all.hours);
    expect(mergeBuckets(a.days, b.days)).toEqual(all.days);
  });
});
