import type { RouteSet } from '../http/app.js';
import { budgetRoutes } from './routes-budget.js';
import { definitionRoutes } from './routes-definitions.js';
import { notifyRoutes } from './routes-notify.js';
import { samplesRoute } from './routes-samples.js';

/** The SLO capability's HTTP API under /api/v1. */
export const sloRoutes: RouteSet = {
  largeBodyPaths: ['/api/v1/sli-samples'],
  api(api, deps) {
    definitionRoutes(api, deps);
    samplesRoute(api, deps);
    budgetRoutes(api, deps);
    notifyRoutes(api, deps);
  },
};
