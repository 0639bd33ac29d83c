import type { DataSource } from '../model.js';
import { queryRange } from './query-range.js';
import { alignDown, splitRange } from './range-chunks.js';
import { type RangeFetcher, type SliSamples, samplesFor } from './samples.js';
import { type PullTarget, prometheusUrl } from './targets.js';

/** Samples of one SLI for the steps starting in [start, end); the store may replace that range. */
export type SampleBatch = SliSamples & {
  readonly start: number;
  readonly end: number;
  readonly stepSeconds: number;
};

/**
 * Where pulled samples go, e.g. `(name, batch) => writeSamples(db, name, batch.samples)`. The store
 * keeps the last write per SLI and minute, so writing a range twice is harmless: that is what makes
 * a re-run over the same range (after a crash before lastPulled was saved) idempotent.
 */
export type SampleSink = (sliName: string, batch: SampleBatch) => Promise<void> | void;

/** The slice of a pino logger the puller uses. */
export interface PullLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface PullConfig {
  /** How far back a first run or a run after downtime reaches; older gaps stay gaps. Default 7 days. */
  readonly backfillLimitMs?: number;
  /** How far behind now the pull stops, so Prometheus has scraped and ingested the step. Default 1 min. */
  readonly delayMs?: number;
  /** Default 60: the store keeps minutes. */
  readonly stepSeconds?: number;
  /** Steps per query and per sink call, to bound memory and request size. Default 1440 (a day of minutes). */
  readonly chunkSteps?: number;
  /** How to reach a data source; default: queryRange on `connectionDetails.url`, no headers. */
  readonly connect?: (dataSource: DataSource) => RangeFetcher;
}

export interface PullRun {
  readonly now: number;
  readonly sources: readonly PullTarget[];
  /** Per SLI name: every step starting before this time has been written. Absent: never pulled. */
  readonly lastPulled: Readonly<Record<string, number>>;
  readonly sink: SampleSink;
  readonly log: PullLog;
}

export const DEFAULT_BACKFILL_LIMIT_MS = 7 * 24 * 3_600_000;

/**
 * Pulls every target from max(lastPulled, now − backfillLimit) to now − delay, oldest chunk first,
 * and returns the new lastPulled per SLI for the caller to persist. A failing SLI keeps the
 * position of its last written chunk and is retried from there next run; the others go on.
 */
export async function pullOnce(options: PullRun & PullConfig): Promise<Record<string, number>> {
  const stepSeconds = options.stepSeconds ?? 60;
  const stepMs = stepSeconds * 1000;
  const to = alignDown(options.now - (options.delayMs ?? 60_000), stepMs);
  const floor = alignDown(options.now - (options.backfillLimitMs ?? DEFAULT_BACKFILL_LIMIT_MS), stepMs);
  const connect = options.connect ?? defaultConnect(options.log);
  const next: Record<string, number> = { ...options.lastPulled };
  for (const { sli, dataSource } of options.sources) {
    const last = options.lastPulled[sli.name];
    const from = Math.max(alignDown(last ?? floor, stepMs), floor);
    try {
      const fetcher = connect(dataSource);
      for (const chunk of splitRange({ start: from, end: to, stepMs }, options.chunkSteps ?? 1440)) {
        const samples = await samplesFor(sli, { ...chunk, stepSeconds }, fetcher);
        await options.sink(sli.name, { ...samples, start: chunk.start, end: chunk.end, stepSeconds });
        next[sli.name] = chunk.end;
      }
      if (next[sli.name] !== last)
        options.log.info({ sli: sli.name, from, to: next[sli.name] }, 'SLI pulled');
    } catch (err) {
      options.log.warn(
        { err, sli: sli.name, dataSource: dataSource.name, pulledUntil: next[sli.name] },
        'SLI pull failed; it resumes from pulledUntil on the next run',
      );
    }
  }
  return next;
}

function defaultConnect(log: PullLog): (dataSource: DataSource) => RangeFetcher {
  return (dataSource) => {
    const baseUrl = prometheusUrl(dataSource);
    return async (query, range) => {
      const matrix = await queryRange({ baseUrl, query, ...range });
      if (matrix.warnings.length > 0) {
        log.warn({ dataSource: dataSource.name, query, warnings: matrix.warnings }, 'Prometheus warned');
      }
      return matrix;
    };
  };
}

/** The puller with its configuration bound, for a scheduler that calls pullOnce every minute. */
export class PrometheusPuller {
  constructor(private readonly config: PullConfig = {}) {}

  pullOnce(run: PullRun): Promise<Record<string, number>> {
    return pullOnce({ ...this.config, ...run });
  }
}
