import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';

/**
 * One week of a service's delivery, every number computed by hand (see the comments). Tenant time
 * zone Europe/Amsterdam (UTC+1 in November); 2026-11-02 is a Monday.
 */
const sha = (name: string) => createHash('sha1').update(name).digest('hex');
const at = (s: string) => `2026-11-${s}:00Z`;
const hour = 3600;
const repo = 'https://github.com/acme/shop';

function commit(name: string, committed: string, parents: string[], authored?: string) {
  const c = Date.parse(at(committed));
  return {
    kind: 'commit',
    repo,
    sha: sha(name),
    parents: parents.map(sha),
    committedAt: new Date(c).toISOString(),
    authoredAt: authored ? at(authored) : new Date(c - hour * 1000).toISOString(),
    workItems: [],
  };
}

function deploy(id: string, name: string, finished: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'deployment',
    id,
    service: 'shop',
    repo,
    environment: 'production',
    sha: sha(name),
    status: 'success',
    startedAt: new Date(Date.parse(at(finished)) - 600_000).toISOString(),
    finishedAt: at(finished),
    ...extra,
  };
}

const facts: Record<string, unknown>[] = [
  commit('a', '02T08:00', []),
  commit('b', '03T08:00', ['a']),
  commit('c', '03T10:00', ['b']),
  commit('d', '04T08:00', ['c']),
  commit('x', '04T09:00', ['c']),
  commit('m', '04T12:00', ['d', 'x']), // merge commit
  commit('s', '05T08:00', ['m']), // squash merge of PR #7
  commit('h', '06T09:00', ['s']), // the hotfix
  commit('k', '07T20:00', ['s']),
  commit('z', '07T21:00', ['k'], '08T02:00'), // author clock ahead of the deployment: dropped
  {
    kind: 'change',
    id: 'github:acme/shop#7',
    repo,
    number: 7,
    state: 'merged',
    openedAt: at('04T20:00'),
    firstCommitAt: at('04T18:00'),
    mergedAt: at('05T08:00'),
    mergeSha: sha('s'),
    workItems: [],
  },
  deploy('D1', 'a', '02T10:00'), // first: no baseline
  deploy('D2', 'c', '03T12:00'), // ships b (5h), c (3h)
  deploy('D3a', 'm', '04T13:00', { runId: 'run-3' }), // one pipeline run, two records:
  deploy('D3b', 'm', '04T13:30', { runId: 'run-3' }), // counted once, at 13:30: d 6.5h, x 5.5h, m 2.5h
  deploy('D4', 's', '05T10:00'), // ships s (3h); PR opened 14h, first commit 16h
  deploy('D5', 'h', '06T10:00', { ref: 'hotfix/login' }), // hotfix: D4 failed; ships h (2h)
  deploy('D6', 's', '06T14:00', { intent: 'rollback' }), // rollback: D5 failed
  deploy('D7', 'z', '07T23:30'), // 00:30 on Sunday 11-08 in Amsterdam: ships k (4.5h), z (dropped)
  { ...deploy('S1', 'c', '03T11:00'), environment: 'staging' },
  { ...deploy('S2', 'm', '04T11:00'), environment: 'staging' }, // d 4h, x 3h, m 0 (dropped)
  {
    kind: 'incident',
    id: 'I1',
    service: 'shop',
    environment: 'production',
    status: 'detected',
    detectedAt: at('05T11:00'),
  },
  {
    kind: 'incident',
    id: 'I1',
    service: 'shop',
    environment: 'production',
    status: 'resolved',
    detectedAt: at('05T11:00'),
    resolvedAt: at('05T13:00'),
  },
  { kind: 'incident', id: 'I2', service: 'shop', status: 'detected', detectedAt: at('09T12:00') }, // 36.5h after D7: none
  {
    kind: 'incident',
    id: 'I3',
    service: 'shop',
    status: 'resolved',
    detectedAt: at('03T13:00'),
    resolvedAt: at('03T14:00'),
    deploymentId: 'D2',
  },
];

function events(order: 'forward' | 'reverse') {
  const list = facts.map((f, i) => ({
    specversion: '1.0',
    id: `e${i}`,
    source: '/test',
    type: 'dev.throughline.facts.v1',
    time: '2026-11-09T00:00:00Z',
    data: { facts: [f] },
  }));
  return order === 'forward' ? list : list.reverse();
}

describe.each(engines)('DORA measures on %s', (engine) => {
  let t: TestApp;
  let token: string;
  const dora = async (query: string, tenant = 'acme') => {
    const res = await t.call('GET', `/api/v1/measures/dora?${query}`, { tenant });
    expect(res.status, res.text).toBe(200);
    return res.json;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { now: Date.parse('2026-11-20T12:00:00Z') });
    for (const [id, order] of [
      ['acme', 'forward'],
      ['backwards', 'reverse'],
    ] as const) {
      const res = await t.call('POST', '/api/v1/tenants', {
        body: { id, name: id, timeZone: 'Europe/Amsterdam' },
      });
      expect(res.status).toBe(201);
      const catalog = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: shop-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: shop }
spec: { type: service, lifecycle: production, owner: group:shop-team }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: cart }
spec: { type: service, lifecycle: production, owner: group:shop-team }
`;
      await t.call('POST', '/api/v1/catalog/import', {
        tenant: id,
        body: { files: [{ path: 'c.yaml', content: catalog }] },
      });
      // Out of order for the second tenant: one event per request, last first.
      for (const e of events(order)) {
        const r = await t.call('POST', '/api/v1/events', {
          tenant: id,
          body: JSON.stringify(e),
          headers: { 'content-type': 'application/cloudevents+json' },
        });
        expect(r.status, r.text).toBe(200);
      }
    }
    token = await t.tenantWithToken('empty');
  });
  afterAll(() => t.close());

  it('computes the five metrics of a week by their definitions', async () => {
    const a = await dora('service=shop&from=2026-11-02&to=2026-11-08');
    expect(a.window).toEqual({ from: '2026-11-02', to: '2026-11-08', days: 7, timeZone: 'Europe/Amsterdam' });
    expect(a.deploymentFrequency).toEqual({
      deployments: 7, // D3's two records are one deployment; staging is another environment
      perDay: 1,
      perWeek: 7,
      deploymentDays: 6, // Mon–Fri and Sunday (D7 is Sunday 00:30 in Amsterdam)
      medianDeploymentDaysPerWeek: 6,
      medianDeploymentDaysPerMonth: 6,
    });
    // authored → finish: 7200 9000 10800 10800 16200 18000 19800 23400; z dropped (≤ 0); D1 first
    expect(a.changeLeadTime).toEqual({
      start: 'authored',
      medianSeconds: 13500,
      p90Seconds: 20880,
      changes: 9,
      measured: 8,
      excluded: { firstDeployments: 1, unknownBaseline: 0, nonPositive: 1, withoutPullRequest: 0 },
    });
    // D2 (explicit incident), D4 (incident in window, then a hotfix), D5 (rolled back)
    expect(a.changeFailRate).toEqual({ rate: 3 / 7, failedDeployments: 3, deployments: 7 });
    // D2: 2h to I3's resolution; D4: 3h to I1's resolution (before D5); D5: 4h to the rollback
    expect(a.recoveryTime).toEqual({ medianSeconds: 10800, recovered: 3, notRecovered: 0 });
    expect(a.reworkRate).toEqual({ rate: 2 / 7, unplannedDeployments: 2, deployments: 7 });
    expect(a.levels).toMatchObject({
      version: '2023',
      deploymentFrequency: 'elite',
      leadTime: 'elite',
      changeFailRate: 'low',
      recoveryTime: 'high',
    });
    expect(a.definitions.changeLeadTime).toMatch(/PERCENTILE_CONT/);
    expect(a.events.changeFailRate).toBe(
      '/api/v1/measures/dora/events?environment=production&from=2026-11-02&to=2026-11-08&service=shop&metric=change-failures',
    );
  });

  it('reaches the same numbers when the events arrive in reverse order', async () => {
    const forward = await dora('service=shop&from=2026-11-02&to=2026-11-08');
    const backward = await dora('service=shop&from=2026-11-02&to=2026-11-08', 'backwards');
    for (const k of [
      'deploymentFrequency',
      'changeLeadTime',
      'changeFailRate',
      'recoveryTime',
      'reworkRate',
      'levels',
    ]) {
      expect(backward[k], k).toEqual(forward[k]);
    }
  });

  it('puts days in the tenant time zone: a window ending Saturday leaves out Sunday 00:30', async () => {
    const a = await dora('service=shop&from=2026-11-02&to=2026-11-07');
    expect(a.deploymentFrequency.deployments).toBe(6);
    expect(a.changeLeadTime.measured).toBe(7);
  });

  it('measures from commit time and from the pull request when asked', async () => {
    const committed = await dora('service=shop&from=2026-11-02&to=2026-11-08&leadTimeStart=committed');
    // 3600 5400 7200 7200 9000 12600 14400 16200 19800
    expect(committed.changeLeadTime.medianSeconds).toBe(9000);
    expect(committed.changeLeadTime.measured).toBe(9);
    const pr = await dora('service=shop&from=2026-11-02&to=2026-11-08&leadTimeStart=pr-opened');
    expect(pr.changeLeadTime).toMatchObject({ medianSeconds: 14 * hour, measured: 1 });
    expect(pr.changeLeadTime.excluded.withoutPullRequest).toBe(8);
    const first = await dora('service=shop&from=2026-11-02&to=2026-11-08&leadTimeStart=pr-first-commit');
    expect(first.changeLeadTime.medianSeconds).toBe(16 * hour);
  });

  it('keeps environments apart', async () => {
    const s = await dora('service=shop&environment=staging&from=2026-11-02&to=2026-11-08');
    expect(s.deploymentFrequency.deployments).toBe(2);
    expect(s.changeLeadTime).toMatchObject({ medianSeconds: 12600, measured: 2 });
    expect(s.changeLeadTime.excluded).toMatchObject({ firstDeployments: 1, nonPositive: 1 });
    expect(s.changeFailRate.failedDeployments).toBe(0);
  });

  it('rates by the chosen levels table and says which', async () => {
    const a = await dora('service=shop&from=2026-11-02&to=2026-11-08&levels=2021');
    expect(a.levels).toMatchObject({
      version: '2021',
      deploymentFrequency: 'elite',
      leadTime: 'high',
      changeFailRate: 'low',
      recoveryTime: 'high',
    });
  });

  it('answers a team, the tenant, and an empty window', async () => {
    const team = await dora('team=shop-team&from=2026-11-02&to=2026-11-08&groupBy=service');
    expect(team.deploymentFrequency.deployments).toBe(7);
    expect(team.groups.map((g: { service: string }) => g.service)).toEqual(['shop']);
    const all = await dora('from=2026-11-02&to=2026-11-08');
    expect(all.changeFailRate.rate).toBe(3 / 7);
    const empty = await dora('service=shop&from=2026-10-01&to=2026-10-07');
    expect(empty.deploymentFrequency).toMatchObject({
      deployments: 0,
      perDay: 0,
      medianDeploymentDaysPerWeek: 0,
    });
    expect(empty.changeLeadTime.medianSeconds).toBeNull();
    expect(empty.changeFailRate.rate).toBeNull();
    expect(empty.levels).toMatchObject({ deploymentFrequency: 'low', leadTime: null, changeFailRate: null });
    const nothing = await t.call('GET', '/api/v1/measures/dora?last=30', { token });
    expect(nothing.json.deploymentFrequency.deployments).toBe(0);
  });

  it('lists the deployments and changes behind each number', async () => {
    const q = 'service=shop&from=2026-11-02&to=2026-11-08';
    const failures = await t.call('GET', `/api/v1/measures/dora/events?${q}&metric=change-failures`, {
      tenant: 'acme',
    });
    expect(failures.json.items.map((i: { deployments: string[] }) => i.deployments.join('+')).sort()).toEqual(
      ['D2', 'D4', 'D5'],
    );
    const d4 = failures.json.items.find((i: { deployments: string[] }) => i.deployments[0] === 'D4');
    expect(d4.failedBecause).toEqual({ incidents: ['I1'], restoredBy: ['D5'] });
    expect(d4.recoverySeconds).toBe(3 * hour);
    const lead = await t.call('GET', `/api/v1/measures/dora/events?${q}&metric=lead-time&limit=100`, {
      tenant: 'acme',
    });
    expect(lead.json.total).toBe(9);
    const z = lead.json.items.find((i: { sha: string }) => i.sha === sha('z'));
    expect(z).toMatchObject({ deployment: 'D7', counted: false });
    const rework = await t.call('GET', `/api/v1/measures/dora/events?${q}&metric=rework`, { tenant: 'acme' });
    expect(rework.json.items.map((i: { deployments: string[] }) => i.deployments[0]).sort()).toEqual([
      'D5',
      'D6',
    ]);
  });

  it('draws weekly and daily trends with empty buckets', async () => {
    const w = await t.call(
      'GET',
      '/api/v1/measures/dora/trend?service=shop&from=2026-11-02&to=2026-11-15&interval=week',
      { tenant: 'acme' },
    );
    expect(
      w.json.points.map((p: { start: string; deploymentFrequency: { deployments: number } }) => [
        p.start,
        p.deploymentFrequency.deployments,
      ]),
    ).toEqual([
      ['2026-11-02', 7],
      ['2026-11-09', 0],
    ]);
    const d = await t.call(
      'GET',
      '/api/v1/measures/dora/trend?service=shop&from=2026-11-05&to=2026-11-08&interval=day',
      { tenant: 'acme' },
    );
    expect(
      d.json.points.map(
        (p: { deploymentFrequency: { deployments: number } }) => p.deploymentFrequency.deployments,
      ),
    ).toEqual([1, 2, 0, 1]);
  });

  it('widens the attribution window when the tenant says so', async () => {
    const put = await t.call('PUT', '/api/v1/measures/dora/settings', {
      tenant: 'backwards',
      body: { attributionWindowHours: 48, levelsVersion: '2023', leadTimeStart: 'authored' },
    });
    expect(put.status).toBe(200);
    // I2 started 36.5h after D7: now D7 failed too (not recovered: I2 never resolved).
    const a = await dora('service=shop&from=2026-11-02&to=2026-11-08', 'backwards');
    expect(a.changeFailRate.failedDeployments).toBe(4);
    expect(a.recoveryTime.notRecovered).toBe(1);
  });

  it('refuses unknown scopes and bad windows with problem+json', async () => {
    expect((await t.call('GET', '/api/v1/measures/dora?service=nope', { tenant: 'acme' })).status).toBe(404);
    const bad = await t.call('GET', '/api/v1/measures/dora?from=2026-11-09&to=2026-11-01', {
      tenant: 'acme',
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].path).toBe('/from');
    expect((await t.call('GET', '/api/v1/measures/dora?levels=1999', { tenant: 'acme' })).status).toBe(400);
  });

  it('shows every tenant to the provider, and only to the provider', async () => {
    const p = await t.call('GET', '/api/v1/measures/dora/portfolio?last=30');
    expect(p.status).toBe(200);
    expect(p.json.items.map((i: { tenant: string }) => i.tenant)).toEqual(['acme', 'backwards', 'empty']);
    expect((await t.call('GET', '/api/v1/measures/dora/portfolio', { token })).status).toBe(403);
  });
});
