import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';
import { budgetAt, type MinuteCounts } from './budget/index.js';
import { corpusPresent, list, read } from './openslo/testing.js';
import { errorBudgetsOfService } from './service.js';

const MIN = 60_000;
const NOW = Date.parse('2026-11-01T12:00:00Z');
const iso = (t: number) => new Date(t).toISOString();

const defs = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: web-requests
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total[{{.window}}]))
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: web-latency
spec:
  thresholdMetric:
    metricSource:
      type: Prometheus
      spec:
        query: latency_ms
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: web-availability
spec:
  service: web
  indicatorRef: web-requests
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: web-fast
spec:
  service: web
  indicatorRef: web-latency
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - op: lte
      value: 300
      target: 0.9
`;

describe.each(engines)('SLO definitions and budgets on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { now: NOW });
    const put = await t.call('PUT', '/api/v1/services/web', { body: { title: 'Web', owner: 'team-a' } });
    if (put.status >= 300) throw new Error(put.text);
  });
  afterAll(() => t.close());

  it.skipIf(!corpusPresent)('accepts every OpenSLO spec example through the API', async () => {
    for (const file of list('spec-examples')) {
      const res = await t.call('POST', '/api/v1/slo/import', { body: { files: [read(file)] } });
      expect(res.status, `${file}: ${res.text}`).toBe(200);
      expect(res.json.imported.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(!corpusPresent)('rejects an invalid file with the field path and writes nothing', async () => {
    const before = (await t.call('GET', '/api/v1/slo/export')).text;
    const bad = read('schema-test/invalid/v1/alert-condition/alert-condition-no-sev.yaml');
    const res = await t.call('POST', '/api/v1/slo/import', {
      body: { files: [{ path: 'good.yaml', content: defs }, bad] },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json.errors).toEqual([{ path: '/files/1/content/0/spec/severity', message: 'required' }]);
    expect((await t.call('GET', '/api/v1/slo/export')).text).toBe(before);
    expect((await t.call('GET', '/api/v1/slos/web-availability')).status).toBe(404);
  });

  it('rejects a dangling reference at its path', async () => {
    const res = await t.call('POST', '/api/v1/slo/import', {
      body: { files: [{ path: 'x.yaml', content: defs.split('---\n').slice(2).join('---\n') }] },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].path).toBe('/files/0/content/0/spec/indicatorRef');
  });

  it('imports, lists and exports definitions', async () => {
    const res = await t.call('POST', '/api/v1/slo/import', {
      body: { files: [{ path: 'web.yaml', content: defs }] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.imported).toHaveLength(4);
    const slis = await t.call('GET', '/api/v1/slis');
    expect(slis.json.items.find((s: { name: string }) => s.name === 'web-requests')).toMatchObject({
      type: 'ratio',
      usedBy: ['web-availability'],
    });
    const exported = await t.call('GET', '/api/v1/slo/export');
    expect(exported.headers.get('content-type')).toContain('text/yaml');
    expect(exported.text).toContain('name: web-availability');
  });

  it('takes samples with late and duplicate writes: last write per minute wins', async () => {
    const m0 = NOW - 10 * MIN;
    const res = await t.call('POST', '/api/v1/sli-samples', {
      body: {
        samples: [
          { sli: 'web-requests', t: iso(m0), good: 90, total: 100 },
          { sli: 'web-requests', t: iso(m0 + 30_000), good: 99, total: 100 }, // same minute: replaces
          { sli: 'web-requests', t: iso(m0 + MIN), good: 50, total: 50 },
          { sli: 'nope', t: iso(m0), good: 1, total: 1 },
          { sli: 'web-requests', t: iso(m0), good: 5, total: 1 },
        ],
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.accepted).toBe(3);
    expect(res.json.results[3]).toMatchObject({
      index: 3,
      status: 'rejected',
      errors: [{ path: '/samples/3/sli' }],
    });
    expect(res.json.results[4].errors[0].path).toBe('/samples/4/good');
    // A late batch rewrites the first minute again.
    const late = await t.call('POST', '/api/v1/sli-samples', {
      headers: { 'content-type': 'application/x-ndjson' },
      body: `${JSON.stringify({ sli: 'web-requests', t: iso(m0), good: 95, total: 100 })}\n`,
    });
    expect(late.json.accepted).toBe(1);
    const budget = await t.call('GET', '/api/v1/slos/web-availability/budget');
    expect(budget.status, budget.text).toBe(200);
    // (95 + 50) good of 150: attainment 145/150; budget 1 % of 150 = 1.5 events, 5 spent.
    expect(budget.json.attainment).toBeCloseTo(145 / 150, 12);
    expect(budget.json.budget).toMatchObject({ unit: 'events' });
    expect(budget.json.budget.total).toBeCloseTo(1.5, 12);
    expect(budget.json.budget.consumed).toBeCloseTo(5, 12);
    expect(budget.json.budget.remainingFraction).toBeCloseTo(1 - 5 / 1.5, 12);
  });

  it('counts threshold samples per objective at write time', async () => {
    const m0 = NOW - 5 * MIN;
    const res = await t.call('POST', '/api/v1/sli-samples', {
      body: {
        samples: [
          { sli: 'web-latency', t: iso(m0), value: 100 },
          { sli: 'web-latency', t: iso(m0 + 10_000), value: 500 },
          { sli: 'web-latency', t: iso(m0 + 10_000), value: 300 }, // same timestamp: replaces 500
          { sli: 'web-latency', t: iso(m0 + 20_000), value: 301 },
          { sli: 'web-latency', t: iso(m0), good: 1, total: 1 },
        ],
      },
    });
    expect(res.json.accepted).toBe(4);
    expect(res.json.results[4].status).toBe('rejected');
    const budget = await t.call('GET', '/api/v1/slos/web-fast/budget');
    expect(budget.json.attainment).toBeCloseTo(2 / 3, 12);
  });

  it('answers the budget exactly as budgetAt over the same minutes', async () => {
    const minutes: MinuteCounts[] = [];
    const samples = [];
    for (let i = 0; i < 5 * 1440; i += 7) {
      const t0 = NOW - 5 * 1440 * MIN + i * MIN - 3 * 1440 * MIN;
      const total = 100 + (i % 13);
      const good = total - (i % 17 === 0 ? 20 : i % 3);
      samples.push({ sli: 'web-requests', t: iso(t0), good, total });
    }
    const res = await t.call('POST', '/api/v1/sli-samples', { body: { samples } });
    expect(res.json.rejected).toBe(0);
    for (const s of samples) minutes.push({ t: Date.parse(s.t), good: s.good, total: s.total });
    minutes.push({ t: NOW - 10 * MIN, good: 95, total: 100 }, { t: NOW - 9 * MIN, good: 50, total: 50 });
    for (const at of [NOW, NOW - 2 * 1440 * MIN - 17 * MIN]) {
      const expected = budgetAt(
        minutes.filter((m) => m.t < at),
        {
          objective: { target: 0.99, method: { kind: 'Occurrences' } },
          window: { kind: 'rolling', durationMs: 30 * 1440 * MIN },
          now: at,
        },
      );
      const got = (await t.call('GET', `/api/v1/slos/web-availability/budget?at=${iso(at)}`)).json;
      expect(got.attainment).toBeCloseTo(expected.attainment!, 12);
      expect(got.budget.remainingFraction).toBeCloseTo(expected.budget.remainingFraction!, 12);
      expect(got.dataCoverage).toBeCloseTo(expected.dataCoverage, 12);
      for (const [k, v] of Object.entries(expected.burnRates)) {
        if (v === null) expect(got.burnRates[k]).toBeNull();
        else expect(got.burnRates[k]).toBeCloseTo(v, 9);
      }
    }
    const burndown = await t.call('GET', '/api/v1/slos/web-availability/burndown?points=10');
    expect(burndown.json.points.at(-1).remainingFraction).toBeCloseTo(
      (await t.call('GET', '/api/v1/slos/web-availability/budget')).json.budget.remainingFraction,
      12,
    );
    const burn = await t.call('GET', '/api/v1/slos/web-availability/burn-rate?window=1h&points=12');
    expect(burn.status, burn.text).toBe(200);
    expect(burn.json.points.length).toBe(13);
  });

  it('lists SLOs with their budget and answers the error-budget service interface', async () => {
    const slos = await t.call('GET', '/api/v1/slos');
    expect(slos.json.items.map((s: { name: string }) => s.name)).toContain('web-availability');
    const res = await t.call('GET', '/api/v1/services/web/error-budget');
    expect(res.status).toBe(200);
    const direct = await errorBudgetsOfService(t.deps.store.forTenant('provider'), 'web', NOW);
    expect(res.json).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(res.json.slos.map((s: { slo: string }) => s.slo).sort()).toEqual(['web-availability', 'web-fast']);
    expect((await t.call('GET', '/api/v1/services/nowhere/error-budget')).status).toBe(404);
  });

  it('puts an SLO from JSON with reference checks, and deletes it', async () => {
    const body = {
      kind: 'SLO',
      name: 'web-put',
      service: 'web',
      indicator: { ref: 'web-requests' },
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.95 }],
      alertPolicies: [],
    };
    const bad = await t.call('PUT', '/api/v1/slos/web-put', {
      body: { ...body, indicator: { ref: 'missing' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].path).toBe('/indicator/ref');
    const created = await t.call('PUT', '/api/v1/slos/web-put', { body });
    expect(created.status, created.text).toBe(201);
    const budget = await t.call('GET', '/api/v1/slos/web-put/budget');
    expect(budget.json.attainment).not.toBeNull(); // rebuilt from samples stored before it existed
    expect((await t.call('DELETE', '/api/v1/slos/web-put')).status).toBe(204);
    expect((await t.call('GET', '/api/v1/slos/web-put')).status).toBe(404);
  });

  it('exports Prometheus rules that parse', async () => {
    const res = await t.call('GET', '/api/v1/slos/web-availability/rules?format=prometheus');
    expect(res.status, res.text).toBe(200);
    const doc = parse(res.text);
    const rules = doc.groups.flatMap((g: { rules: { record?: string; alert?: string }[] }) => g.rules);
    expect(rules.some((r: { record?: string }) => r.record === 'slo:sli_error:ratio_rate5m')).toBe(true);
    expect(rules.some((r: { alert?: string }) => r.alert)).toBe(true);
  });
});
