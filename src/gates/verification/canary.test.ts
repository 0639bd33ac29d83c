import { describe, expect, it } from 'vitest';
import { type CanaryMetric, classifyMetric, judgeCanary } from './canary.js';

const baseline = [100, 102, 98, 101, 99, 103, 97, 100, 102, 98];
const metric = (m: Partial<CanaryMetric>): CanaryMetric => ({
  name: 'latency',
  group: 'latency',
  canary: baseline,
  baseline,
  ...m,
});

describe('classifyMetric', () => {
  it('classifies a clear increase as High, with the test by hand', () => {
    // Differences (10 + i) − (1 + j) run 6..14, median 10. σ = √(25·11/12) = 4.7871, z₀.₉₉ σ = 11.137:
    // interval indexes ⌈12 − 11.137⌉ = 1 and ⌊13 + 11.137⌋ + 1 = 25 → [6, 14]; 6 > 0.25·10 → High.
    // U = 25, z = (25 − 12.5 − 0.5)/4.7871 = 2.5067, p = 0.012186.
    const r = classifyMetric(metric({ canary: [11, 12, 13, 14, 15], baseline: [1, 2, 3, 4, 5] }));
    expect(r.classification).toBe('High');
    expect(r.hodgesLehmann).toBe(10);
    expect(r.interval).toEqual([6, 14]);
    expect(r.pValue).toBeCloseTo(0.012186, 6);
    expect(r.ratio).toBeCloseTo(13 / 3, 12);
    expect(r.reason).toMatch(/^latency is higher in the canary: shift 10, 98% interval \[6, 14\]/);
  });

  it('flags only the configured direction', () => {
    const up = baseline.map((v) => v + 20);
    expect(classifyMetric(metric({ canary: up, direction: 'increase' })).classification).toBe('High');
    expect(classifyMetric(metric({ canary: up, direction: 'decrease' })).classification).toBe('Pass');
    const down = baseline.map((v) => v - 20);
    expect(classifyMetric(metric({ canary: down })).classification).toBe('Low');
    expect(classifyMetric(metric({ canary: down, direction: 'increase' })).classification).toBe('Pass');
  });

  it('passes equal distributions', () => {
    const shuffled = [98, 100, 103, 97, 102, 98, 101, 99, 100, 102];
    expect(classifyMetric(metric({ canary: shuffled }))).toMatchObject({
      classification: 'Pass',
      reason: 'canary and baseline data are identical',
    });
    const similar = [99, 101, 100, 98, 102, 100, 97, 103, 101, 99];
    const r = classifyMetric(metric({ canary: similar }));
    expect(r.classification).toBe('Pass');
    expect(r.interval![0]).toBeLessThan(0);
    expect(r.interval![1]).toBeGreaterThan(0);
  });

  it('needs the effect size to reach the allowed increase', () => {
    const up = baseline.map((v) => v + 20);
    expect(classifyMetric(metric({ canary: up, allowedIncrease: 1.5 })).classification).toBe('Pass');
    expect(classifyMetric(metric({ canary: up, allowedIncrease: 1.1 })).classification).toBe('High');
  });

  it('has no data when either side is empty or only NaN', () => {
    expect(classifyMetric(metric({ canary: [Number.NaN, Number.NaN] }))).toMatchObject({
      classification: 'NoData',
      criticalFailure: false,
      reason: 'no data for latency in the canary',
    });
    expect(classifyMetric(metric({ baseline: [], mustHaveData: true })).classification).toBe('NoDataFail');
    expect(classifyMetric(metric({ baseline: [], critical: true })).criticalFailure).toBe(true);
  });
});

describe('judgeCanary', () => {
  const up = baseline.map((v) => v + 20);
  const metrics: CanaryMetric[] = [
    metric({ name: 'p99', group: 'latency', canary: up }),
    metric({ name: 'p50', group: 'latency' }),
    metric({ name: 'errors', group: 'errors' }),
  ];

  it('averages groups with equal weights: latency 50, errors 100 → 75, marginal', () => {
    const r = judgeCanary({}, metrics);
    expect(r.groups).toEqual([
      { name: 'latency', score: 50, noData: false },
      { name: 'errors', score: 100, noData: false },
    ]);
    expect(r.score).toBe(75);
    expect(r.result).toBe('marginal');
  });

  it('weights groups, sharing what is left among unweighted ones', () => {
    expect(judgeCanary({ groupWeights: { latency: 60, errors: 40 } }, metrics).score).toBe(70);
    expect(judgeCanary({ groupWeights: { latency: 80 } }, metrics).score).toBe(60);
    expect(
      judgeCanary({ groupWeights: { latency: 20 }, thresholds: { pass: 90, marginal: 50 } }, metrics),
    ).toMatchObject({ score: 90, result: 'pass' });
  });

  it('scores 0 when a critical metric fails', () => {
    const r = judgeCanary({}, [{ ...metrics[0]!, critical: true }, metrics[1]!, metrics[2]!]);
    expect(r).toMatchObject({ score: 0, result: 'fail' });
    expect(r.reason).toMatch(/^canary failed: p99 is higher in the canary.*\(critical\)$/);
  });

  it('counts a required metric without data against its group', () => {
    const r = judgeCanary({}, [metric({ name: 'a' }), metric({ name: 'b', canary: [], mustHaveData: true })]);
    expect(r.groups[0]!.score).toBe(50);
  });

  it('scores 0 when half the metrics have no data', () => {
    const r = judgeCanary({}, [metric({ name: 'a' }), metric({ name: 'b', group: 'other', canary: [] })]);
    expect(r).toMatchObject({
      score: 0,
      result: 'fail',
      reason: 'canary failed: 50% or more metrics returned no data',
    });
    // One in three is not enough; a group with no data at all counts as 100 in the sum.
    const ok = judgeCanary({}, [
      metric({ name: 'a' }),
      metric({ name: 'c' }),
      metric({ name: 'b', group: 'other', canary: [] }),
    ]);
    expect(ok).toMatchObject({ score: 100, result: 'pass' });
  });
});
