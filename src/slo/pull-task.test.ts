import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilities } from '../modules.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';
import { type PullLog, prometheusUrl, queryRange, type RangeFetcher } from './pull/index.js';
import { alignDown } from './pull/range-chunks.js';
import {
  DEMO_RATES,
  type PrometheusHarness,
  prometheusPresent,
  sleep,
  startPrometheus,
} from './pull/testing.js';
import { readPullPositions } from './pull-positions.js';
import { pullTenant } from './pull-task.js';

// Production steps are minutes and the store keeps minutes, so this test waits for one real minute
// boundary after Prometheus starts (≤ ~1 min) and pulls the step that ends there. A short delay
// instead of the default minute keeps the wait down.
const MIN = 60_000;
const DELAY_MS = 2_000;
const GOOD_SHARE = DEMO_RATES['200'] / (DEMO_RATES['200'] + DEMO_RATES['500']);

const definitions = (url: string) => `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: demo-prometheus
spec:
  type: Prometheus
  connectionDetails:
    url: ${url}
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: demo-requests
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        metricSourceRef: demo-prometheus
        type: Prometheus
        spec:
          query: sum(rate(demo_requests_total{code!="500"}[{{.window}}]))
    total:
      metricSource:
        metricSourceRef: demo-prometheus
        type: Prometheus
        spec:
          query: sum(rate(demo_requests_total[{{.window}}]))
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: demo-availability
spec:
  service: demo
  indicatorRef: demo-requests
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.95
`;

const present = prometheusPresent();
let prom: PrometheusHarness;
/** The first minute boundary with a few scrapes before it: the step ending there has data. */
let firstEnd: number;

beforeAll(async () => {
  if (!present) return;
  prom = await startPrometheus();
  firstEnd = alignDown(prom.seenAt + 3_000, MIN) + MIN;
  await sleep(Math.max(0, firstEnd + DELAY_MS + 500 - Date.now()));
}, 90_000);
afterAll(async () => {
  await prom?.stop();
});

it('registers the pull as a background task every minute', () => {
  const slo = capabilities.find((c) => c.name === 'slo');
  const tasks = slo?.tasks?.({} as never) ?? [];
  expect(tasks.find((t) => t.name === 'slo.pull')?.everyMs).toBe(60_000);
});

describe.skipIf(!present).each(engines)('pulling a tenant’s Prometheus SLIs on %s', (engine) => {
  let t: TestApp;
  let token: string;
  const warnings: object[] = [];
  const log: PullLog = { info() {}, warn: (fields) => void warnings.push(fields) };
  /** Every range the puller asked Prometheus for. */
  const asked: { start: number; end: number }[] = [];
  const connect = (ds: Parameters<typeof prometheusUrl>[0]): RangeFetcher => {
    return (query, range) => {
      asked.push({ start: range.start, end: range.end });
      return queryRange({ baseUrl: prometheusUrl(ds), query, ...range });
    };
  };
  const db = () => t.deps.store.forTenant('acme');
  const budget = async () => {
    const res = await t.call('GET', '/api/v1/slos/demo-availability/budget', { token });
    expect(res.status, res.text).toBe(200);
    return res.json;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { now: firstEnd + DELAY_MS });
    token = await t.tenantWithToken('acme');
    const res = await t.call('POST', '/api/v1/slo/import', {
      token,
      body: { files: [{ path: 'demo.yaml', content: definitions(prom.baseUrl) }] },
    });
    if (res.status !== 200) throw new Error(res.text);
  });
  afterAll(() => t?.close());

  it('pulls the SLI into the budget and saves where it stopped', async () => {
    const now = t.clock.now();
    const result = await pullTenant(db(), { now, log, delayMs: DELAY_MS, connect });
    expect(result).toEqual({ targets: 1, skipped: 0, advanced: 1 });
    expect(warnings).toEqual([]);
    expect(await readPullPositions(db())).toEqual({ 'demo-requests': firstEnd });
    // A first run reaches back the default 7 days, a day of minutes per query.
    expect(Math.min(...asked.map((a) => a.start))).toBe(alignDown(now - 7 * 24 * 60 * MIN, MIN) + MIN);
    expect(Math.max(...asked.map((a) => a.end))).toBe(firstEnd);

    const minutes = await db().selectFrom('sli_minutes').selectAll().orderBy('minute').execute();
    expect(minutes.map((m) => m.minute)).toEqual([firstEnd - MIN]);
    expect(minutes[0]!.total).toBeGreaterThan(0);
    const b = await budget();
    expect(b.dataCoverage).toBeGreaterThan(0);
    // Both series come from the same scrapes, so rate()'s extrapolation cancels out of the ratio.
    expect(b.attainment).toBeCloseTo(GOOD_SHARE, 6);
  });

  it('after downtime, pulls only the range since the saved position', async () => {
    asked.length = 0;
    const before = await db().selectFrom('sli_minutes').selectAll().execute();
    t.clock.advance(3 * MIN);
    const result = await pullTenant(db(), { now: t.clock.now(), log, delayMs: DELAY_MS, connect });
    expect(result.advanced).toBe(1);
    expect(await readPullPositions(db())).toEqual({ 'demo-requests': firstEnd + 3 * MIN });
    // Two queries (good, total) evaluated at the ends of the three new steps, nothing older.
    expect(asked).toEqual([
      { start: firstEnd + MIN, end: firstEnd + 3 * MIN },
      { start: firstEnd + MIN, end: firstEnd + 3 * MIN },
    ]);
    const after = await db().selectFrom('sli_minutes').selectAll().execute();
    expect(after.find((m) => m.minute === firstEnd - MIN)).toEqual(before[0]);
    expect(after.every((m) => m.minute < firstEnd + 3 * MIN)).toBe(true);
    expect((await budget()).attainment).toBeCloseTo(GOOD_SHARE, 6);
  });

  it('does nothing for a tenant without Prometheus SLIs', async () => {
    expect(await pullTenant(t.deps.store.forTenant('provider'), { now: t.clock.now(), log })).toEqual({
      targets: 0,
      skipped: 0,
      advanced: 0,
    });
  });
});
