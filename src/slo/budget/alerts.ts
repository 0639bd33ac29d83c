import { type AlertWindow, alertWindows, type Severity } from './alert-windows.js';
import { checkTarget, errorRate } from './burn.js';
import { MINUTE_MS } from './duration.js';
import type { BudgetingMethod, MinuteCounts, RangeSum } from './types.js';
import { toUnits, unitMs, unitRangeSum } from './units.js';

export interface AlertOptions {
  /** The SLO target, e.g. 0.999. */
  readonly objective: number;
  readonly periodDays: number;
  readonly now: number;
  /** Defaults to Occurrences (event error ratio, as Sloth alerts on). */
  readonly method?: BudgetingMethod;
}

export interface PairResult {
  readonly long: string;
  readonly short: string;
  readonly factor: number;
  readonly longRate: number | null;
  readonly shortRate: number | null;
  /** factor × (1 − objective). */
  readonly threshold: number;
  readonly firing: boolean;
}

export interface SeverityResult {
  readonly firing: boolean;
  readonly pairs: readonly PairResult[];
}

export type AlertResult = Record<Severity, SeverityResult>;

/** Evaluates the alert table at `now` against any range-sum source. */
export function evaluateAlertsFromSums(
  sum: RangeSum,
  table: readonly AlertWindow[],
  opts: { objective: number; now: number },
): AlertResult {
  const rate = (minutes: number) => errorRate(sum({ start: opts.now - minutes * MINUTE_MS, end: opts.now }));
  const result: Record<Severity, PairResult[]> = { page: [], ticket: [] };
  for (const w of table) {
    const threshold = w.factor * (1 - opts.objective);
    const longRate = rate(w.longMinutes);
    const shortRate = rate(w.shortMinutes);
    // Both windows must exceed the threshold: long for significance, short so it resets fast
    // (SRE Workbook ch. 5, "multiwindow, multi-burn-rate alerts"). No data never fires.
    const firing = longRate !== null && shortRate !== null && longRate > threshold && shortRate > threshold;
    result[w.severity].push({
      long: w.long,
      short: w.short,
      factor: w.factor,
      longRate,
      shortRate,
      threshold,
      firing,
    });
  }
  return {
    page: { firing: result.page.some((p) => p.firing), pairs: result.page },
    ticket: { firing: result.ticket.some((p) => p.firing), pairs: result.ticket },
  };
}

/** Page and ticket alerts at `now`; each severity ORs its two window pairs. */
export function evaluateAlerts(minutes: readonly MinuteCounts[], opts: AlertOptions): AlertResult {
  checkTarget(opts.objective);
  const method = opts.method ?? { kind: 'Occurrences' };
  const sum = unitRangeSum(toUnits(minutes, method), unitMs(method));
  return evaluateAlertsFromSums(sum, alertWindows(opts.periodDays), opts);
}
