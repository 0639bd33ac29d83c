import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';

describe.each(engines)('health, readiness, metrics and API description on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('answers liveness and readiness without a token', async () => {
    expect((await t.call('GET', '/healthz', { token: '' })).json).toEqual({ status: 'ok' });
    const ready = await t.call('GET', '/readyz', { token: '' });
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({
      status: 'ready',
      store: { engine, reachable: true },
      pendingMigrations: [],
    });
  });

  it('is not ready while a migration is pending', async () => {
    t.deps.migrations['2999-01-01-00-pending'] = { up: async () => {} };
    try {
      const ready = await t.call('GET', '/readyz', { token: '' });
      expect(ready.status).toBe(503);
      expect(ready.json.pendingMigrations).toEqual(['2999-01-01-00-pending']);
    } finally {
      delete t.deps.migrations['2999-01-01-00-pending'];
    }
  });

  it('exposes request counts and latency histograms by route pattern', async () => {
    await t.call('GET', '/api/v1/me');
    await t.call('GET', '/api/v1/tenants/provider');
    const res = await t.call('GET', '/metrics', { token: '' });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    expect(res.text).toMatch(
      /throughline_http_requests_total\{method="GET",route="\/api\/v1\/me",status="200"\} 1/,
    );
    expect(res.text).toMatch(
      /throughline_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/v1\/tenants\/:tenant",status="200"\} 1/,
    );
  });

  it('serves an OpenAPI 3.1 document and a reference page', async () => {
    const doc = await t.call('GET', '/api/openapi.json', { token: '' });
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths)).toContain('/api/v1/tokens');
    expect(doc.json.components.schemas.Problem).toBeDefined();
    const page = await t.call('GET', '/api/docs', { token: '' });
    expect(page.text).toContain('swagger-ui-bundle.js');
    const asset = await t.call('GET', '/api/docs/assets/swagger-ui-bundle.js', { token: '' });
    expect(asset.status).toBe(200);
    expect(asset.text.length).toBeGreaterThan(100_000);
  });

  it('echoes a sane incoming request id and replaces an unsafe one', async () => {
    const kept = await t.call('GET', '/healthz', { token: '', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await t.call('GET', '/healthz', { token: '', headers: { 'x-request-id': 'bad id\n' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('bad id\n');
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await t.call('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
