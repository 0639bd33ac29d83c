import { InputError } from '../../core/errors.js';
import { type BudgetResult, budgetFromSums, forecastFor } from './budget.js';
import { BURN_WINDOWS, checkTarget, type Forecast, errorRate as rateOf } from './burn.js';
import { MINUTE_MS, minutesLabel } from './duration.js';
import type { Interval, MinuteCounts, Objective, RangeSum, WindowSpec } from './types.js';
import { toUnits, unitMs, unitRangeSum } from './units.js';

export interface CompositeComponent {
  /** OpenSLO `compositeWeight`; positive. */
  readonly weight: number;
  readonly objective: Objective;
  readonly minutes: readonly MinuteCounts[];
}

export interface CompositeOptions {
  /** Target of the composite itself, in [0, 1). */
  readonly target: number;
  readonly window: WindowSpec;
  readonly now: number;
}

export interface CompositeResult {
  readonly window: Interval;
  readonly elapsed: Interval;
  /** Weighted mean of the components' coverage. */
  readonly dataCoverage: number;
  /** Weighted mean of the components' attainment, over components with data; null if none has. */
  readonly attainment: number | null;
  readonly errorRate: number | null;
  /** 1 − composite error rate ÷ (1 − composite target). */
  readonly remainingFraction: number | null;
  readonly burnRates: Record<string, number | null>;
  readonly forecast: Forecast;
  readonly components: readonly (BudgetResult & { readonly weight: number })[];
}

/** Weighted mean of the values that exist, weights renormalised over them (absent ≠ zero). */
function weightedMean(pairs: readonly { weight: number; value: number | null }[]): number | null {
  let w = 0;
  let sum = 0;
  for (const p of pairs) {
    if (p.value === null) continue;
    w += p.weight;
    sum += p.weight * p.value;
  }
  return w > 0 ? sum / w : null;
}

/**
 * A composite objective: attainment is the weighted average of its components' attainment
 * (OpenSLO `compositeWeight`), and its budget and burn rates are computed on that composite.
 */
export function compositeBudget(
  components: readonly CompositeComponent[],
  opts: CompositeOptions,
): CompositeResult {
  checkTarget(opts.target);
  if (components.length === 0) throw new InputError('a composite objective needs components');
  const sums = components.map((c) => {
    if (!(c.weight > 0 && Number.isFinite(c.weight)))
      throw new InputError('compositeWeight must be positive');
    const sum: RangeSum = unitRangeSum(toUnits(c.minutes, c.objective.method), unitMs(c.objective.method));
    return { weight: c.weight, sum, result: budgetFromSums(sum, { ...opts, objective: c.objective }) };
  });
  const first = sums[0]!.result;
  const attainment = weightedMean(sums.map((c) => ({ weight: c.weight, value: c.result.attainment })));
  const errorRate = attainment === null ? null : 1 - attainment;
  const burnRates: Record<string, number | null> = {};
  for (const w of BURN_WINDOWS) {
    const key = minutesLabel(w);
    const interval = { start: opts.now - w * MINUTE_MS, end: opts.now };
    const rate = weightedMean(sums.map((c) => ({ weight: c.weight, value: rateOf(c.sum(interval)) })));
    burnRates[key] = rate === null ? null : rate / (1 - opts.target);
  }
  const remainingFraction = errorRate === null ? null : 1 - errorRate / (1 - opts.target);
  return {
    window: first.window,
    elapsed: first.elapsed,
    dataCoverage: weightedMean(sums.map((c) => ({ weight: c.weight, value: c.result.dataCoverage }))) ?? 0,
    attainment,
    errorRate,
    remainingFraction,
    burnRates,
    forecast: forecastFor({
      remainingFraction,
      rates: burnRates,
      window: first.window,
      spec: opts.window,
      now: opts.now,
    }),
    components: sums.map((c) => ({ ...c.result, weight: c.weight })),
  };
}
