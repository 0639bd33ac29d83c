import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { createApp } from '../src/http/app.js';
import { createTestApp, type TestApp, testBootstrapToken } from '../src/testing/app.js';
import { engines } from '../src/testing/databases.js';
import {
  enumProperties,
  type OpenApiDoc,
  type Operation,
  operations,
  resolve,
  sampleValue,
} from './openapi-walk.js';

/**
 * Sends every JSON-accepting route the classic bad inputs. Each must answer 4xx problem+json, never
 * 5xx, and leave every table exactly as it was.
 */
describe.each(engines)('bad input on every route on %s', (engine) => {
  let t: TestApp;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedDemo(t.app, t.deps, { tenantId: 'demo' });
    doc = (await t.call('GET', '/api/openapi.json')).json;
  });
  afterAll(() => t.close());

  async function snapshot(): Promise<Record<string, string[]>> {
    const tables = await t.deps.store.system.introspection.getTables();
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      // Counting a rejection is what ingest status is for; it is the one write bad input may cause.
      if (table.name === 'ingest_counters') continue;
      const rows = await t.deps.store.system
        .selectFrom(table.name as never)
        .selectAll()
        .execute();
      out[table.name] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  }

  /** Tables whose rows differ, with the first differing row on each side. */
  function changed(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
    return Object.keys(after).flatMap((k) => {
      const a = before[k] ?? [];
      const b = after[k]!;
      if (JSON.stringify(a) === JSON.stringify(b)) return [];
      const gone = a.find((r) => !b.includes(r));
      const added = b.find((r) => !a.includes(r));
      return [`${k}: -${gone ?? ''} +${added ?? ''}`];
    });
  }

  /** A path with real demo identifiers where the collection has them, so validation is what fails. */
  async function concretePath(op: Operation): Promise<string> {
    let path = op.path;
    for (const param of op.params) {
      const at = path.indexOf(`{${param}}`);
      const list = await t.call('GET', path.slice(0, at).replace(/\/$/, ''), { tenant: 'demo' });
      const first = list.json?.items?.[0];
      const value = first?.[param] ?? first?.id ?? first?.name ?? 'missing';
      path = path.replace(`{${param}}`, encodeURIComponent(String(value)));
    }
    return path;
  }

  const cases: [string, (op: Operation) => { body: string; headers?: Record<string, string> } | undefined][] =
    [
      ['malformed JSON', () => ({ body: '{"name": "x",' })],
      ['wrong content type', () => ({ body: 'name=x', headers: { 'content-type': 'text/plain' } })],
      [
        'oversized body',
        (op) => ({
          body: JSON.stringify({
            pad: 'x'.repeat((op.operation['x-throughline-body-limit'] ?? 1024 * 1024) + 10),
          }),
        }),
      ],
      [
        'unknown field',
        (op) =>
          resolve(doc, op.jsonBody).additionalProperties === false
            ? { body: JSON.stringify({ ...(sampleValue(doc, op.jsonBody) as object), zzUnknown: 1 }) }
            : undefined,
      ],
      [
        'invalid enum value',
        (op) => {
          const key = enumProperties(doc, op.jsonBody)[0];
          return key
            ? {
                body: JSON.stringify({
                  ...(sampleValue(doc, op.jsonBody) as object),
                  [key]: 'not-a-valid-value',
                }),
              }
            : undefined;
        },
      ],
    ];

  it('answers 4xx problem+json and writes nothing', async () => {
    const ops = operations(doc).filter((o) => o.jsonBody);
    expect(ops.length).toBeGreaterThan(3);
    await t.call('GET', '/api/v1/me'); // the token's last use is recorded once, before the snapshot
    const before = await snapshot();
    const wrong: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const path = await concretePath(op);
      for (const [label, make] of cases) {
        const req = make(op);
        if (!req) continue;
        sent++;
        const res = await t.call(op.method, path, {
          tenant: 'demo',
          body: req.body,
          headers: { 'content-type': 'application/json', ...(req.headers ?? {}) },
        });
        const ok =
          res.status >= 400 &&
          res.status < 500 &&
          res.headers.get('content-type') === 'application/problem+json' &&
          res.json?.status === res.status;
        if (!ok) wrong.push(`${label}: ${op.method} ${path} → ${res.status} ${res.text.slice(0, 120)}`);
        if (
          label === 'unknown field' &&
          !res.json?.errors?.some((e: { path: string }) => e.path.endsWith('/zzUnknown'))
        ) {
          wrong.push(`${label}: ${op.method} ${path} does not name /zzUnknown`);
        }
        if (label === 'malformed JSON' && res.status !== 400)
          wrong.push(`${label}: ${op.method} ${path} → ${res.status}`);
        if (label === 'wrong content type' && res.status !== 415)
          wrong.push(`${label}: ${op.method} ${path} → ${res.status}`);
        if (label === 'oversized body' && res.status !== 413)
          wrong.push(`${label}: ${op.method} ${path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(ops.length * 3);
    expect(changed(before, await snapshot())).toEqual([]);
  });

  it('names the field of a wrong value', async () => {
    const res = await t.call('POST', '/api/v1/tenants', { body: { id: 'Not A Slug', name: '' } });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/id', '/name']);
    expect(res.json.errors[0].in).toBe('body');
  });

  it('turns an unexpected failure into a 500 that leaks nothing', async () => {
    const { app } = createApp(t.deps, [
      {
        api: (api) =>
          api.get('/boom', () => {
            throw new Error('secret internal detail');
          }),
      },
    ]);
    const res = await app.request('/api/v1/boom', {
      headers: { authorization: `Bearer ${testBootstrapToken}` },
    });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(text).not.toContain('secret internal detail');
    expect(JSON.parse(text).requestId).toBe(res.headers.get('x-request-id'));
  });
});
