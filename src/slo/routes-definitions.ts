import { createRoute } from '@hono/zod-openapi';
import { InputError, NotFoundError } from '../core/errors.js';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import type { AppDeps } from '../http/deps.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import { deleteSlo, getSlo, importDefinitions, putSlo, resolvedSlo } from './definitions.js';
import { isRef, type Slo, sliSchema, sloSchema } from './model.js';
import { exportOpenSlo } from './openslo/index.js';
import { prometheusRules, renderRulesYaml } from './rules/index.js';
import { budgetJson, sloBudgets } from './service.js';
import { getObject, listObjects } from './store.js';

export const tags = ['slo'];
export const nameParam = z.object({ name: z.string().min(1).max(253) });

const importRequestSchema = z
  .strictObject({
    files: z
      .array(z.strictObject({ path: z.string().min(1).max(1024), content: z.string() }))
      .min(1)
      .max(1000),
  })
  .openapi('SloImportRequest');

const importResultSchema = z
  .object({
    imported: z.array(z.object({ kind: z.string(), name: z.string() })),
    errors: z.array(
      z.object({ file: z.string(), document: z.number(), path: z.string(), message: z.string() }),
    ),
  })
  .openapi('SloImportResult');

const sloBodySchema = z.strictObject(sloSchema.shape).openapi('SloDefinition');
const sloListItem = z
  .object({
    name: z.string(),
    displayName: z.string().nullable(),
    service: z.string(),
    budgetingMethod: z.string(),
    target: z.number(),
    attainment: z.number().nullable(),
    remainingFraction: z.number().nullable(),
    dataCoverage: z.number(),
  })
  .openapi('SloSummary');
const yamlResponse = (description: string) => ({
  description,
  content: { 'text/yaml': { schema: z.string() } },
});

export function definitionRoutes(api: Api, deps: AppDeps): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/slo/import',
      tags,
      summary: 'Import OpenSLO v1 YAML (all objects or none)',
      description:
        'Every object is checked and every reference must name an object of the import or a stored one. ' +
        'With any problem nothing is written and the answer is a 422 problem listing each (file, document, path); ' +
        'otherwise every object replaces the stored one of the same kind and name.',
      request: { body: jsonBody(importRequestSchema) },
      responses: { 200: jsonResponse(importResultSchema, 'Imported'), ...errorResponses },
    }),
    async (c) => {
      const { files } = c.req.valid('json');
      const out = await importDefinitions(c.get('db'), files, deps.clock.now());
      if (out.imported.length === 0) {
        const issues = out.errors.length
          ? out.errors
          : [{ file: files[0]!.path, document: 0, path: '/', message: 'no OpenSLO object in the files' }];
        // Problem paths point into the request: file, YAML document in its content, field.
        throw new InputError(
          `OpenSLO import rejected: ${issues.length} problem(s); nothing was imported`,
          issues.map((e) => ({
            path: `/files/${Math.max(
              0,
              files.findIndex((f) => f.path === e.file),
            )}/content/${e.document}${e.path === '/' ? '' : e.path}`,
            message: e.message,
          })),
        );
      }
      return c.json(out, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slo/export',
      tags,
      summary: 'Every stored SLO object as multi-document OpenSLO v1 YAML',
      responses: { 200: yamlResponse('OpenSLO YAML'), ...errorResponses },
    }),
    async (c) => c.body(exportOpenSlo(await listObjects(c.get('db'))), 200, { 'content-type': 'text/yaml' }),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slos',
      tags,
      summary: 'SLOs with their current attainment and remaining error budget (first objective)',
      responses: {
        200: jsonResponse(z.object({ items: z.array(sloListItem), total: z.number().int() }), 'SLOs'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const db = c.get('db');
      const now = deps.clock.now();
      const items = [];
      for (const slo of await listObjects(db, 'SLO')) {
        const first = (await sloBudgets(db, slo, now))[0]!;
        items.push({
          name: slo.name,
          displayName: slo.displayName ?? null,
          service: slo.service,
          budgetingMethod: slo.budgetingMethod,
          target: first.target,
          attainment: first.result?.attainment ?? null,
          remainingFraction: first.result?.budget.remainingFraction ?? null,
          dataCoverage: first.result?.dataCoverage ?? 0,
        });
      }
      return c.json({ items, total: items.length }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slos/{name}',
      tags,
      summary: 'One SLO as its model JSON, with the budget of each objective',
      request: { params: nameParam },
      responses: {
        200: jsonResponse(
          z.object({ slo: sloSchema, budgets: z.array(z.record(z.string(), z.unknown())) }),
          'The SLO',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const db = c.get('db');
      const slo = await getSlo(db, c.req.valid('param').name);
      const budgets = (await sloBudgets(db, slo, deps.clock.now())).map(budgetJson);
      return c.json({ slo, budgets }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/slos/{name}',
      tags,
      summary: 'Create or replace an SLO from its model JSON (references must exist)',
      request: { params: nameParam, body: jsonBody(sloBodySchema) },
      responses: {
        200: jsonResponse(sloSchema, 'Replaced'),
        201: jsonResponse(sloSchema, 'Created'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const name = c.req.valid('param').name;
      const slo = c.req.valid('json') as Slo;
      if (slo.name !== name)
        throw new InputError('name differs from the path', [{ path: '/name', message: `must be ${name}` }]);
      const { created } = await putSlo(c.get('db'), slo, deps.clock.now());
      return created ? c.json(slo, 201) : c.json(slo, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/slos/{name}',
      tags,
      summary: 'Delete an SLO with its rollups and alerts (samples of its SLIs stay)',
      request: { params: nameParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteSlo(c.get('db'), c.req.valid('param').name);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slos/{name}/rules',
      tags,
      summary: 'Prometheus recording and alerting rules for the SLO (Sloth-compatible)',
      request: {
        params: nameParam,
        query: z.object({ format: z.enum(['prometheus']).default('prometheus') }),
      },
      responses: { 200: yamlResponse('Prometheus rules file'), ...errorResponses },
    }),
    async (c) => {
      const slo = await resolvedSlo(c.get('db'), c.req.valid('param').name);
      const yaml = renderRulesYaml(
        prometheusRules(slo, {
          alerting: {
            name: slo.name,
            page: { labels: { severity: 'page' } },
            ticket: { labels: { severity: 'ticket' } },
          },
        }),
      );
      return c.body(yaml, 200, { 'content-type': 'text/yaml' });
    },
  );

  const sliItem = z
    .object({
      name: z.string(),
      type: z.enum(['ratio', 'threshold']),
      stored: z.boolean(),
      usedBy: z.array(z.string()),
    })
    .openapi('SliSummary');
  api.openapi(
    createRoute({
      method: 'get',
      path: '/slis',
      tags,
      summary: 'SLIs: stored ones and those defined inline in SLOs, with the SLOs reading them',
      responses: {
        200: jsonResponse(z.object({ items: z.array(sliItem), total: z.number().int() }), 'SLIs'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await listSlis(c.get('db'));
      return c.json({ items, total: items.length }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slis/{name}',
      tags,
      summary: 'One SLI as its model JSON',
      request: { params: nameParam },
      responses: {
        200: jsonResponse(z.object({ sli: sliSchema, usedBy: z.array(z.string()) }), 'The SLI'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const db = c.get('db');
      const name = c.req.valid('param').name;
      const sli = (await getObject(db, 'SLI', name))?.object ?? (await inlineSlis(db)).get(name)?.sli;
      if (!sli) throw new NotFoundError(`SLI ${name} not found`);
      const usedBy = (await listSlis(db)).find((s) => s.name === name)?.usedBy ?? [];
      return c.json({ sli, usedBy }, 200);
    },
  );
}

async function inlineSlis(db: Parameters<typeof listObjects>[0]) {
  const out = new Map<string, { sli: z.infer<typeof sliSchema>; slos: Set<string> }>();
  for (const slo of await listObjects(db, 'SLO')) {
    for (const i of [slo.indicator, ...slo.objectives.map((o) => o.indicator)]) {
      if (!i || isRef(i)) continue;
      const e = out.get(i.name) ?? { sli: i, slos: new Set<string>() };
      e.slos.add(slo.name);
      out.set(i.name, e);
    }
  }
  return out;
}

async function listSlis(db: Parameters<typeof listObjects>[0]) {
  const series = await db.selectFrom('slo_series').select(['sli', 'slo']).execute();
  const usedBy = (name: string) =>
    [...new Set(series.filter((s) => s.sli === name).map((s) => s.slo))].sort();
  const stored = await listObjects(db, 'SLI');
  const names = new Set(stored.map((s) => s.name));
  const items = stored.map((s) => ({
    name: s.name,
    type: s.metric.type,
    stored: true,
    usedBy: usedBy(s.name),
  }));
  for (const [name, e] of await inlineSlis(db)) {
    if (!names.has(name)) items.push({ name, type: e.sli.metric.type, stored: false, usedBy: usedBy(name) });
  }
  return items.sort((a, b) => a.name.localeCompare(b.name));
}
