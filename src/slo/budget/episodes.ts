import { alertWindows, type Severity } from './alert-windows.js';
import { evaluateAlertsFromSums } from './alerts.js';
import { checkTarget } from './burn.js';
import { MINUTE_MS } from './duration.js';
import type { BudgetingMethod, MinuteCounts } from './types.js';
import { toUnits, unitMs, unitRangeSum } from './units.js';

/** A stretch during which an alert fired: [start, end); end is null while it still fires at `to`. */
export interface Episode {
  readonly start: number;
  readonly end: number | null;
}

export interface EpisodeOptions {
  readonly objective: number;
  readonly periodDays: number;
  /** First and last evaluation instants; evaluated at every minute boundary in [from, to]. */
  readonly from: number;
  readonly to: number;
  readonly method?: BudgetingMethod;
}

/**
 * Walks a series minute by minute, as a scheduler evaluating each minute would, and returns the
 * episodes of each severity. Window sums come from prefix sums, so each step costs O(log n)
 * regardless of window length instead of re-summing 3 days of minutes.
 */
export function alertEpisodes(
  minutes: readonly MinuteCounts[],
  opts: EpisodeOptions,
): Record<Severity, Episode[]> {
  checkTarget(opts.objective);
  const method = opts.method ?? { kind: 'Occurrences' };
  const sum = unitRangeSum(toUnits(minutes, method), unitMs(method));
  const table = alertWindows(opts.periodDays);
  const out: Record<Severity, Episode[]> = { page: [], ticket: [] };
  const open: Record<Severity, number | null> = { page: null, ticket: null };
  const first = Math.ceil(opts.from / MINUTE_MS) * MINUTE_MS;
  for (let now = first; now <= opts.to; now += MINUTE_MS) {
    const result = evaluateAlertsFromSums(sum, table, { objective: opts.objective, now });
    for (const severity of ['page', 'ticket'] as const) {
      const since = open[severity];
      if (result[severity].firing && since === null) open[severity] = now;
      if (!result[severity].firing && since !== null) {
        out[severity].push({ start: since, end: now });
        open[severity] = null;
      }
    }
  }
  for (const severity of ['page', 'ticket'] as const) {
    const since = open[severity];
    if (since !== null) out[severity].push({ start: since, end: null });
  }
  return out;
}
