import { describe, expect, it } from 'vitest';
import { budgetAt } from './budget.js';
import { durationMs } from './duration.js';
import { hasNaN, MIN, series } from './testing.js';
import { thresholdCounts } from './threshold.js';
import type { Objective, WindowSpec } from './types.js';

const now = Date.parse('2024-05-01T00:00:00Z');
const rolling = (d: string): WindowSpec => ({ kind: 'rolling', durationMs: durationMs(d) });
const occurrences = (target: number): Objective => ({ target, method: { kind: 'Occurrences' } });
const timeslices = (target: number, timeSliceTarget: number, sliceMinutes = 1): Objective => ({
  target,
  method: { kind: 'Timeslices', timeSliceTarget, sliceMinutes },
});

describe('Occurrences on a ratio SLI', () => {
  // One day of 100 events a minute; the last 10 minutes lose 10 events each: 100 bad of 144 000.
  const minutes = series(now - 1440 * MIN, 1440, (i) => ({ good: i >= 1430 ? 90 : 100, total: 100 }));
  const r = budgetAt(minutes, { objective: occurrences(0.999), window: rolling('1d'), now });

  it('budgets (1 − target) × events seen and spends the bad ones', () => {
    expect(r.window).toEqual({ start: now - 1440 * MIN, end: now });
    expect(r.dataCoverage).toBe(1);
    expect(r.attainment).toBeCloseTo(1 - 100 / 144_000, 12);
    expect(r.budget.unit).toBe('events');
    expect(r.budget.total).toBeCloseTo(144, 9); // 0.001 × 144 000
    expect(r.budget.consumed).toBe(100);
    expect(r.budget.remaining).toBeCloseTo(44, 9);
    expect(r.budget.remainingFraction).toBeCloseTo(11 / 36, 12); // 1 − 100/144
  });

  it('gives the burn rate of every alert window ending at now', () => {
    // Bad events per window ÷ events per window ÷ 0.001.
    const expected = {
      '5m': 100,
      '30m': 100 / 3,
      '1h': 50 / 3,
      '2h': 25 / 3,
      '6h': 25 / 9,
      '1d': 25 / 36,
      '3d': 25 / 36,
    };
    for (const [k, v] of Object.entries(expected)) expect(r.burnRates[k]).toBeCloseTo(v, 9);
  });

  it('forecasts exhaustion from the 6h burn: r × P ÷ b = 11/36 × 1d ÷ 25/9 = 0.11 d', () => {
    expect(r.forecast.basisMinutes).toBe(360);
    expect(Math.abs(r.forecast.exhaustsAt! - (now + 0.11 * 86_400_000))).toBeLessThanOrEqual(1);
  });
});

describe('Occurrences on a threshold SLI (latency lt 500 ms)', () => {
  it('counts samples meeting the threshold per minute', () => {
    const objective = { op: 'lt', value: 500 } as const;
    const minutes = [
      thresholdCounts(now - 3 * MIN, [120, 480, 500, 900], objective), // 2 of 4
      thresholdCounts(now - 2 * MIN, [100, 200, 300], objective), // 3 of 3
      thresholdCounts(now - MIN, [499.9, 501], objective), // 1 of 2
    ];
    const r = budgetAt(minutes, { objective: occurrences(0.5), window: rolling('5m'), now });
    expect(r.attainment).toBeCloseTo(6 / 9, 12);
    expect(r.dataCoverage).toBeCloseTo(3 / 5, 12);
    expect(r.budget).toMatchObject({ unit: 'events', total: 4.5, consumed: 3, remaining: 1.5 });
    expect(r.budget.remainingFraction).toBeCloseTo(1 / 3, 12); // 1 − 3 / 4.5
    // 6h burn (1/3) ÷ 0.5 = 2/3: the remaining third of a 5-minute period lasts 1/3 × 5 min ÷ 2/3 = 2.5 min.
    expect(Math.abs(r.forecast.exhaustsAt! - (now + 150_000))).toBeLessThanOrEqual(1);
  });
});

describe('Timeslices', () => {
  it('budgets (1 − target) × the whole window in minutes; slices at the target are good', () => {
    // 60 one-minute slices: 55 at 100 %, 2 at exactly 99 % (good), 3 at 98 % (bad).
    const minutes = series(now - 60 * MIN, 60, (i) => ({
      good: i < 55 ? 100 : i < 57 ? 99 : 98,
      total: 100,
    }));
    const r = budgetAt(minutes, { objective: timeslices(0.9, 0.99), window: rolling('1h'), now });
    expect(r.attainment).toBeCloseTo(57 / 60, 12);
    expect(r.budget.unit).toBe('minutes');
    expect(r.budget.total).toBeCloseTo(6, 12); // 0.1 × 60
    expect(r.budget.consumed).toBe(3);
    expect(r.budget.remainingFraction).toBeCloseTo(0.5, 12);
  });

  it('judges 5-minute slices on their summed counts and only once complete', () => {
    // 12 slices; slice 2 has one empty-handed minute (400/500 = 0.8, bad); slice 5 has 499/500 (good).
    const minutes = series(now - 60 * MIN, 60, (i) => ({
      good: i === 12 ? 0 : i === 27 ? 99 : 100,
      total: 100,
    }));
    const objective = timeslices(0.9, 0.99, 5);
    const r = budgetAt(minutes, { objective, window: rolling('1h'), now });
    expect(r.attainment).toBeCloseTo(11 / 12, 12);
    expect(r.budget.consumed).toBe(5);
    expect(r.budget.remainingFraction).toBeCloseTo(1 - 5 / 6, 12);
    // Three minutes later the first slice has left the window and the slice in progress is not judged yet.
    const later = budgetAt(minutes, { objective, window: rolling('1h'), now: now + 3 * MIN });
    expect(later.attainment).toBeCloseTo(10 / 11, 12);
    expect(later.dataCoverage).toBeCloseTo(55 / 55, 12);
  });

  it('spends nothing for minutes without data: gaps leave budget, coverage shows them', () => {
    // Only the last 30 minutes have data, 3 of them bad.
    const minutes = series(now - 30 * MIN, 30, (i) => ({ good: i < 3 ? 0 : 10, total: 10 }));
    const r = budgetAt(minutes, { objective: timeslices(0.9, 0.99), window: rolling('1h'), now });
    expect(r.dataCoverage).toBe(0.5);
    expect(r.attainment).toBeCloseTo(0.9, 12);
    expect(r.budget.total).toBeCloseTo(6, 12);
    expect(r.budget.remainingFraction).toBeCloseTo(0.5, 12);
  });

  it('budgets 44.58 minutes for March in Amsterdam at 99.9 % (743 hours) and stops the forecast at the reset', () => {
    const window: WindowSpec = {
      kind: 'calendar',
      unit: 'Month',
      count: 1,
      startTime: '2024-01-01',
      timeZone: 'Europe/Amsterdam',
    };
    const start = Date.parse('2024-02-29T23:00:00Z');
    const at = Date.parse('2024-03-31T12:00:00Z'); // 733 hours = 43 980 minutes into the month
    const minutes = series(start - 60 * MIN, 44_040, (i) => ({
      good: i >= 44_030 || i < 60 ? 0 : 1,
      total: 1,
    }));
    const r = budgetAt(minutes, { objective: timeslices(0.999, 1), window, now: at });
    expect(r.window).toEqual({ start, end: Date.parse('2024-03-31T22:00:00Z') });
    expect(r.dataCoverage).toBe(1);
    expect(r.attainment).toBeCloseTo(1 - 10 / 43_980, 12); // the bad hour before the month is not in it
    expect(r.budget.total).toBeCloseTo(44.58, 9);
    expect(r.budget.consumed).toBe(10);
    expect(r.budget.remaining).toBeCloseTo(34.58, 9);
    // 10 bad minutes in 6h: 34.58 budget minutes last 34.58 × 36 = 1 244.88 min, past the 22:00 reset.
    expect(r.burnRates['6h']).toBeCloseTo(10 / 360 / 0.001, 9);
    expect(r.forecast.exhaustsAt).toBeNull();
  });
});

describe('RatioTimeslices', () => {
  it('averages slice ratios, each slice weighing the same whatever its traffic', () => {
    const counts = [
      { good: 10, total: 10 },
      { good: 1, total: 2 },
      { good: 0, total: 0 }, // a row without events: covered, but no slice to judge
      { good: 90, total: 100 },
      { good: 1000, total: 1000 },
    ];
    const minutes = series(now - 5 * MIN, 5, (i) => counts[i]!);
    const objective: Objective = { target: 0.8, method: { kind: 'RatioTimeslices', sliceMinutes: 1 } };
    const r = budgetAt(minutes, { objective, window: rolling('10m'), now });
    expect(r.attainment).toBeCloseTo(3.4 / 4, 12); // the event ratio would be 1101/1112
    expect(r.dataCoverage).toBe(0.5);
    expect(r.budget.unit).toBe('minutes');
    expect(r.budget.total).toBeCloseTo(0.8, 12); // 0.2 × 4 slices × 1 min
    expect(r.budget.consumed).toBeCloseTo(0.6, 12);
    expect(r.budget.remainingFraction).toBeCloseTo(0.25, 12); // 1 − 0.15 / 0.2
  });
});

describe('calendar quarter', () => {
  it('counts only minutes inside the quarter and covers the elapsed part', () => {
    const window: WindowSpec = {
      kind: 'calendar',
      unit: 'Quarter',
      count: 1,
      startTime: '2024-01-01',
      timeZone: 'Europe/Amsterdam',
    };
    const start = Date.parse('2024-03-31T22:00:00Z');
    const at = Date.parse('2024-05-15T10:00:00Z'); // 1 068 hours = 64 080 minutes in
    const minutes = [
      { t: start - MIN, good: 0, total: 1000 }, // last minute of Q1
      { t: start, good: 999, total: 1000 },
      { t: start + 60 * MIN, good: 998, total: 1000 },
      { t: at - MIN, good: 997, total: 1000 },
    ];
    const r = budgetAt(minutes, { objective: occurrences(0.99), window, now: at });
    expect(r.window.end).toBe(Date.parse('2024-06-30T22:00:00Z'));
    expect(r.dataCoverage).toBeCloseTo(3 / 64_080, 15);
    expect(r.attainment).toBeCloseTo(2994 / 3000, 12);
    expect(r.budget.total).toBeCloseTo(30, 9);
    expect(r.budget.consumed).toBe(6);
    expect(r.budget.remainingFraction).toBeCloseTo(0.8, 12);
  });
});

describe('empty and partial windows', () => {
  it('says null, not NaN, when a window has no data', () => {
    const r = budgetAt([], { objective: occurrences(0.999), window: rolling('30d'), now });
    expect(hasNaN(r)).toBe(false);
    expect(r.dataCoverage).toBe(0);
    expect(r.attainment).toBeNull();
    expect(r.errorRate).toBeNull();
    expect(r.budget).toEqual({
      unit: 'events',
      total: 0,
      consumed: 0,
      remaining: 0,
      remainingFraction: null,
    });
    expect(Object.values(r.burnRates).every((b) => b === null)).toBe(true);
    expect(r.forecast).toEqual({ basisMinutes: 360, burnRate: null, exhaustsAt: null });
    // Timeslices budget the whole window: nothing spent yet.
    const t = budgetAt([], { objective: timeslices(0.999, 0.99), window: rolling('30d'), now });
    expect(t.attainment).toBeNull();
    expect(t.budget.remainingFraction).toBe(1);
    expect(hasNaN(t)).toBe(false);
  });

  it('computes over the data there is when minutes are missing, and forecasts now once overspent', () => {
    // Only the last 6 hours of the day have data; 10 minutes lose 10 of 100 events.
    const minutes = series(now - 360 * MIN, 360, (i) => ({ good: i >= 350 ? 90 : 100, total: 100 }));
    const r = budgetAt(minutes, { objective: occurrences(0.999), window: rolling('1d'), now });
    expect(r.dataCoverage).toBe(0.25);
    expect(r.attainment).toBeCloseTo(1 - 100 / 36_000, 12);
    expect(r.budget.total).toBeCloseTo(36, 9);
    expect(r.budget.remaining).toBeCloseTo(-64, 9);
    expect(r.budget.remainingFraction).toBeCloseTo(1 - 100 / 36, 9);
    expect(r.forecast.exhaustsAt).toBe(now);
  });

  it('rejects targets outside [0, 1) and slices that do not divide an hour', () => {
    expect(() => budgetAt([], { objective: occurrences(1), window: rolling('1d'), now })).toThrow(/target/);
    expect(() => budgetAt([], { objective: timeslices(0.9, 0.9, 7), window: rolling('1d'), now })).toThrow(
      /divid/,
    );
  });
});
