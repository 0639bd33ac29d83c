import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';
import { collectFiles } from './cli.js';
import { corpusPresent, examplesDir, warnIfCorpusAbsent } from './testing.js';

warnIfCorpusAbsent();

describe.each(engines)('catalog import and entity routes on %s', (engine) => {
  let t: TestApp;
  let acme: string;
  let globex: string;
  const importFiles = (files: unknown, token = acme) =>
    t.call('POST', '/api/v1/catalog/import', { token, body: { files } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    acme = await t.tenantWithToken('acme');
    globex = await t.tenantWithToken('globex');
  });
  afterAll(() => t.close());

  it.skipIf(!corpusPresent)('imports the Backstage examples, and re-imports them as an upsert', async () => {
    const files = collectFiles(examplesDir);
    const first = await importFiles(files);
    expect(first.status).toBe(200);
    expect(first.json.counts).toEqual({
      API: 10,
      AiResource: 4,
      Component: 13,
      Domain: 3,
      Group: 9,
      Location: 7,
      Resource: 1,
      System: 3,
      User: 17,
    });
    expect(first.json.errors.map((e: { file: string; path: string }) => `${e.file} ${e.path}`)).toEqual([
      'all-apis.yaml /spec/targets/8',
      'components/invalid-component.yaml /metadata/name',
      'components/invalid-component.yaml /metadata/tags/1',
    ]);
    const again = await importFiles(files);
    expect(again.json.counts).toEqual(first.json.counts);
    expect((await t.call('GET', '/api/v1/services', { token: acme })).json.total).toBe(13);
    expect((await t.call('GET', '/api/v1/catalog/entities?limit=500', { token: acme })).json.total).toBe(67);
    const teamA = await t.call('GET', '/api/v1/teams/team-a', { token: acme });
    expect(teamA.json.people.map((p: { name: string }) => p.name)).toEqual([
      'breanna.davison',
      'guest',
      'janelle.dawe',
      'nigel.manning',
    ]);
    expect(teamA.json.services.map((s: { name: string }) => s.name)).toContain('artist-lookup');
    const apis = await t.call('GET', '/api/v1/catalog/entities?kind=api&limit=2', { token: acme });
    expect(apis.json.total).toBe(10);
    expect(apis.json.items[0]).toMatchObject({
      kind: 'API',
      namespace: 'default',
      name: 'backstage-mcp-server',
    });
    expect(apis.json.items[0].source).toBe('apis/backstage-mcp-server-api.yaml');
    const resource = await t.call('GET', '/api/v1/catalog/entities?kind=Resource', { token: acme });
    expect(resource.json.items[0].spec).toEqual({
      type: 'database',
      owner: 'team-a',
      system: 'artist-engagement-portal',
    });
    expect((await t.call('GET', '/api/v1/catalog/entities', { token: globex })).json.total).toBe(0);
  });

  it('replaces an entity imported again with changes', async () => {
    const svc = (lifecycle: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: edge}\nspec: {type: service, lifecycle: ${lifecycle}, owner: net}\n`;
    await importFiles([{ path: 'edge.yaml', content: svc('experimental') }], globex);
    await importFiles([{ path: 'edge.yaml', content: svc('production') }], globex);
    const res = await t.call('GET', '/api/v1/services/edge', { token: globex });
    expect(res.json).toMatchObject({ lifecycle: 'production', source: 'backstage', owner: 'net' });
    expect((await t.call('GET', '/api/v1/services/edge', { token: acme })).status).toBe(404);
  });

  it('answers 200 with the errors when nothing in the files is valid', async () => {
    const res = await importFiles([{ path: 'bad.yaml', content: 'kind: Widget\n' }]);
    expect(res.status).toBe(200);
    expect(res.json.imported).toEqual([]);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual([
      '/apiVersion',
      '/spec',
      '/metadata',
    ]);
  });

  it('rejects a malformed request body with problem+json', async () => {
    const missing = await t.call('POST', '/api/v1/catalog/import', { token: acme, body: { file: [] } });
    expect(missing.status).toBe(422);
    expect(missing.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/file', '/files']);
    const typed = await importFiles([{ path: 'a.yaml', content: 3 }]);
    expect(typed.json.errors[0].path).toBe('/files/0/content');
    expect((await importFiles([])).status).toBe(422);
    const broken = await t.call('POST', '/api/v1/catalog/import', { token: acme, body: '{"files": [' });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a body over the global size limit', async () => {
    const res = await importFiles([{ path: 'big.yaml', content: 'x'.repeat(2 * 1024 * 1024) }]);
    expect(res.status).toBe(413);
  });
});
