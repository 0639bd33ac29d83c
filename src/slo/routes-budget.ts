import { createRoute } from '@hono/zod-openapi';
import { iso } from '../access/model.js';
import { InputError } from '../core/errors.js';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import type { AppDeps } from '../http/deps.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';
import { listAlerts } from './alerts.js';
import { durationMs } from './budget/index.js';
import { getSlo } from './definitions.js';
import { nameParam, tags } from './routes-definitions.js';
import { budgetJson, burndown, burnRateSeries, errorBudgetsOfService, sloBudgets } from './service.js';

const anyObject = z.record(z.string(), z.unknown());
const instant = (field: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new InputError(`${field} is not a date`, [
      { path: `/${field}`, message: 'RFC 3339 date-time expected' },
    ]);
  return t;
};

export function budgetRoutes(api: Api, deps: AppDeps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/slos/{name}/budget',
      tags,
      summary: 'Attainment, error budget, burn rates (5m … 3d), exhaustion forecast and data coverage',
      description:
        'Answered from hour and day rollups plus the minutes at the edges. Budget units are events ' +
        "(Occurrences) or minutes (Timeslices, RatioTimeslices). Top-level figures are the first objective's.",
      request: { params: nameParam, query: z.object({ at: z.iso.datetime({ offset: true }).optional() }) },
      responses: { 200: jsonResponse(anyObject, 'Budget'), ...errorResponses },
    }),
    async (c) => {
      const db = c.get('db');
      const slo = await getSlo(db, c.req.valid('param').name);
      const at = instant('at', c.req.valid('query').at, deps.clock.now());
      const objectives = (await sloBudgets(db, slo, at)).map(budgetJson);
      return c.json({ slo: slo.name, service: slo.service, at: iso(at), ...objectives[0]!, objectives }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slos/{name}/burndown',
      tags,
      summary: 'Error budget remaining through the current window (first objective), for a burn-down chart',
      request: {
        params: nameParam,
        query: z.object({ points: z.coerce.number().int().min(2).max(1000).default(120) }),
      },
      responses: { 200: jsonResponse(anyObject, 'Burn-down'), ...errorResponses },
    }),
    async (c) => {
      const db = c.get('db');
      const slo = await getSlo(db, c.req.valid('param').name);
      const out = await burndown(db, slo, { now: deps.clock.now(), points: c.req.valid('query').points });
      return c.json({ slo: slo.name, ...out }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slos/{name}/burn-rate',
      tags,
      summary: 'Burn rate over a rolling window as a series between from and to (at most 31 days)',
      request: {
        params: nameParam,
        query: z.object({
          window: z
            .string()
            .regex(/^[1-9][0-9]*[mhd]$/, 'a window such as 5m, 1h or 3d')
            .default('1h'),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          points: z.coerce.number().int().min(2).max(2000).default(288),
        }),
      },
      responses: { 200: jsonResponse(anyObject, 'Series'), ...errorResponses },
    }),
    async (c) => {
      const db = c.get('db');
      const q = c.req.valid('query');
      const slo = await getSlo(db, c.req.valid('param').name);
      const to = instant('to', q.to, deps.clock.now());
      const from = instant('from', q.from, to - 86_400_000);
      if (!(from < to) || to - from > 31 * 86_400_000)
        throw new InputError('from must be before to, at most 31 days', [
          { path: '/from', message: 'out of range' },
        ]);
      const windowMs = durationMs(q.window);
      const points = await burnRateSeries(db, slo, { windowMs, from, to, points: q.points });
      return c.json({ slo: slo.name, window: q.window, from: iso(from), to: iso(to), points }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slos/{name}/alerts',
      tags,
      summary: 'Active and past burn-rate alerts of the SLO, newest first',
      request: { params: nameParam },
      responses: {
        200: jsonResponse(z.object({ items: z.array(anyObject), total: z.number().int() }), 'Alerts'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const db = c.get('db');
      const slo = await getSlo(db, c.req.valid('param').name);
      const items = await listAlerts(db, slo.name);
      return c.json({ items, total: items.length }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{name}/error-budget',
      tags,
      summary: 'Remaining error budget of every SLO of a service (what gates read)',
      request: { params: nameParam },
      responses: { 200: jsonResponse(anyObject, 'Error budgets'), ...errorResponses },
    }),
    async (c) =>
      c.json(await errorBudgetsOfService(c.get('db'), c.req.valid('param').name, deps.clock.now()), 200),
  );
}
