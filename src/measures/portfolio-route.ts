import { createRoute } from '@hono/zod-openapi';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import { requireRole } from '../http/auth.js';
import type { AppDeps } from '../http/deps.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';
import { levelVersions } from './levels.js';
import { refreshRollups } from './maintain.js';
import { doraNumbersSchema } from './model.js';
import { loadRows, summarize } from './query.js';
import { readState } from './state.js';
import { resolveWindow } from './window.js';

/** Every customer's DORA numbers at a glance, for the provider. Each tenant in its own time zone. */
export function portfolioRoute(api: Api, deps: AppDeps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/measures/dora/portfolio',
      tags: ['measures'],
      summary: 'DORA metrics of every tenant (provider-admin)',
      middleware: [requireRole('provider-admin')] as const,
      request: {
        query: z.object({
          environment: z.string().default('production'),
          last: z.enum(['7', '30', '90', '180', '365']).default('30'),
          levels: z.enum(levelVersions).optional(),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              doraNumbersSchema.extend({
                tenant: z.string(),
                name: z.string(),
                from: z.string(),
                to: z.string(),
              }),
            ),
          }),
          'One entry per tenant',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const tenants = await deps.store.system
        .selectFrom('tenants')
        .select(['tenant_id', 'name', 'time_zone'])
        .where('kind', '=', 'customer')
        .orderBy('tenant_id')
        .execute();
      const items = [];
      for (const t of tenants) {
        const db = deps.store.forTenant(t.tenant_id);
        await refreshRollups(db, { now: deps.clock.now() });
        const { settings } = await readState(db);
        const window = resolveWindow(
          { last: Number(q.last) },
          { now: deps.clock.now(), timeZone: t.time_zone },
        );
        const rows = await loadRows(db, {
          services: undefined,
          environment: q.environment,
          window,
          start: settings.leadTimeStart,
        });
        const { numbers } = summarize(rows, {
          window,
          start: settings.leadTimeStart,
          version: q.levels ?? settings.levelsVersion,
        });
        items.push({ tenant: t.tenant_id, name: t.name, from: window.fromDay, to: window.toDay, ...numbers });
      }
      return c.json({ items }, 200);
    },
  );
}
