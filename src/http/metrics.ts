import type { MiddlewareHandler } from 'hono';
import { Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one app instance (a registry each, so several apps can share a process). */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: 'throughline_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: 'throughline_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  observe(labels: { method: string; route: string; status: string }, seconds: number): void {
    this.#requests.inc(labels);
    this.#duration.observe(labels, seconds);
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const start = process.hrtime.bigint();
      await next();
      const handler = c.req.matchedRoutes.filter((r) => r.method !== 'ALL').at(-1);
      const route = handler?.path ?? (c.res.status === 404 ? 'unmatched' : c.req.routePath);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      this.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    };
  }
}
