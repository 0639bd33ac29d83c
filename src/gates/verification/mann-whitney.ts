/**
 * Mann-Whitney U (Wilcoxon rank-sum) test with the normal approximation, and the Hodges–Lehmann shift
 * with its confidence interval, as R's `wilcox.test(x, y, conf.int = TRUE, exact = FALSE, correct = TRUE)`
 * computes them and Kayenta's `MannWhitney.scala` ports it: tie-corrected variance, continuity correction.
 */
import { normalCdf, normalQuantile } from './normal.js';

/** Average ranks (1-based) and the sizes of the tie groups. */
export function rankWithTies(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  const ties: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    ties.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, ties };
}

/** σ of U under H0 with the tie correction: √(n₁n₂/12 · ((N+1) − Σ(t³−t)/(N(N−1)))) (R `wilcox.test`). */
export function uSigma(nx: number, ny: number, ties: readonly number[]): number {
  const n = nx + ny;
  const tieSum = ties.reduce((s, t) => s + t ** 3 - t, 0);
  return Math.sqrt(((nx * ny) / 12) * (n + 1 - tieSum / (n * (n - 1))));
}

export interface MannWhitneyTest {
  /** U of x: pairs with x > y, ties counting ½ (R's W). */
  u: number;
  /** U of y = n₁n₂ − u. */
  uY: number;
  z: number;
  /** Two-sided; NaN when every observation is tied. */
  pValue: number;
}

/** Two-sided test of x against y; z = (U − n₁n₂/2 − ½·sign(U − n₁n₂/2)) / σ (R `wilcox.test`, correct = TRUE). */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyTest {
  const nx = x.length;
  const ny = y.length;
  const { ranks, ties } = rankWithTies([...x, ...y]);
  const rankSumX = ranks.slice(0, nx).reduce((a, b) => a + b, 0);
  const u = rankSumX - (nx * (nx + 1)) / 2;
  const d = u - (nx * ny) / 2;
  const sigma = uSigma(nx, ny, ties);
  const z = sigma === 0 ? Number.NaN : (d - 0.5 * Math.sign(d)) / sigma;
  return {
    u,
    uY: nx * ny - u,
    z,
    pValue: Number.isNaN(z) ? Number.NaN : Math.min(1, 2 * normalCdf(-Math.abs(z))),
  };
}

export interface ShiftEstimate {
  /** Hodges–Lehmann: the median of all differences xᵢ − yⱼ. */
  estimate: number;
  lower: number;
  upper: number;
}

function median(sorted: readonly number[]): number {
  const m = sorted.length;
  return m % 2 === 1 ? sorted[(m - 1) / 2]! : (sorted[m / 2 - 1]! + sorted[m / 2]!) / 2;
}

/**
 * The shift of x against y with its confidence interval. R finds the interval as the roots of
 * (U(μ) − n₁n₂/2 ∓ ½)/σ = ±z by `uniroot`; U(μ) steps at the sorted differences d₍ₖ₎, so the roots are
 * exactly d₍ₖ₎ with k = ⌈M/2 − ½ − zσ⌉ and d₍ₖ₎ with k = ⌊M/2 + ½ + zσ⌋ + 1, M = n₁n₂ (Hollander & Wolfe §4.3
 * with continuity correction). σ uses the ties within each sample, the only ties between the steps.
 */
export function hodgesLehmann(
  x: readonly number[],
  y: readonly number[],
  confidenceLevel: number,
): ShiftEstimate {
  const diffs = x.flatMap((a) => y.map((b) => a - b)).sort((a, b) => a - b);
  const m = diffs.length;
  const sigma = uSigma(x.length, y.length, [...rankWithTies(x).ties, ...rankWithTies(y).ties]);
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const lowerIndex = Math.min(m, Math.max(1, Math.ceil(m / 2 - 0.5 - z * sigma)));
  const upperIndex = Math.max(1, Math.min(m, Math.floor(m / 2 + 0.5 + z * sigma) + 1));
  return { estimate: median(diffs), lower: diffs[lowerIndex - 1]!, upper: diffs[upperIndex - 1]! };
}
