import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { createTestApp, type TestApp } from '../src/testing/app.js';
import { engines } from '../src/testing/databases.js';
import { type OpenApiDoc, operations, sampleValue } from './openapi-walk.js';

/**
 * Walks every route of the OpenAPI document with tenant A's token against tenant B's objects.
 * B holds the full demo data set, A holds nothing: whatever A can see or change of B is a leak.
 * New routes are covered as soon as they are in the document and the demo data has objects for them.
 */
describe.each(engines)('tenant isolation across every route on %s', (engine) => {
  let t: TestApp;
  let alpha: string;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedDemo(t.app, t.deps, { tenantId: 'bravo', name: 'Bravo' });
    alpha = await t.tenantWithToken('alpha');
    doc = (await t.call('GET', '/api/openapi.json')).json;
  });
  afterAll(() => t.close());

  async function bravoSnapshot(): Promise<string> {
    const tables = await t.deps.store.system.introspection.getTables();
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      if (!table.columns.some((c) => c.name === 'tenant_id')) continue;
      const rows = await t.deps.store.system
        .selectFrom(table.name as never)
        .selectAll()
        .where('tenant_id' as never, '=', 'bravo' as never)
        .execute();
      out[table.name] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return JSON.stringify(out);
  }

  /** Values of a path parameter, from the collection above it, as a tenant sees it. */
  async function valuesOf(collection: string, param: string, token?: string): Promise<string[]> {
    const list = await t.call('GET', collection, token ? { token } : { tenant: 'bravo' });
    const items: Record<string, unknown>[] = list.status === 200 ? (list.json.items ?? []) : [];
    return items
      .map((i) => i[param] ?? i.id ?? i.name)
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      .map(String);
  }

  /** B's values for each templated path (what A can also see of its own is left out). */
  async function bravoPaths(path: string): Promise<string[]> {
    const first = /\{([^}]+)\}/.exec(path);
    if (!first) return [path];
    const collection = path.slice(0, first.index).replace(/\/$/, '');
    const param = first[1]!;
    const own = new Set(await valuesOf(collection, param, alpha));
    const values = (await valuesOf(collection, param)).filter((v) => !own.has(v)).slice(0, 3);
    const out: string[] = [];
    for (const v of values) {
      out.push(...(await bravoPaths(path.replace(first[0], encodeURIComponent(v)))));
    }
    return out;
  }

  it('finds B objects for every templated route (else the demo data misses a capability)', async () => {
    const uncovered: string[] = [];
    for (const op of operations(doc)) {
      if (op.params.length && (await bravoPaths(op.path)).length === 0)
        uncovered.push(`${op.method} ${op.path}`);
    }
    expect(uncovered).toEqual([]);
  });

  it('A reads and changes none of B through any route', async () => {
    const bravoNames = new Set<string>();
    const leaks: string[] = [];
    for (const op of operations(doc).filter((o) => o.method === 'GET' && o.params.length === 0)) {
      const asB = await t.call('GET', op.path, { tenant: 'bravo' });
      for (const item of asB.json?.items ?? []) {
        for (const key of ['id', 'name'])
          if (typeof item[key] === 'string' && item[key].length >= 4) bravoNames.add(item[key]);
      }
    }
    for (const op of operations(doc).filter((o) => o.method === 'GET' && o.params.length === 0)) {
      const asA = await t.call('GET', op.path, { token: alpha });
      for (const item of asA.json?.items ?? [])
        for (const key of ['id', 'name']) bravoNames.delete(item[key]);
    }
    for (const own of ['alpha', 'ALPHA']) bravoNames.delete(own);
    expect(bravoNames.size).toBeGreaterThan(0);
    // After B's own reads: those may fill B's caches (rollups), which is B's business, not a leak.
    const before = await bravoSnapshot();

    // Upserts (PUT) run last: they create A's own objects under B's names, which later reads would find.
    const ordered = [...operations(doc)].sort(
      (a, b) => Number(a.method === 'PUT') - Number(b.method === 'PUT'),
    );
    for (const op of ordered) {
      // A naming B in the tenant header is refused as if B did not exist.
      const viaHeader = await t.call(op.method, op.path.replace(/\{[^}]+\}/g, 'x'), {
        token: alpha,
        tenant: 'bravo',
      });
      if (viaHeader.status !== 404)
        leaks.push(`${op.method} ${op.path} with tenant header → ${viaHeader.status}`);

      const paths = op.params.length ? await bravoPaths(op.path) : [op.path];
      for (const path of paths) {
        const body = op.jsonBody ? sampleValue(doc, op.jsonBody) : undefined;
        const res = await t.call(op.method, path, { token: alpha, ...(body !== undefined ? { body } : {}) });
        if (res.status >= 500) leaks.push(`${op.method} ${path} → ${res.status}`);
        if (op.params.length && ['GET', 'DELETE', 'PATCH', 'POST'].includes(op.method) && res.status < 400) {
          leaks.push(`${op.method} ${path} on B's object → ${res.status}`);
        }
        if (op.method === 'GET') {
          for (const name of bravoNames) {
            if (res.text.includes(`"${name}"`)) leaks.push(`${op.method} ${path} shows B's "${name}"`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await bravoSnapshot()).toBe(before);
  });
});
