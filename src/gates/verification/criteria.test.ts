import { describe, expect, it } from 'vitest';
import { aggregate, criterionTarget, keptnPercentile, parseCriterion } from './criteria.js';

function parsed(text: string) {
  const c = parseCriterion(text);
  if ('error' in c) throw new Error(c.error);
  return c;
}

describe('parseCriterion (Keptn parseCriteriaString)', () => {
  it('reads a fixed threshold', () => {
    expect(parsed('<600')).toMatchObject({ operator: '<', amount: 600, relative: false });
    expect(parsed('< 600')).toMatchObject({ operator: '<', amount: 600, relative: false });
    expect(parsed('=0')).toMatchObject({ operator: '=', amount: 0, relative: false });
    expect(parsed('>=99.5')).toMatchObject({ operator: '>=', amount: 99.5, relative: false });
  });

  it('reads relative criteria: a sign or a % makes a criterion relative', () => {
    expect(parsed('<=+10%')).toMatchObject({
      operator: '<=',
      amount: 10,
      relative: true,
      percent: true,
      increase: true,
    });
    expect(parsed('>=-5%')).toMatchObject({
      operator: '>=',
      amount: 5,
      relative: true,
      percent: true,
      increase: false,
    });
    expect(parsed('<+50')).toMatchObject({
      operator: '<',
      amount: 50,
      relative: true,
      percent: false,
      increase: true,
    });
    // Keptn issue #1498: a bare % is an increase.
    expect(parsed('<=10%')).toMatchObject({ relative: true, percent: true, increase: true });
    // A minus sign is a relative decrease in Keptn, not a negative threshold.
    expect(parsed('<-5')).toMatchObject({ relative: true, percent: false, increase: false, amount: 5 });
  });

  it('rejects what Keptn cannot parse', () => {
    for (const bad of ['600', '=>5', '<abc', '<', '<=+%', '<>5', '!=3', '<5%%']) {
      expect(parseCriterion(bad), bad).toHaveProperty('error');
    }
  });

  it('computes targets as evaluateComparison does', () => {
    expect(criterionTarget(parsed('<=+10%'), 500)).toBeCloseTo(550, 12);
    expect(criterionTarget(parsed('>=-5%'), 200)).toBe(190);
    expect(criterionTarget(parsed('<+50'), 500)).toBe(550);
    expect(criterionTarget(parsed('<-5'), 500)).toBe(495);
    expect(criterionTarget(parsed('<600'), 500)).toBe(600);
    expect(criterionTarget(parsed('<=+10%'), null)).toBeNull();
  });
});

describe('aggregates of previous values', () => {
  it('averages', () => {
    expect(aggregate([400, 500, 600], 'avg')).toBe(500);
    expect(aggregate([], 'avg')).toBeNull();
  });

  it('takes percentiles at position p·(n+1) with linear interpolation (Keptn calculatePercentile)', () => {
    // 10 values 100..1000: p90 position 9.9 → 900 + 0.9 · (1000 − 900) = 990.
    const tens = [1000, 100, 200, 300, 400, 500, 600, 700, 800, 900];
    expect(keptnPercentile(tens, 0.9)).toBeCloseTo(990, 10);
    expect(aggregate(tens, 'p90')).toBeCloseTo(990, 10);
    // 4 values: p50 position 2.5 → 200 + 0.5 · 100.
    expect(aggregate([400, 100, 300, 200], 'p50')).toBe(250);
    // 3 values: p90 position 3.6 ≥ n → the largest; p10 position 0.4 < 1 → the smallest.
    expect(aggregate([400, 600, 500], 'p90')).toBe(600);
    expect(keptnPercentile([400, 600, 500], 0.1)).toBe(400);
    expect(aggregate([7], 'p95')).toBe(7);
  });
});
