import { describe, expect, it } from 'vitest';
import { compositeBudget } from './composite.js';
import { durationMs } from './duration.js';
import { hasNaN, MIN, series } from './testing.js';
import type { WindowSpec } from './types.js';

const now = Date.parse('2024-05-01T00:00:00Z');
const window: WindowSpec = { kind: 'rolling', durationMs: durationMs('1h') };
// A: events, 1 of 100 bad each minute → 0.99. B: one-minute slices, 3 of 60 bad → 0.95.
const a = series(now - 60 * MIN, 60, () => ({ good: 99, total: 100 }));
const b = series(now - 60 * MIN, 60, (i) => ({ good: i < 3 ? 0 : 100, total: 100 }));
const components = [
  { weight: 3, objective: { target: 0.99, method: { kind: 'Occurrences' } }, minutes: a },
  {
    weight: 1,
    objective: { target: 0.9, method: { kind: 'Timeslices', timeSliceTarget: 0.99, sliceMinutes: 1 } },
    minutes: b,
  },
] as const;

describe('composite objectives', () => {
  it('weights the components’ attainment and budgets the composite: (3 × 0.99 + 0.95) ÷ 4 = 0.98', () => {
    const r = compositeBudget(components, { target: 0.97, window, now });
    expect(r.attainment).toBeCloseTo(0.98, 12);
    expect(r.remainingFraction).toBeCloseTo(1 / 3, 9); // 1 − 0.02 ÷ 0.03
    expect(r.burnRates['1h']).toBeCloseTo(2 / 3, 9);
    expect(r.components.map((c) => [c.weight, c.attainment])).toEqual([
      [3, expect.closeTo(0.99, 12)],
      [1, expect.closeTo(0.95, 12)],
    ]);
    expect(r.dataCoverage).toBe(1);
  });

  it('leaves a component without data out of the average but not out of the coverage', () => {
    const silent = {
      weight: 5,
      objective: { target: 0.99, method: { kind: 'Occurrences' } },
      minutes: [],
    } as const;
    const r = compositeBudget([...components, silent], { target: 0.97, window, now });
    expect(r.attainment).toBeCloseTo(0.98, 12);
    expect(r.dataCoverage).toBeCloseTo(4 / 9, 12);
    const none = compositeBudget([silent], { target: 0.97, window, now });
    expect(none.attainment).toBeNull();
    expect(none.remainingFraction).toBeNull();
    expect(hasNaN(none)).toBe(false);
  });

  it('rejects non-positive weights and empty composites', () => {
    expect(() => compositeBudget([], { target: 0.9, window, now })).toThrow(/components/);
    expect(() => compositeBudget([{ ...components[0], weight: 0 }], { target: 0.9, window, now })).toThrow(
      /compositeWeight/,
    );
  });
});
