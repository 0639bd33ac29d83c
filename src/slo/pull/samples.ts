import { InputError } from '../../core/errors.js';
import type { MinuteCounts } from '../budget/types.js';
import type { MetricSource, RatioMetric, Sli } from '../model.js';
import type { Matrix } from './query-range.js';
import { alignDown } from './range-chunks.js';

/**
 * How Throughline turns an SLI query into per-minute counts — one rule for every ratio query:
 *
 *   The query is evaluated at the END of each step (1 minute in production) and its value is read
 *   as a per-second RATE over that step; events in the step = value × step seconds, filed under the
 *   step's start `t`. `{{.window}}` (Sloth's placeholder) becomes the step, so
 *   `sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))` at 1-minute steps gives windows that
 *   tile time with neither gap nor overlap.
 *
 * This is the form OpenSLO's and Sloth's Prometheus examples use (`sum(rate(x[1m]))`). A query
 * written with `increase(x[1m])` still gives the right good/total ratio — only the absolute counts
 * come out 60× too large — and a query over a bare counter (`sum(x)`, OpenSLO `counter: true`) is
 * not differenced: write it as `rate(x[{{.window}}])`. Counts are real numbers, not integers,
 * because Prometheus' rate() extrapolates to the window's edges.
 */

/** One value of a threshold SLI's metric (e.g. p99 latency) at the end of the step starting `t`. */
export interface ValueSample {
  readonly t: number;
  readonly value: number;
}

export type SliSamples =
  | { readonly kind: 'ratio'; readonly samples: readonly MinuteCounts[] }
  | { readonly kind: 'threshold'; readonly samples: readonly ValueSample[] };

/** Steps whose START lies in [start, end), epoch milliseconds; both are aligned down to the step. */
export interface SampleRange {
  readonly start: number;
  readonly end: number;
  /** 60 in production (the store keeps minutes); tests use shorter steps to need less wall time. */
  readonly stepSeconds?: number;
}

/** Runs one query over evaluation times start, start + step, … end (inclusive), e.g. queryRange. */
export type RangeFetcher = (
  query: string,
  range: { readonly start: number; readonly end: number; readonly stepSeconds: number },
) => Promise<Matrix>;

export async function samplesFor(sli: Sli, range: SampleRange, fetcher: RangeFetcher): Promise<SliSamples> {
  const stepSeconds = range.stepSeconds ?? 60;
  const stepMs = stepSeconds * 1000;
  const start = alignDown(range.start, stepMs);
  const end = alignDown(range.end, stepMs);
  if (end <= start) return { kind: sli.metric.type, samples: [] };
  const evaluate = async (source: MetricSource, role: string) => {
    const query = sourceQuery(source, sli.name, role, stepSeconds);
    // Evaluated at the end of each step; each point is filed under its step's start.
    return fetcher(query, { start: start + stepMs, end, stepSeconds });
  };
  if (sli.metric.type === 'threshold') {
    return {
      kind: 'threshold',
      samples: thresholdSamples(await evaluate(sli.metric.metric, 'metric'), stepMs),
    };
  }
  const run: Run = async (source, role) => sumByStep(await evaluate(source, role), stepMs);
  return { kind: 'ratio', samples: await ratioSamples(sli.metric.ratio, run, stepSeconds) };
}

type Run = (source: MetricSource, role: string) => Promise<Map<number, number>>;

async function ratioSamples(r: RatioMetric, run: Run, stepSeconds: number): Promise<MinuteCounts[]> {
  if (r.type === 'raw') {
    const ratios = await run(r.raw, 'raw');
    // Without event counts every step weighs the same: one event, good by the ratio.
    return counts(ratios, (t, v) => {
      const good = clamp(r.rawType === 'success' ? v : 1 - v, 0, 1);
      return { t, good, total: 1 };
    });
  }
  const [part, totals] = await Promise.all([
    r.type === 'good' ? run(r.good, 'good') : run(r.bad, 'bad'),
    run(r.total, 'total'),
  ]);
  return counts(totals, (t, totalRate) => {
    // A selector that matches nothing (no 5xx yet) returns no series, which means zero events.
    const partRate = part.get(t) ?? 0;
    if (!Number.isFinite(partRate)) return undefined;
    const total = totalRate * stepSeconds;
    const good = r.type === 'good' ? partRate * stepSeconds : total - partRate * stepSeconds;
    // good and total come from two queries; keep the budget's invariant 0 ≤ good ≤ total.
    return { t, good: clamp(good, 0, total), total };
  });
}

/** Steps without a finite, non-negative value (no data, 0/0, a negative rate) are left out: no data. */
function counts(
  byStep: Map<number, number>,
  make: (t: number, v: number) => MinuteCounts | undefined,
): MinuteCounts[] {
  const out: MinuteCounts[] = [];
  for (const [t, v] of [...byStep].sort(([a], [b]) => a - b)) {
    const c = Number.isFinite(v) && v >= 0 ? make(t, v) : undefined;
    if (c) out.push(c);
  }
  return out;
}

/** A query without `sum` returns one series per label set; their rates add up to the SLI's. */
function sumByStep(matrix: Matrix, stepMs: number): Map<number, number> {
  const sums = new Map<number, number>();
  for (const s of matrix.series) {
    for (const p of s.points) sums.set(p.t - stepMs, (sums.get(p.t - stepMs) ?? 0) + p.v);
  }
  return sums;
}

/**
 * One value per series and step; ±Inf stays (histogram_quantile's "above all buckets"). Aggregate
 * the query to one series: the store keeps one value per SLI and timestamp, so several would collapse.
 */
function thresholdSamples(matrix: Matrix, stepMs: number): ValueSample[] {
  return matrix.series
    .flatMap((s) => s.points.filter((p) => !Number.isNaN(p.v)).map((p) => ({ t: p.t - stepMs, value: p.v })))
    .sort((a, b) => a.t - b.t);
}

function sourceQuery(source: MetricSource, sli: string, role: string, stepSeconds: number): string {
  if (source.query === undefined || source.query.trim() === '') {
    throw new InputError(`SLI ${sli}: the ${role} metric has no query to pull`, [
      {
        path: `/metric/${role === 'metric' ? role : `ratio/${role}`}/query`,
        message: 'a PromQL query is required',
      },
    ]);
  }
  return expandWindow(source.query, stepSeconds);
}

/** Sloth's `{{.window}}` (spaces allowed) becomes the step as a PromQL duration: `1m`, `5s`, `500ms`. */
export function expandWindow(query: string, stepSeconds: number): string {
  const window =
    stepSeconds % 60 === 0
      ? `${stepSeconds / 60}m`
      : Number.isInteger(stepSeconds)
        ? `${stepSeconds}s`
        : `${Math.round(stepSeconds * 1000)}ms`;
  return query.replace(/\{\{\s*\.window\s*\}\}/g, window);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
