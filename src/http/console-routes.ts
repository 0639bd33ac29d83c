import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { packageRoot } from '../core/paths.js';
import type { RouteSet } from './app.js';

/** Serves the built console (web/dist) at `/`, with the SPA's index.html for any client route. */
export const consoleRoutes: RouteSet = {
  root(app) {
    const dist = join(packageRoot(), 'web', 'dist');
    const indexFile = join(dist, 'index.html');
    app.use('/assets/*', serveStatic({ root: dist }));
    app.get('*', async (c, next) => {
      const path = c.req.path;
      if (path.startsWith('/api/') || path.startsWith('/webhooks/') || path === '/metrics') return next();
      if (!existsSync(indexFile)) {
        return c.text('The console is not built: run `npm run build` (npm start does it for you).', 503);
      }
      return c.html(readFileSync(indexFile, 'utf8'));
    });
  },
};
