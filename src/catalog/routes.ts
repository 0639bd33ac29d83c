import type { RouteSet } from '../http/app.js';
import { entityRoutes } from './entity-routes.js';
import { CatalogService } from './service.js';
import { serviceRoutes } from './service-routes.js';
import { teamRoutes } from './team-routes.js';

/** The catalog's HTTP API under /api/v1: services, teams, systems, raw entities, Backstage import. */
export const catalogRoutes: RouteSet = {
  api(api, deps) {
    const catalog = new CatalogService(deps.clock);
    serviceRoutes(api, catalog);
    teamRoutes(api, catalog);
    entityRoutes(api, catalog);
  },
};
