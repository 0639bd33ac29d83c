import type { RouteSet } from '../http/app.js';
import { decisionRoutes } from './routes-decisions.js';
import { githubRoutes } from './routes-github.js';
import { policyRoutes } from './routes-policies.js';

/** The gates capability's HTTP API under /api/v1. */
export const gatesRoutes: RouteSet = {
  api(api, deps) {
    policyRoutes(api, deps);
    decisionRoutes(api, deps);
    githubRoutes(api, deps);
  },
};
