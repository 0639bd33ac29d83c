import { describe, expect, it } from 'vitest';
import { hodgesLehmann, mannWhitneyU, rankWithTies, uSigma } from './mann-whitney.js';

describe('rankWithTies', () => {
  it('gives tied values their average rank', () => {
    expect(rankWithTies([3, 4, 4, 7, 1, 2, 4, 5])).toEqual({
      ranks: [3, 5, 5, 8, 1, 2, 5, 7],
      ties: [1, 1, 1, 3, 1, 1],
    });
  });
});

describe('mannWhitneyU', () => {
  it('computes U, z and p by hand on a small sample with ties', () => {
    // x = 3 4 4 7, y = 1 2 4 5. Ranks of x: 3 + 5 + 5 + 8 = 21, U = 21 − 4·5/2 = 11 (pairs: 2 + 2.5 + 2.5 + 4).
    // σ² = 16/12 · (9 − (3³ − 3)/(8·7)) = 80/7; z = (11 − 8 − 0.5)/√(80/7) = 0.7395100; p = 2(1 − Φ(z)) = 0.4595974.
    const r = mannWhitneyU([3, 4, 4, 7], [1, 2, 4, 5]);
    expect(r.u).toBe(11);
    expect(r.uY).toBe(5);
    expect(uSigma(4, 4, [1, 1, 1, 3, 1, 1]) ** 2).toBeCloseTo(80 / 7, 12);
    expect(r.z).toBeCloseTo(0.73951, 5);
    expect(r.pValue).toBeCloseTo(0.4595974, 6);
  });

  it('agrees with a published example', () => {
    // R. Shier, "Statistics: 2.3 The Mann-Whitney U Test", Mathematics Learning Support Centre (2004),
    // reproduced in scipy.stats.mannwhitneyu's documentation: age at diagnosis, U_M = 17, U_F = 3;
    // normal approximation with continuity correction p = 0.11134688653314041.
    const males = [19, 22, 16, 29, 24];
    const females = [20, 11, 17, 12];
    const r = mannWhitneyU(males, females);
    expect(r.u).toBe(17);
    expect(r.uY).toBe(3);
    // z = (17 − 10 − 0.5)/√(5·4·10/12)
    expect(r.z).toBeCloseTo(6.5 / Math.sqrt(200 / 12), 12);
    expect(r.pValue).toBeCloseTo(0.11134688653314041, 12);
    // The test is symmetric: swapping the samples only changes the sign of z.
    expect(mannWhitneyU(females, males).pValue).toBeCloseTo(r.pValue, 14);
  });

  it('has no p-value when every observation is tied', () => {
    expect(mannWhitneyU([2, 2], [2, 2, 2]).pValue).toBeNaN();
  });
});

describe('hodgesLehmann', () => {
  // x = 5 7 9, y = 1 2 6: differences sorted −1 1 3 3 4 5 6 7 8 (M = 9); median 4.
  const x = [5, 7, 9];
  const y = [1, 2, 6];

  it('is the median of the pairwise differences', () => {
    expect(hodgesLehmann(x, y, 0.8).estimate).toBe(4);
    expect(hodgesLehmann([1, 2], [0, 0.5], 0.8).estimate).toBe(1.25);
  });

  it('inverts the test for its interval', () => {
    // σ = √(3·3·7/12) = 2.2913; at 80 %, z = 1.28155, zσ = 2.9364:
    // lower index ⌈4.5 − 0.5 − 2.9364⌉ = 2 → 1; upper index ⌊4.5 + 0.5 + 2.9364⌋ + 1 = 8 → 7.
    expect(hodgesLehmann(x, y, 0.8)).toEqual({ estimate: 4, lower: 1, upper: 7 });
    // At 98 %, zσ = 5.3303 reaches past both ends: the interval is [min, max] of the differences.
    expect(hodgesLehmann(x, y, 0.98)).toEqual({ estimate: 4, lower: -1, upper: 8 });
  });

  it('is a point for two constant samples', () => {
    expect(hodgesLehmann([5, 5, 5], [3, 3], 0.98)).toEqual({ estimate: 2, lower: 2, upper: 2 });
  });

  it("matches R's root-finding on a larger sample", () => {
    // x = 11..30, y = 1..20: the differences are 10 + m, m = −19..19, each 20 − |m| times (M = 400).
    // σ = √(400·41/12) = 36.968; 98 %: zσ = 86.0015; lower index ⌈200 − 0.5 − 86.0015⌉ = 114, which falls in
    // m = −5 (the first 15 values of m hold 1 + … + 15 = 120 differences) → 5; by symmetry the upper is 15.
    // R's uniroot on the same equations (ported to scipy brentq) gives 5.0000000006 and 14.9999999994.
    const xs = Array.from({ length: 20 }, (_, i) => i + 11);
    const ys = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(hodgesLehmann(xs, ys, 0.98)).toEqual({ estimate: 10, lower: 5, upper: 15 });
  });
});
