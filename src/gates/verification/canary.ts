/**
 * Kayenta-style canary judgement: each metric of the canary against the baseline with the Mann-Whitney
 * classifier, then the weighted group score. Follows spinnaker/kayenta NetflixACAJudge,
 * MannWhitneyClassifier and WeightedSumScorer (kayenta-judge, 2020+).
 */
import { hodgesLehmann, mannWhitneyU } from './mann-whitney.js';

/** Which change counts against the canary: `increase` flags only a rise (latency, errors). */
export type MetricDirection = 'increase' | 'decrease' | 'either';
export type MetricClassification = 'Pass' | 'High' | 'Low' | 'NoData' | 'NoDataFail';

export interface CanaryMetric {
  name: string;
  group: string;
  canary: readonly number[];
  baseline: readonly number[];
  direction?: MetricDirection;
  /** A critical metric that fails (or has no data) fails the whole canary. */
  critical?: boolean;
  /** No data counts as a failure in the group (Kayenta `mustHaveData`). */
  mustHaveData?: boolean;
  /** Mean ratio canary ÷ baseline a High must reach (default 1) and a Low must stay under (default 1). */
  allowedIncrease?: number;
  allowedDecrease?: number;
  /** Mean ratio a critical High (Low) must reach (stay under) to fail the canary; default 1. */
  criticalIncrease?: number;
  criticalDecrease?: number;
}

export interface CanaryConfig {
  /** Default 0.98, as NetflixACAJudge. */
  confidenceLevel?: number;
  /** Fraction of |Hodges–Lehmann| the interval must clear; default 0.25. */
  tolerance?: number;
  /** Percent per group; groups without one share what is left of 100. */
  groupWeights?: Readonly<Record<string, number>>;
  /** Default pass 95, marginal 75 (Spinnaker's canary stage defaults). */
  thresholds?: { pass: number; marginal: number };
}

export interface CanaryMetricResult {
  name: string;
  group: string;
  classification: MetricClassification;
  /** True when this metric alone fails the canary. */
  criticalFailure: boolean;
  pValue: number | null;
  hodgesLehmann: number | null;
  interval: [number, number] | null;
  /** Mean of the canary ÷ mean of the baseline (1 when the baseline mean is 0). */
  ratio: number | null;
  reason: string;
}

export interface CanaryJudgement {
  score: number;
  result: 'pass' | 'marginal' | 'fail';
  reason: string;
  groups: { name: string; score: number; noData: boolean }[];
  metrics: CanaryMetricResult[];
}

const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
// NaN (and infinities) are gaps in the series, removed as Kayenta's `nanStrategy: remove` does.
const clean = (v: readonly number[]) => v.filter(Number.isFinite);

/** Classifies one metric (Kayenta `MannWhitneyClassifier.classify`). */
export function classifyMetric(metric: CanaryMetric, config: CanaryConfig = {}): CanaryMetricResult {
  const base = { name: metric.name, group: metric.group, pValue: null, hodgesLehmann: null, interval: null };
  const canary = clean(metric.canary);
  const baseline = clean(metric.baseline);
  const critical = metric.critical === true;
  if (canary.length === 0 || baseline.length === 0) {
    const side = canary.length === 0 ? 'canary' : 'baseline';
    const failing = metric.mustHaveData === true && !critical;
    return {
      ...base,
      classification: failing ? 'NoDataFail' : 'NoData',
      criticalFailure: critical,
      ratio: null,
      reason: `no data for ${metric.name} in the ${side}`,
    };
  }
  const sortedC = [...canary].sort((a, b) => a - b);
  const sortedB = [...baseline].sort((a, b) => a - b);
  const identical = sortedC.length === sortedB.length && sortedC.every((v, i) => v === sortedB[i]);
  if (identical || new Set([...canary, ...baseline]).size === 1) {
    return {
      ...base,
      classification: 'Pass',
      criticalFailure: false,
      ratio: 1,
      reason: identical ? 'canary and baseline data are identical' : 'every value is the same',
    };
  }
  const test = mannWhitneyU(canary, baseline);
  const shift = hodgesLehmann(canary, baseline, config.confidenceLevel ?? 0.98);
  const ratio = mean(baseline) === 0 ? 1 : mean(canary) / mean(baseline);
  const bound = (config.tolerance ?? 0.25) * Math.abs(shift.estimate);
  const direction = metric.direction ?? 'either';
  const high = direction !== 'decrease' && shift.lower > bound && ratio >= (metric.allowedIncrease ?? 1);
  const low = direction !== 'increase' && shift.upper < -bound && ratio <= (metric.allowedDecrease ?? 1);
  const classification: MetricClassification = high ? 'High' : low ? 'Low' : 'Pass';
  const criticalFailure =
    critical &&
    ((high && ratio >= (metric.criticalIncrease ?? 1)) || (low && ratio <= (metric.criticalDecrease ?? 1)));
  const interval: [number, number] = [shift.lower, shift.upper];
  const at = `${Math.round((config.confidenceLevel ?? 0.98) * 100)}% interval [${fmt(shift.lower)}, ${fmt(shift.upper)}]`;
  const reason =
    classification === 'Pass'
      ? `${metric.name}: no significant ${direction === 'either' ? 'change' : direction} (${at}, shift ${fmt(shift.estimate)})`
      : `${metric.name} is ${classification === 'High' ? 'higher' : 'lower'} in the canary: shift ${fmt(shift.estimate)}, ${at}, ratio ${fmt(ratio)}${criticalFailure ? ' (critical)' : ''}`;
  return {
    ...base,
    pValue: test.pValue,
    hodgesLehmann: shift.estimate,
    interval,
    classification,
    criticalFailure,
    ratio,
    reason,
  };
}

function fmt(n: number): string {
  return Number(n.toPrecision(4)).toString();
}

/** Kayenta `WeightedSumScorer` and `ThresholdScoreClassifier`. */
export function judgeCanary(config: CanaryConfig, metrics: readonly CanaryMetric[]): CanaryJudgement {
  const results = metrics.map((m) => classifyMetric(m, config));
  const thresholds = config.thresholds ?? { pass: 95, marginal: 75 };
  const names = [...new Set(results.map((r) => r.group))];
  const groups = names.map((name) => {
    const labels = results.filter((r) => r.group === name).map((r) => r.classification);
    const count = (c: MetricClassification) => labels.filter((l) => l === c).length;
    const total = count('Pass') + count('High') + count('Low') + count('NoDataFail');
    return { name, score: total === 0 ? 0 : (count('Pass') / total) * 100, noData: total === 0 };
  });
  const weights = config.groupWeights ?? {};
  const weightSum = Object.values(weights).reduce((a, b) => a + b, 0);
  const unweighted = names.filter((n) => !(n in weights));
  const shared = unweighted.length > 0 ? (100 - weightSum) / unweighted.length : 0;
  // A group with no data at all does not hold the canary back (scores 100 in the sum).
  const sum = groups.reduce(
    (s, g) => s + (g.noData ? 100 : g.score) * ((weights[g.name] ?? shared) / 100),
    0,
  );
  const critical = results.find((r) => r.criticalFailure);
  const noData = results.filter((r) => r.classification === 'NoData').length;
  let score = Math.round(sum * 100) / 100;
  let reason = `score ${score} (pass ≥ ${thresholds.pass}, marginal ≥ ${thresholds.marginal})`;
  if (critical) {
    score = 0;
    reason = `canary failed: ${critical.reason}`;
  } else if (results.length > 0 && (noData / results.length) * 100 >= 50) {
    score = 0;
    reason = 'canary failed: 50% or more metrics returned no data';
  }
  const result = score >= thresholds.pass ? 'pass' : score >= thresholds.marginal ? 'marginal' : 'fail';
  return { score, result, reason, groups, metrics: results };
}
