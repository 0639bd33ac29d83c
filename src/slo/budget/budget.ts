import {
  burnRates,
  checkTarget,
  errorRate,
  FORECAST_WINDOW_MINUTES,
  type Forecast,
  forecastExhaustion,
} from './burn.js';
import { MINUTE_MS } from './duration.js';
import type { Interval, MinuteCounts, Objective, RangeSum, WindowSpec } from './types.js';
import { toUnits, unitCapacityMinutes, unitMs, unitRangeSum } from './units.js';
import { windowAt } from './window.js';

export interface BudgetOptions {
  readonly objective: Objective;
  readonly window: WindowSpec;
  readonly now: number;
}

/** Error budget in the method's own unit: events (Occurrences) or minutes (the slice methods). */
export interface Budget {
  readonly unit: 'events' | 'minutes';
  readonly total: number;
  readonly consumed: number;
  /** total − consumed; negative once overspent. */
  readonly remaining: number;
  /** 1 − consumed ÷ total; null when there is no budget yet (no data). */
  readonly remainingFraction: number | null;
}

export interface BudgetResult {
  /** The whole period (a calendar period may end in the future). */
  readonly window: Interval;
  /** The part of the period up to now, which the numbers are computed over. */
  readonly elapsed: Interval;
  /** Share of the elapsed minutes that have a stored row; 0 for an empty window. */
  readonly dataCoverage: number;
  /** good ÷ total units; null when no data. */
  readonly attainment: number | null;
  readonly errorRate: number | null;
  readonly budget: Budget;
  /** Burn rates over the rolling alert windows ending at now (`5m` … `3d`). */
  readonly burnRates: Record<string, number | null>;
  readonly forecast: Forecast;
}

/** Budget, burn rates and forecast of one objective from its stored minutes. */
export function budgetAt(minutes: readonly MinuteCounts[], opts: BudgetOptions): BudgetResult {
  const size = unitMs(opts.objective.method);
  return budgetFromSums(unitRangeSum(toUnits(minutes, opts.objective.method), size), opts);
}

/**
 * The same answer from any range-sum source (minutes or rollups).
 * Budget semantics: Occurrences and RatioTimeslices budget over what was seen so far in the
 * period, so remaining = 1 − error rate ÷ (1 − target) (OpenSLO/Sloth). Timeslices budget the
 * whole period's time, (1 − target) × period minutes, as SLAs count downtime: a bad minute is
 * spent for good, and minutes without data spend nothing.
 */
export function budgetFromSums(sum: RangeSum, opts: BudgetOptions): BudgetResult {
  const { target, method } = opts.objective;
  checkTarget(target);
  const size = unitMs(method);
  const window = windowAt(opts.window, opts.now);
  const elapsed = { start: window.start, end: Math.min(opts.now, window.end) };
  const s = sum(elapsed);
  const capacity = unitCapacityMinutes(elapsed, size);
  const rate = errorRate(s);
  const sliceMinutes = size / MINUTE_MS;
  const bad = (s.total - s.good) * (method.kind === 'Occurrences' ? 1 : sliceMinutes);
  const total =
    method.kind === 'Occurrences'
      ? (1 - target) * s.total
      : method.kind === 'RatioTimeslices'
        ? (1 - target) * s.total * sliceMinutes
        : ((1 - target) * (window.end - window.start)) / MINUTE_MS;
  const rates = burnRates(sum, { target, now: opts.now });
  const remainingFraction = total > 0 ? 1 - bad / total : null;
  return {
    window,
    elapsed,
    dataCoverage: capacity > 0 ? s.minutes / capacity : 0,
    attainment: rate === null ? null : 1 - rate,
    errorRate: rate,
    budget: {
      unit: method.kind === 'Occurrences' ? 'events' : 'minutes',
      total,
      consumed: bad,
      remaining: total - bad,
      remainingFraction,
    },
    burnRates: rates,
    forecast: forecastFor({ remainingFraction, rates, window, spec: opts.window, now: opts.now }),
  };
}

/** Forecast from the 6h burn rate, shared with composite objectives. */
export function forecastFor(opts: {
  remainingFraction: number | null;
  rates: Record<string, number | null>;
  window: Interval;
  spec: WindowSpec;
  now: number;
}): Forecast {
  const rate = opts.rates['6h'] ?? null;
  return {
    basisMinutes: FORECAST_WINDOW_MINUTES,
    burnRate: rate,
    exhaustsAt: forecastExhaustion({
      remainingFraction: opts.remainingFraction,
      burnRate: rate,
      periodMs: opts.window.end - opts.window.start,
      now: opts.now,
      resetsAt: opts.spec.kind === 'calendar' ? opts.window.end : null,
    }),
  };
}
