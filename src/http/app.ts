import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { newId } from '../core/ids.js';
import { authenticate } from './auth.js';
import type { AppDeps } from './deps.js';
import type { AppEnv } from './env.js';
import { HttpMetrics } from './metrics.js';
import { problemResponse, RequestValidationError, toProblem } from './problem.js';

export type Api = OpenAPIHono<AppEnv>;

export interface RouteSet {
  /** Routes under /api/v1 that need an authenticated principal and a tenant. */
  api?: (api: Api, deps: AppDeps) => void;
  /** Path prefixes that take bodies up to the ingest limit instead of the general one. */
  largeBodyPaths?: string[];
  /** Routes mounted at the root that authenticate on their own (sign-in, webhooks, health). */
  root?: (app: Api, deps: AppDeps, ctx: { metrics: HttpMetrics }) => void;
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** A sub-app whose validation failures become problem+json naming each wrong field. */
export function newApi(): Api {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new RequestValidationError(result.target, result.error);
    },
  });
}

/** The HTTP application: cross-cutting middleware once, then each capability's routes. */
export function createApp(deps: AppDeps, routeSets: readonly RouteSet[]): { app: Api; metrics: HttpMetrics } {
  const app = newApi();
  const metrics = new HttpMetrics();

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : newId();
    c.set('requestId', requestId);
    c.set('log', deps.log.child({ requestId }));
    const start = performance.now();
    await next();
    c.header('x-request-id', requestId);
    c.get('log').info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - start),
      },
      'request',
    );
  });
  app.use('*', metrics.middleware());
  const largeBodyPaths = routeSets.flatMap((r) => r.largeBodyPaths ?? []);
  const limiter = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new HTTPException(413, { message: `request body exceeds ${maxSize} bytes` });
      },
    });
  const general = limiter(deps.config.bodyLimit);
  const large = limiter(deps.config.ingestBodyLimit);
  app.use('*', (c, next) =>
    (largeBodyPaths.some((p) => c.req.path.startsWith(p)) ? large : general)(c, next),
  );

  app.onError((err, c) => {
    const problem = toProblem(err, c);
    if (problem.status >= 500) (c.get('log') ?? deps.log).error({ err }, 'unhandled error');
    return problemResponse(c, problem);
  });
  app.notFound((c) =>
    problemResponse(c, {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `no route for ${c.req.method} ${c.req.path}`,
      instance: c.req.path,
      requestId: c.get('requestId'),
    }),
  );

  for (const set of routeSets) set.root?.(app, deps, { metrics });

  const api = newApi();
  api.use('*', authenticate({ access: deps.access, store: deps.store }));
  for (const set of routeSets) set.api?.(api, deps);
  app.route('/api/v1', api);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`throughline token create`), or the console session cookie.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Throughline API',
      version: '1',
      description:
        'Every error is RFC 9457 application/problem+json. Provider-admins act in another tenant with the `Throughline-Tenant` header.',
    },
    security: [{ bearer: [] }],
  });
  return { app, metrics };
}
