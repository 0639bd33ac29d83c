import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { packageRoot } from '../core/paths.js';
import { z } from '../core/zod.js';
import { pendingMigrations } from '../store/migrate.js';
import type { RouteSet } from './app.js';
import { jsonResponse } from './schemas.js';

const tags = ['system'];
const swaggerDir = 'node_modules/swagger-ui-dist';

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Throughline API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const docsInit = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true,
  persistAuthorization: true, withCredentials: true });`;

/** Health, readiness, metrics and the API reference page: unauthenticated, for probes and people. */
export const systemRoutes: RouteSet = {
  root(app, deps, { metrics }) {
    app.openapi(
      createRoute({
        method: 'get',
        path: '/healthz',
        tags,
        summary: 'Liveness: the process serves requests',
        security: [],
        responses: { 200: jsonResponse(z.object({ status: z.literal('ok') }), 'Alive') },
      }),
      (c) => c.json({ status: 'ok' as const }, 200),
    );

    const readySchema = z.object({
      status: z.enum(['ready', 'not-ready']),
      store: z.object({ engine: z.string(), reachable: z.boolean() }),
      pendingMigrations: z.array(z.string()),
    });
    app.openapi(
      createRoute({
        method: 'get',
        path: '/readyz',
        tags,
        summary: 'Readiness: the store answers and every migration is applied',
        security: [],
        responses: { 200: jsonResponse(readySchema, 'Ready'), 503: jsonResponse(readySchema, 'Not ready') },
      }),
      async (c) => {
        let reachable = true;
        let pending: string[] = [];
        try {
          await sql`select 1`.execute(deps.store.system);
          pending = await pendingMigrations(deps.store.system, deps.migrations);
        } catch (err) {
          reachable = false;
          deps.log.warn({ err }, 'readiness check failed');
        }
        const ready = reachable && pending.length === 0;
        const body = {
          status: ready ? ('ready' as const) : ('not-ready' as const),
          store: { engine: deps.store.engine, reachable },
          pendingMigrations: pending,
        };
        return ready ? c.json(body, 200) : c.json(body, 503);
      },
    );

    app.get('/metrics', async (c) =>
      c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
    );

    app.get('/api/docs', (c) => c.html(docsPage));
    app.get('/api/docs/init.js', (c) => c.body(docsInit, 200, { 'content-type': 'text/javascript' }));
    app.use(
      '/api/docs/assets/*',
      serveStatic({
        root: `${packageRoot()}/${swaggerDir}`,
        rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, ''),
      }),
    );
  },
};
