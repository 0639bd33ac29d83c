import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';

const sha = (c: string) => c.repeat(40);
const T0 = Date.parse('2026-11-04T12:00:00Z'); // a Wednesday, 13:00 in Amsterdam

/** Native fact events through the real ingest path. */
function facts(id: string, list: unknown[]) {
  return {
    specversion: '1.0',
    id,
    source: 'ci/test',
    type: 'dev.throughline.facts.v1',
    time: '2026-11-04T10:00:00Z',
    data: { facts: list },
  };
}
const run = (id: string, s: string, name: string, status: string, suite = false) => ({
  kind: suite ? 'test_run' : 'pipeline_run',
  ...(suite ? { level: 'suite' } : { category: 'pipeline' }),
  id,
  service: 'checkout',
  sha: s,
  name,
  status,
});

const catalog = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments }
spec: { type: team, children: [], members: [ada] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ada, annotations: {} }
spec: { profile: { email: ada@example.com }, memberOf: [payments] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout }
spec: { type: service, lifecycle: production, owner: payments, dependsOn: [component:payments-api] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments-api }
spec: { type: service, lifecycle: production, owner: payments }
`;

describe.each(engines)('gates on %s', (engine) => {
  let t: TestApp;
  const put = (name: string, yaml: string) =>
    t.call('PUT', `/api/v1/gates/policies/${name}`, { body: yaml, headers: { 'content-type': 'text/yaml' } });
  const evaluate = (body: Record<string, unknown>) =>
    t.call('POST', '/api/v1/gates/evaluate', {
      body: { service: 'checkout', environment: 'production', ...body },
    });

  beforeAll(async () => {
    t = await createTestApp(engine, { now: T0 });
    const imp = await t.call('POST', '/api/v1/catalog/import', {
      body: { files: [{ path: 'c.yaml', content: catalog }] },
    });
    expect(imp.status, imp.text).toBe(200);
    const ev = await t.call('POST', '/api/v1/events', {
      body: [
        facts('r1', [run('r1', sha('a'), 'build', 'success')]),
        facts('r2', [run('r2', sha('a'), 'test-unit', 'success', true)]),
        facts('r3', [run('r3', sha('a'), 'test-e2e', 'success', true)]),
        facts('r4', [run('r4', sha('b'), 'build', 'success')]),
        facts('r5', [run('r5', sha('b'), 'test-unit', 'failure', true)]),
      ],
      headers: { 'content-type': 'application/cloudevents-batch+json' },
    });
    expect(ev.status, ev.text).toBe(200);
  });
  afterAll(() => t.close());

  it('rejects an invalid policy with every problem located by file, document and path', async () => {
    const res = await put(
      'bad',
      'rules:\n  - type: error-budget\n    minRemaining: 120\n  - type: open-incidents\n    severity: critical\n  - type: freeze\n    windows: [{ weekly: { days: [sat], from: "18:00", to: "08:00" } }]\n  - type: nope\nzz: 1\n',
    );
    expect(res.status).toBe(422);
    const errs = res.json.errors.map((e: { path: string }) => e.path).sort();
    expect(errs).toEqual([
      '/rules/0/minRemaining',
      '/rules/1/severity',
      '/rules/2/windows/0/weekly/to',
      '/rules/3/type',
      '/zz',
    ]);
    expect(res.json.errors[0]).toMatchObject({ file: 'bad.yaml', document: 0 });
    expect((await t.call('GET', '/api/v1/gates/policies/bad')).status).toBe(404);
    const yamlError = await put('bad', 'rules: [\n');
    expect(yamlError.status).toBe(422);
    expect(yamlError.json.errors[0].message).toMatch(/malformed YAML at line/);
  });

  it('versions every save and records the version in the decision', async () => {
    const v1 = await put('default', 'rules:\n  - type: required-checks\n    required: [build, "test-*"]\n');
    expect(v1.status, v1.text).toBe(201);
    expect(v1.json.version).toBe(1);
    const ok = await evaluate({ sha: sha('a') });
    expect(ok.json).toMatchObject({
      decision: 'approved',
      policy: { name: 'default', version: 1 },
      policyVersion: 1,
    });
    expect(ok.json.rules[0]).toMatchObject({
      rule: 'required-checks',
      passed: true,
      values: { passed: ['build', 'test-unit', 'test-e2e'], missing: [], failing: [] },
    });
    const bad = await evaluate({ sha: sha('b') });
    expect(bad.json.decision).toBe('rejected');
    expect(bad.json.summary).toBe('rejected: required checks not passed for bbbbbbb: test-unit failure');
    const missing = await evaluate({ sha: sha('c') });
    expect(missing.json.summary).toBe(
      'rejected: required checks not passed for ccccccc: build missing, test-* missing',
    );

    const v2 = await t.call('PUT', '/api/v1/gates/policies/default', {
      body: { yaml: 'rules:\n  - type: required-checks\n    required: [build]\n' },
    });
    expect(v2.status).toBe(200);
    expect(v2.json.version).toBe(2);
    t.clock.advance(1000); // the log orders by time
    const again = await evaluate({ sha: sha('b') });
    expect(again.json).toMatchObject({ decision: 'approved', policyVersion: 2 });
    const versions = await t.call('GET', '/api/v1/gates/policies/default/versions');
    expect(versions.json.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await t.call('GET', '/api/v1/gates/policies/default?version=1')).json.yaml).toContain('test-*');
    // The log keeps each decision with the version it used.
    const log = await t.call('GET', `/api/v1/gates/decisions?sha=${sha('b')}`);
    expect(
      log.json.items.map((d: { policyVersion: number; decision: string }) => [d.policyVersion, d.decision]),
    ).toEqual([
      [2, 'approved'],
      [1, 'rejected'],
    ]);
  });

  it('error budget: passes at and above the threshold, rejects below; no SLO passes', async () => {
    await put(
      'budget',
      'scope: { services: [checkout] }\nrules:\n  - type: error-budget\n    minRemaining: "10 %"\n',
    );
    const res = await evaluate({ sha: sha('a') });
    expect(res.json.rules[0]).toMatchObject({
      passed: true,
      threshold: { minRemaining: 0.1 },
      values: { lowest: null },
    });
  });

  it('open incidents block on the service and its dependencies by severity', async () => {
    await put(
      'incidents',
      'scope: { services: [checkout], environments: [production] }\nrules:\n  - type: open-incidents\n    severity: sev2\n',
    );
    expect((await evaluate({ sha: sha('a') })).json.decision).toBe('approved');
    const incident = (id: string, service: string, severity: string, status = 'detected') =>
      facts(`inc-${id}-${status}`, [
        { kind: 'incident', id, service, severity, status, detectedAt: '2026-11-04T09:00:00Z' },
      ]);
    await t.call('POST', '/api/v1/events', {
      body: [incident('i1', 'payments-api', 'sev3'), incident('i2', 'payments-api', 'sev2')],
      headers: { 'content-type': 'application/cloudevents-batch+json' },
    });
    const res = await evaluate({ sha: sha('a') });
    expect(res.json.decision).toBe('rejected');
    expect(res.json.summary).toBe(
      'rejected: open incident sev2 i2 on payments-api (a dependency of checkout)',
    );
    await t.call('POST', '/api/v1/events', {
      body: [incident('i2', 'payments-api', 'sev2', 'resolved')],
      headers: { 'content-type': 'application/cloudevents-batch+json' },
    });
    expect((await evaluate({ sha: sha('a') })).json.decision).toBe('approved');
  });

  it('pending decisions: approved by the owning team, rejected with a comment, expired by the clock', async () => {
    t.clock.set(T0);
    await put(
      'incidents',
      'scope: { services: [checkout], environments: [production] }\npendingExpiry: 2h\nrules:\n  - type: required-checks\n    outcome: manual\n    required: [security-scan]\n',
    );
    const p1 = await evaluate({ sha: sha('a') });
    expect(p1.json).toMatchObject({
      decision: 'pending',
      expiresAt: '2026-11-04T14:00:00.000Z',
      owner: 'payments',
    });
    expect(p1.json.summary).toMatch(/^pending: approval by team payments needed for checkout in production/);
    // A member token of another person is refused; ada (a member of payments) may approve.
    const memberToken = await t.tenantWithToken('acme', 'member');
    expect(memberToken).toBeTruthy();
    const stranger = await t.call('POST', '/api/v1/tokens', { body: { name: 'bob', role: 'member' } });
    const refused = await t.call('POST', `/api/v1/gates/decisions/${p1.json.id}/approve`, {
      token: stranger.json.secret,
      body: { comment: 'lgtm' },
    });
    expect(refused.status).toBe(403);
    await t.call('POST', '/api/v1/users', { body: { id: 'ada', name: 'Ada', role: 'member' } });
    const ada = await t.call('POST', '/api/v1/tokens', {
      body: { name: 'ada', role: 'member', userId: 'ada' },
    });
    const approved = await t.call('POST', `/api/v1/gates/decisions/${p1.json.id}/approve`, {
      token: ada.json.secret,
      body: { comment: 'scan run by hand' },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({
      decision: 'approved',
      evaluated: 'pending',
      resolution: { outcome: 'approved', comment: 'scan run by hand' },
    });
    const twice = await t.call('POST', `/api/v1/gates/decisions/${p1.json.id}/reject`, {
      body: { comment: 'no' },
    });
    expect(twice.status).toBe(422);

    const p2 = await evaluate({ sha: sha('a') });
    const rejected = await t.call('POST', `/api/v1/gates/decisions/${p2.json.id}/reject`, {
      body: { comment: 'not today' },
    });
    expect(rejected.json).toMatchObject({
      decision: 'rejected',
      resolution: { outcome: 'rejected', comment: 'not today' },
    });

    const p3 = await evaluate({ sha: sha('a') });
    t.clock.advance(2 * 3_600_000 - 1);
    expect((await t.call('GET', `/api/v1/gates/decisions/${p3.json.id}`)).json.decision).toBe('pending');
    expect(
      (await t.call('GET', '/api/v1/gates/decisions?outcome=pending')).json.items.map(
        (d: { id: string }) => d.id,
      ),
    ).toEqual([p3.json.id]);
    t.clock.advance(1);
    const expired = await t.call('GET', `/api/v1/gates/decisions/${p3.json.id}`);
    expect(expired.json).toMatchObject({ decision: 'rejected', resolution: { outcome: 'expired' } });
    expect((await t.call('GET', '/api/v1/gates/decisions?outcome=pending')).json.total).toBe(0);
    const late = await t.call('POST', `/api/v1/gates/decisions/${p3.json.id}/approve`, {
      body: { comment: 'late' },
    });
    expect(late.status).toBe(422);
    const proc = await t.call('POST', '/api/v1/gates/github/process');
    expect(proc.json.expired).toBe(1);
    t.clock.set(T0);
  });

  it('emergency bypass needs a reason, is marked and opens a follow-up review; standard skips manual holds', async () => {
    const noReason = await evaluate({ sha: sha('a'), changeType: 'emergency' });
    expect(noReason.status).toBe(422);
    expect(noReason.json.errors[0].path).toBe('/reason');
    const em = await evaluate({ sha: sha('a'), changeType: 'emergency', reason: 'card outage fix' });
    expect(em.json).toMatchObject({
      decision: 'approved',
      bypass: true,
      reason: 'card outage fix',
      changeType: 'emergency',
    });
    expect(em.json.rules[0].passed).toBe(false);
    const reviews = await t.call('GET', '/api/v1/gates/reviews');
    expect(reviews.json.items[0]).toMatchObject({
      id: em.json.review.id,
      decisionId: em.json.id,
      reason: 'card outage fix',
      status: 'open',
    });
    expect(em.json.summary).toContain(`follow-up review ${em.json.review.id}`);
    const std = await evaluate({ sha: sha('a'), changeType: 'standard' });
    expect(std.json.decision).toBe('approved');
    expect(std.json.summary).toMatch(/^approved as a pre-approved standard change/);
  });

  it('lists the log by service, outcome and time, paginated', async () => {
    const all = await t.call('GET', '/api/v1/gates/decisions?service=checkout&limit=2');
    expect(all.json.items).toHaveLength(2);
    expect(all.json.total).toBeGreaterThan(5);
    const page2 = await t.call('GET', '/api/v1/gates/decisions?service=checkout&limit=2&offset=2');
    expect(page2.json.items[0].id).not.toBe(all.json.items[0].id);
    const rejected = await t.call('GET', '/api/v1/gates/decisions?outcome=rejected');
    expect(rejected.json.items.every((d: { decision: string }) => d.decision === 'rejected')).toBe(true);
    const none = await t.call('GET', '/api/v1/gates/decisions?to=2026-11-01T00:00:00Z');
    expect(none.json.total).toBe(0);
    expect((await t.call('GET', '/api/v1/gates/decisions?service=cart')).json.total).toBe(0);
  });
});
