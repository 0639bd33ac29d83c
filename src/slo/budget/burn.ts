import { InputError } from '../../core/errors.js';
import { MINUTE_MS, minutesLabel } from './duration.js';
import type { RangeSum, Sums } from './types.js';

/** The windows the multiwindow alerts look at (SRE Workbook ch. 5, table 5-8), in minutes. */
export const BURN_WINDOWS = [5, 30, 60, 120, 360, 1440, 4320] as const;

/** The burn rate the exhaustion forecast extrapolates: 6h, the slow page window, steadier than 1h. */
export const FORECAST_WINDOW_MINUTES = 360;

export function checkTarget(target: number): void {
  if (!(target >= 0 && target < 1)) throw new InputError(`target ${target} must be in [0, 1)`);
}

/** Share of bad units; null when the interval holds none, never NaN. */
export function errorRate(s: Sums): number | null {
  return s.total > 0 ? 1 - s.good / s.total : null;
}

/** Burn rate = error rate ÷ (1 − objective); 1 spends the budget in exactly one period (SRE Workbook ch. 5). */
export function burnRate(s: Sums, target: number): number | null {
  const rate = errorRate(s);
  return rate === null ? null : rate / (1 - target);
}

/** Burn rates over each alerting window that ends at `now`, keyed `5m`, `30m`, `1h`, … */
export function burnRates(
  sum: RangeSum,
  opts: { target: number; now: number },
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const w of BURN_WINDOWS) {
    out[minutesLabel(w)] = burnRate(sum({ start: opts.now - w * MINUTE_MS, end: opts.now }), opts.target);
  }
  return out;
}

export interface Forecast {
  readonly basisMinutes: number;
  readonly burnRate: number | null;
  /** When the budget runs out at the current burn; `now` if already spent; null if it never does. */
  readonly exhaustsAt: number | null;
}

/**
 * Linear forecast: at burn rate b the whole budget lasts one period P, so what remains (a
 * fraction r) lasts r × P ÷ b (SRE Workbook ch. 5). Null when not burning, when the remaining
 * budget is unknown, or when a calendar period resets before the budget runs out.
 */
export function forecastExhaustion(opts: {
  remainingFraction: number | null;
  burnRate: number | null;
  periodMs: number;
  now: number;
  resetsAt: number | null;
}): number | null {
  const { remainingFraction: r, burnRate: b, periodMs, now, resetsAt } = opts;
  if (r === null || b === null) return null;
  if (r <= 0) return now;
  if (b <= 0) return null;
  const at = now + Math.round((r * periodMs) / b);
  return resetsAt !== null && at >= resetsAt ? null : at;
}
