import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from '../core/zod.js';
import type { RouteSet } from '../http/app.js';
import { requireRole } from '../http/auth.js';
import type { AppDeps } from '../http/deps.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import { definitions } from './definitions.js';
import { refreshRollups } from './maintain.js';
import { doraAnswerSchema, doraQuerySchema, doraSettingsSchema, doraTrendSchema } from './model.js';
import { portfolioRoute } from './portfolio-route.js';
import { contributing, loadRows, scopeServices, summarize, trend } from './query.js';
import { readState, writeState } from './state.js';
import { resolveWindow } from './window.js';
import { daysBetween } from './zoned.js';

const tags = ['measures'];
type Query = z.infer<typeof doraQuerySchema>;

/** Everything a DORA answer needs from the request: fresh rollups, settings, scope and window. */
export async function prepare(c: Context<AppEnv>, deps: AppDeps, q: Query) {
  const db = c.get('db');
  await refreshRollups(db, { now: deps.clock.now() });
  const [{ settings }, tenant] = await Promise.all([
    readState(db),
    db.selectFrom('tenants').select('time_zone').executeTakeFirstOrThrow(),
  ]);
  const timeZone = tenant.time_zone;
  const window = resolveWindow(
    { ...(q.last ? { last: Number(q.last) } : {}), ...pick(q, 'from', 'to') },
    { now: deps.clock.now(), timeZone },
  );
  const services = await scopeServices(db, q);
  const start = q.leadTimeStart ?? settings.leadTimeStart;
  const version = q.levels ?? settings.levelsVersion;
  return { db, settings, timeZone, window, services, start, version };
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as Partial<
    Pick<T, K>
  >;
}

function windowOut(w: { fromDay: string; toDay: string }, timeZone: string) {
  return { from: w.fromDay, to: w.toDay, days: daysBetween(w.fromDay, w.toDay).length, timeZone };
}

function eventLinks(q: Query, w: { fromDay: string; toDay: string }) {
  const base = new URLSearchParams({ environment: q.environment, from: w.fromDay, to: w.toDay });
  if (q.service) base.set('service', q.service);
  if (q.team) base.set('team', q.team);
  if (q.leadTimeStart) base.set('leadTimeStart', q.leadTimeStart);
  const link = (metric: string) => `/api/v1/measures/dora/events?${base}&metric=${metric}`;
  return {
    deploymentFrequency: link('deployments'),
    changeLeadTime: link('lead-time'),
    changeFailRate: link('change-failures'),
    recoveryTime: link('recovery'),
    reworkRate: link('rework'),
  };
}

export const measuresRoutes: RouteSet = {
  api(api, deps) {
    api.openapi(
      createRoute({
        method: 'get',
        path: '/measures/dora',
        tags,
        summary:
          'The five DORA metrics for a service, team or the whole tenant, with definitions, counts and levels',
        request: { query: doraQuerySchema.extend({ groupBy: z.enum(['service', 'none']).default('none') }) },
        responses: { 200: jsonResponse(doraAnswerSchema, 'DORA metrics'), ...errorResponses },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const p = await prepare(c, deps, q);
        const rows = await loadRows(p.db, {
          services: p.services,
          environment: q.environment,
          window: p.window,
          start: p.start,
        });
        const { numbers, groups } = summarize(rows, {
          window: p.window,
          start: p.start,
          version: p.version,
          groupBy: q.groupBy,
        });
        return c.json(
          {
            tenant: c.get('tenant'),
            scope: { service: q.service ?? null, team: q.team ?? null, environment: q.environment },
            window: windowOut(p.window, p.timeZone),
            definitions,
            ...numbers,
            ...(groups ? { groups } : {}),
            events: eventLinks(q, p.window),
          },
          200,
        );
      },
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/measures/dora/trend',
        tags,
        summary: 'DORA metrics as a daily or weekly series over the window',
        request: { query: doraQuerySchema.extend({ interval: z.enum(['day', 'week']).default('week') }) },
        responses: { 200: jsonResponse(doraTrendSchema, 'Series'), ...errorResponses },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const p = await prepare(c, deps, q);
        const rows = await loadRows(p.db, {
          services: p.services,
          environment: q.environment,
          window: p.window,
          start: p.start,
          granularity: q.interval,
        });
        return c.json(
          {
            tenant: c.get('tenant'),
            window: windowOut(p.window, p.timeZone),
            interval: q.interval,
            definitions,
            points: trend(rows, {
              window: p.window,
              start: p.start,
              version: p.version,
              interval: q.interval,
            }),
          },
          200,
        );
      },
    );

    const eventItem = z.record(z.string(), z.unknown());
    api.openapi(
      createRoute({
        method: 'get',
        path: '/measures/dora/events',
        tags,
        summary: 'The deployments or changes behind a DORA number, newest first',
        request: {
          query: doraQuerySchema.extend({
            metric: z.enum(['deployments', 'lead-time', 'change-failures', 'recovery', 'rework']),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
        },
        responses: {
          200: jsonResponse(
            z.object({ items: z.array(eventItem), total: z.number().int() }),
            'Contributing events',
          ),
          ...errorResponses,
        },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const p = await prepare(c, deps, q);
        const services =
          p.services ?? (await p.db.selectFrom('services').select('name').execute()).map((r) => r.name);
        const all = await contributing(p.db, {
          services,
          environment: q.environment,
          window: p.window,
          timeZone: p.timeZone,
          windowHours: p.settings.attributionWindowHours,
          metric: q.metric,
          start: p.start,
        });
        return c.json({ items: all.slice(q.offset, q.offset + q.limit), total: all.length }, 200);
      },
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/measures/dora/settings',
        tags,
        summary: 'How this tenant computes DORA: attribution window, levels table, lead-time start',
        responses: { 200: jsonResponse(doraSettingsSchema, 'Settings'), ...errorResponses },
      }),
      async (c) => c.json((await readState(c.get('db'))).settings, 200),
    );
    api.openapi(
      createRoute({
        method: 'put',
        path: '/measures/dora/settings',
        tags,
        summary: 'Change how this tenant computes DORA (a new attribution window rebuilds the rollups)',
        middleware: [requireRole('tenant-admin')] as const,
        request: { body: jsonBody(doraSettingsSchema) },
        responses: { 200: jsonResponse(doraSettingsSchema, 'Settings'), ...errorResponses },
      }),
      async (c) => {
        const db = c.get('db');
        const state = await readState(db);
        const settings = c.req.valid('json');
        await writeState(db, { ...state, settings });
        return c.json(settings, 200);
      },
    );

    portfolioRoute(api, deps);
  },
};
