import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';

describe.each(engines)('catalog service routes on %s', (engine) => {
  let t: TestApp;
  let acme: string;
  let globex: string;
  const put = (name: string, body: unknown, token = acme) =>
    t.call('PUT', `/api/v1/services/${name}`, { token, body });

  beforeAll(async () => {
    t = await createTestApp(engine);
    acme = await t.tenantWithToken('acme');
    globex = await t.tenantWithToken('globex');
    await put('artists', {
      title: 'Artist Pages',
      description: 'Shows artists',
      owner: 'team-a',
      system: 'music',
      tier: 1,
      tags: ['java', 'web'],
      dependsOn: ['resource:artists-db', 'queue-proxy'],
    });
    await put('queue-proxy', { owner: 'team-b', tier: 2, lifecycle: 'experimental', tags: ['go'] });
    await put('search', {
      description: 'Finds ARTISTS fast',
      owner: 'team-a',
      tier: 2,
      dependsOn: ['queue-proxy'],
    });
  });
  afterAll(() => t.close());

  it('creates with 201, fills defaults and canonical refs, replaces with 200', async () => {
    const created = await put('billing', { owner: 'payments' });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      name: 'billing',
      title: null,
      description: null,
      owner: 'payments',
      system: null,
      tier: null,
      lifecycle: 'production',
      type: 'service',
      repositoryUrls: [],
      environments: ['production'],
      dependsOn: [],
      tags: [],
      links: [],
      source: 'api',
      updatedAt: '2026-11-01T12:00:00.000Z',
    });
    const replaced = await put('billing', { owner: 'finance', dependsOn: ['Resource:default/ledger-db'] });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ owner: 'finance', dependsOn: ['resource:default/ledger-db'] });
    expect((await t.call('DELETE', '/api/v1/services/billing', { token: acme })).status).toBe(204);
    expect((await t.call('GET', '/api/v1/services/billing', { token: acme })).status).toBe(404);
    expect((await t.call('DELETE', '/api/v1/services/billing', { token: acme })).status).toBe(404);
  });

  it('shows a service with its dependents', async () => {
    const res = await t.call('GET', '/api/v1/services/queue-proxy', { token: acme });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: 'queue-proxy', dependents: ['artists', 'search'] });
    const artists = await t.call('GET', '/api/v1/services/artists', { token: acme });
    expect(artists.json.dependsOn).toEqual(['resource:default/artists-db', 'component:default/queue-proxy']);
    expect(artists.json.dependents).toEqual([]);
  });

  it('filters by text, owner, tier, lifecycle, system and tag', async () => {
    const names = async (query: string) =>
      (await t.call('GET', `/api/v1/services?${query}`, { token: acme })).json.items.map(
        (s: { name: string }) => s.name,
      );
    expect(await names('q=artist')).toEqual(['artists', 'search']);
    expect(await names('q=PAGES')).toEqual(['artists']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names('owner=team-a')).toEqual(['artists', 'search']);
    expect(await names('tier=2')).toEqual(['queue-proxy', 'search']);
    expect(await names('lifecycle=experimental')).toEqual(['queue-proxy']);
    expect(await names('system=music')).toEqual(['artists']);
    expect(await names('tag=go')).toEqual(['queue-proxy']);
    expect(await names('tag=jav')).toEqual([]);
    expect(await names('owner=team-a&tier=2')).toEqual(['search']);
  });

  it('pages with limit and offset and reports the total', async () => {
    const page = await t.call('GET', '/api/v1/services?limit=2&offset=1', { token: acme });
    expect(page.json.total).toBe(3);
    expect(page.json.items.map((s: { name: string }) => s.name)).toEqual(['queue-proxy', 'search']);
    const defaults = await t.call('GET', '/api/v1/services', { token: acme });
    expect(defaults.json.items).toHaveLength(3);
    expect((await t.call('GET', '/api/v1/services?limit=501', { token: acme })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/services?tier=5', { token: acme })).json.errors).toEqual([
      expect.objectContaining({ in: 'query', path: '/tier' }),
    ]);
  });

  it('rejects unknown fields and bad values, naming each', async () => {
    const res = await put('x', { owner: 'team-a', colour: 'blue', tier: 7, tags: ['Bad Tag'] });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json.errors.map((e: { path: string; message: string }) => e.path).sort()).toEqual([
      '/colour',
      '/tags/0',
      '/tier',
    ]);
    expect(res.json.errors.find((e: { path: string }) => e.path === '/colour').message).toBe('unknown field');
    expect((await put('bad name', {})).status).toBe(400);
    expect((await put('x', { dependsOn: ['a:b:c/d/e'] })).json.errors[0].path).toBe('/dependsOn/0');
    expect((await t.call('PUT', '/api/v1/services/x', { token: acme, body: '{"title":' })).status).toBe(400);
  });

  it("answers 404 for another tenant's service", async () => {
    expect((await t.call('GET', '/api/v1/services/artists', { token: globex })).status).toBe(404);
    expect((await t.call('DELETE', '/api/v1/services/artists', { token: globex })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/services', { token: globex })).json).toEqual({
      items: [],
      total: 0,
    });
    expect((await put('artists', { owner: 'other' }, globex)).status).toBe(201);
    expect((await t.call('GET', '/api/v1/services/artists', { token: acme })).json.owner).toBe('team-a');
  });

  it('documents every catalog route in OpenAPI under the catalog tag', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json;
    const catalogPaths = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method} ${path}`, op.tags]))
      .filter(([, opTags]) => opTags?.includes('catalog'))
      .map(([route]) => route);
    expect(catalogPaths.sort()).toEqual([
      'delete /api/v1/services/{name}',
      'delete /api/v1/teams/{name}',
      'get /api/v1/catalog/entities',
      'get /api/v1/services',
      'get /api/v1/services/{name}',
      'get /api/v1/systems',
      'get /api/v1/systems/{name}',
      'get /api/v1/teams',
      'get /api/v1/teams/{name}',
      'post /api/v1/catalog/import',
      'put /api/v1/services/{name}',
      'put /api/v1/teams/{name}',
    ]);
    expect(doc.components.schemas.Service.properties.tier.enum).toEqual([1, 2, 3, 4, null]);
  });

  it('lets a viewer read but not write', async () => {
    const made = await t.call('POST', '/api/v1/tokens', {
      token: acme,
      body: { name: 'ro', role: 'viewer' },
    });
    const viewer = made.json.secret as string;
    expect((await t.call('GET', '/api/v1/services', { token: viewer })).status).toBe(200);
    expect((await put('y', {}, viewer)).status).toBe(403);
  });
});
