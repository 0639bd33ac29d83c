import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, MetricSource, Sli } from '../model.js';
import { PrometheusQueryError } from './errors.js';
import { type PullLog, pullOnce, type SampleBatch } from './pull-once.js';
import { queryRange } from './query-range.js';
import { alignDown } from './range-chunks.js';
import { type RangeFetcher, type SliSamples, samplesFor } from './samples.js';
import {
  DEMO_RATES,
  freePort,
  type PrometheusHarness,
  prometheusPresent,
  sleep,
  startPrometheus,
} from './testing.js';

// Minute steps would need minutes of data; 5 s steps over a 1 s scrape interval keep the test short
// and exercise the same arithmetic (rate × step seconds), with `{{.window}}` expanded to `5s`.
const STEP = 5;
const STEP_MS = STEP * 1000;
const DELAY_MS = 2000;
const TOTAL_RATE = DEMO_RATES['200'] + DEMO_RATES['500'];
/**
 * rate() divides the increase between the first and last sample in the window by their distance
 * and extrapolates to the window's edges — exact for a counter linear in time. What remains is the
 * gap between Prometheus' scrape timestamp and the exporter reading its clock (milliseconds, and
 * jittered by scheduling) over a ~4 s sample span: well under 1 %; 3 % leaves room for a loaded CI.
 */
const TOLERANCE = 0.03;

const present = prometheusPresent();
let prom: PrometheusHarness;
/** The first step whose whole window lies after the series appeared, so it is fully scraped. */
let firstFull: number;

const source = (query: string): MetricSource => ({
  type: 'Prometheus',
  dataSourceRef: 'prom',
  query,
  spec: {},
});
const rate = (selector: string) => `sum(rate(demo_requests_total${selector}[{{.window}}]))`;
const ratioSli = (name: string, ratio: Extract<Sli['metric'], { type: 'ratio' }>['ratio']): Sli => ({
  kind: 'SLI',
  name,
  metric: { type: 'ratio', ratio },
});
const goodSli = ratioSli('demo-availability', {
  type: 'good',
  good: source(rate('{code!~"5.."}')),
  total: source(rate('')),
});
const fetcher = (): RangeFetcher => (query, range) => queryRange({ baseUrl: prom.baseUrl, query, ...range });
const silentLog = (): PullLog & { warnings: object[] } => {
  const warnings: object[] = [];
  return { warnings, info() {}, warn: (fields) => void warnings.push(fields) };
};
const counts = (r: SliSamples) => (r.kind === 'ratio' ? r.samples : expect.unreachable('ratio samples'));
const values = (r: SliSamples) => (r.kind === 'threshold' ? r.samples : expect.unreachable('values'));
const near = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected) / expected).toBeLessThan(TOLERANCE);

describe.skipIf(!present)('pulling SLI samples from a real Prometheus', () => {
  beforeAll(async () => {
    prom = await startPrometheus();
    firstFull = alignDown(prom.seenAt, STEP_MS) + STEP_MS;
    // Three full steps, each pulled only once it is DELAY_MS old.
    const ready = firstFull + 3 * STEP_MS + DELAY_MS;
    await sleep(Math.max(0, ready - Date.now()));
  }, 60_000);
  afterAll(async () => {
    await prom?.stop();
  });

  const dataSource = (): DataSource => ({
    kind: 'DataSource',
    name: 'prom',
    type: 'Prometheus',
    connectionDetails: { url: prom.baseUrl },
  });

  it('counts good and total events per step from rate × step seconds', async () => {
    const range = { start: firstFull, end: firstFull + 3 * STEP_MS, stepSeconds: STEP };
    const samples = counts(await samplesFor(goodSli, range, fetcher()));
    expect(samples.map((s) => s.t)).toEqual([firstFull, firstFull + STEP_MS, firstFull + 2 * STEP_MS]);
    for (const s of samples) {
      near(s.total, TOTAL_RATE * STEP); // 50 events in 5 s
      near(s.good, DEMO_RATES['200'] * STEP); // 45 of them good
      // Both series come from the same scrapes, so the extrapolation cancels out of the ratio.
      expect(s.good / s.total).toBeCloseTo(0.9, 9);
    }
  });

  it('reads bad/total with a bad selector that matches nothing as zero bad events', async () => {
    const sli = ratioSli('no-503', {
      type: 'bad',
      bad: source(rate('{code="503"}')),
      total: source(rate('')),
    });
    const range = { start: firstFull, end: firstFull + STEP_MS, stepSeconds: STEP };
    const samples = counts(await samplesFor(sli, range, fetcher()));
    expect(samples).toHaveLength(1);
    expect(samples[0]?.good).toBe(samples[0]?.total);
  });

  it('weighs a raw ratio as one event per step and reads a threshold metric as values', async () => {
    const range = { start: firstFull, end: firstFull + 2 * STEP_MS, stepSeconds: STEP };
    const raw = ratioSli('raw', {
      type: 'raw',
      rawType: 'failure',
      raw: source(`${rate('{code="500"}')} / ${rate('')}`),
    });
    const rawSamples = counts(await samplesFor(raw, range, fetcher()));
    expect(rawSamples).toHaveLength(2);
    for (const s of rawSamples) {
      expect(s.total).toBe(1);
      expect(s.good).toBeCloseTo(0.9, 9);
    }
    const threshold: Sli = {
      kind: 'SLI',
      name: 'rps',
      metric: { type: 'threshold', metric: source(rate('')) },
    };
    const rps = values(await samplesFor(threshold, range, fetcher()));
    expect(rps.map((v) => v.t)).toEqual([firstFull, firstFull + STEP_MS]);
    for (const v of rps) near(v.value, TOTAL_RATE);
  });

  it('splits a range past the per-series point limit into requests that join up exactly', async () => {
    const options = { baseUrl: prom.baseUrl, query: 'demo_requests_total', stepSeconds: 1 };
    const range = { start: firstFull, end: firstFull + 6000 };
    const whole = await queryRange({ ...options, ...range, method: 'GET' });
    const split = await queryRange({ ...options, ...range, maxPointsPerSeries: 2 });
    expect(whole.series).toHaveLength(2);
    expect(whole.series[0]?.points).toHaveLength(7);
    const byCode = (m: typeof whole) => Object.fromEntries(m.series.map((s) => [s.metric.code, s.points]));
    expect(byCode(split)).toEqual(byCode(whole));
  });

  it('reads NaN, +Inf and -Inf values', async () => {
    const at = { baseUrl: prom.baseUrl, start: firstFull, end: firstFull, stepSeconds: STEP };
    const value = async (query: string) => (await queryRange({ ...at, query })).series[0]?.points[0]?.v;
    expect(await value('vector(0) / 0')).toBeNaN();
    expect(await value('vector(1) / 0')).toBe(Number.POSITIVE_INFINITY);
    expect(await value('-vector(1) / 0')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('backfills the gap since lastPulled in chunks, up to now − delay, and re-runs idempotently', async () => {
    const now = Date.now();
    const lastPulled = alignDown(now - 5 * 60_000, STEP_MS);
    const run = async (last: number) => {
      const batches: SampleBatch[] = [];
      const next = await pullOnce({
        now,
        sources: [{ sli: goodSli, dataSource: dataSource() }],
        lastPulled: { [goodSli.name]: last },
        sink: (name, batch) => {
          expect(name).toBe(goodSli.name);
          batches.push(batch);
        },
        log: silentLog(),
        stepSeconds: STEP,
        delayMs: DELAY_MS,
        chunkSteps: 12,
      });
      return { next, batches };
    };
    const { next, batches } = await run(lastPulled);
    const to = alignDown(now - DELAY_MS, STEP_MS);
    expect(next).toEqual({ [goodSli.name]: to });
    // 5 minutes of 5 s steps in chunks of 12 steps: 5 or 6 contiguous batches from lastPulled to `to`.
    expect(batches.length).toBeGreaterThanOrEqual(5);
    expect(batches[0]?.start).toBe(lastPulled);
    expect(batches.at(-1)?.end).toBe(to);
    for (const [i, b] of batches.slice(1).entries()) expect(b.start).toBe(batches[i]?.end);
    const times = batches.flatMap((b) => b.samples.map((s) => s.t));
    // Every step since the series appeared is there; nothing before the exporter existed.
    for (let t = firstFull; t < to; t += STEP_MS) expect(times).toContain(t);
    expect(times.every((t) => t + STEP_MS > prom.exporterStart && t < to)).toBe(true);
    expect(new Set(times).size).toBe(times.length);

    // The same range again (lastPulled lost in a crash) gives the same samples to the sink.
    expect((await run(lastPulled)).batches).toEqual(batches);
    // From the returned position there is nothing new yet.
    expect(await run(to)).toEqual({ next: { [goodSli.name]: to }, batches: [] });
  });

  it('starts no earlier than the backfill limit', async () => {
    const now = Date.now();
    const starts: number[] = [];
    await pullOnce({
      now,
      sources: [{ sli: goodSli, dataSource: dataSource() }],
      lastPulled: { [goodSli.name]: now - 5 * 60_000 },
      sink: (_name, batch) => void starts.push(batch.start),
      log: silentLog(),
      stepSeconds: STEP,
      delayMs: DELAY_MS,
      backfillLimitMs: 60_000,
    });
    expect(starts).toEqual([alignDown(now - 60_000, STEP_MS)]);
  });

  it('names the query when Prometheus rejects bad PromQL, and keeps pulling the other SLIs', async () => {
    const broken = ratioSli('broken', {
      type: 'good',
      good: source('sum(rate(demo_requests_total[{{.window}}])'),
      total: source(rate('')),
    });
    const range = { start: firstFull, end: firstFull + STEP_MS, stepSeconds: STEP };
    const error = await samplesFor(broken, range, fetcher()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect(error).toMatchObject({ failure: 'prometheus', errorType: 'bad_data', status: 400 });
    expect((error as Error).message).toContain('"sum(rate(demo_requests_total[5s])"');
    expect((error as Error).message).toMatch(/bad_data: .*parse error/);

    const log = silentLog();
    const now = Date.now();
    const start = alignDown(now - 30_000, STEP_MS);
    const next = await pullOnce({
      now,
      sources: [broken, goodSli].map((sli) => ({ sli, dataSource: dataSource() })),
      lastPulled: { broken: start, [goodSli.name]: start },
      sink: () => {},
      log,
      stepSeconds: STEP,
      delayMs: DELAY_MS,
    });
    expect(next).toEqual({ broken: start, [goodSli.name]: alignDown(now - DELAY_MS, STEP_MS) });
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatchObject({ sli: 'broken', pulledUntil: start });
  });

  it('turns HTTP and network failures into typed errors', async () => {
    const at = { query: 'up', start: firstFull, end: firstFull, stepSeconds: STEP };
    await expect(queryRange({ ...at, baseUrl: prom.exporterUrl })).rejects.toMatchObject({
      failure: 'http',
      status: 404,
      message: expect.stringContaining('HTTP 404'),
    });
    await expect(
      queryRange({ ...at, baseUrl: `http://127.0.0.1:${await freePort()}` }),
    ).rejects.toMatchObject({
      failure: 'network',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
