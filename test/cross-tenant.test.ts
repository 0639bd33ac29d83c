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

  /** B's values for each templated path, by listing the collection above each parameter as B sees it. */
  async function bravoPaths(path: string): Promise<string[]> {
    const first = /\{([^}]+)\}/.exec(path);
    if (!first) return [path];
    const collection = path.slice(0, first.index).replace(/\/$/, '');
    const list = await t.call('GET', collection, { tenant: 'bravo' });
    const items: Record<string, unknown>[] = list.status === 200 ? (list.json.items ?? []) : [];
    const param = first[1]!;
    const values = items
      .map((i) => i[param] ?? i.id ?? i.name)
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      .slice(0, 3);
    const out: string[] = [];
    for (const v of values) {
      out.push(...(await bravoPaths(path.replace(first[0], encodeURIComponent(String(v))))));
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
    const before = await bravoSnapshot();
    const bravoNames = new Set<string>();
    const leaks: string[] = [];
    for (const op of operations(doc).filter((o) => o.method === 'GET' && o.params.length === 0)) {
      const asB = await t.call('GET', op.path, { tenant: 'bravo' });
      for (const item of asB.json?.items ?? []) {
        for (const key of ['id', 'name'])
          if (typeof item[key] === 'string' && item[key].length >= 4) bravoNames.add(item[key]);
      }
    }
    bravoNames.delete('alpha');
    expect(bravoNames.size).toBeGreaterThan(0);

    for (const op of operations(doc)) {
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
