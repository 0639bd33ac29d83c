import { createRoute } from '@hono/zod-openapi';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import { requireRole } from '../http/auth.js';
import type { AppDeps } from '../http/deps.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import { evaluateSloAlerts } from './alerts.js';
import { createTarget, deleteTarget, deliverDue, listDeliveries, listTargets } from './notify.js';
import { tags } from './routes-definitions.js';

const targetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['webhook', 'slack']),
    url: z.string(),
    createdAt: z.string(),
    secret: z.string().optional().describe('webhook signing secret, shown only when created'),
  })
  .openapi('SloNotificationTarget');
const targetInput = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits, "." or "-"'),
    kind: z.enum(['webhook', 'slack']),
    url: z.url({ protocol: /^https?$/ }),
  })
  .openapi('SloNotificationTargetInput');

export function notifyRoutes(api: Api, deps: AppDeps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/slo/notification-targets',
      tags,
      summary: 'Where SLO alerts are sent (secrets are never shown again)',
      responses: {
        200: jsonResponse(z.object({ items: z.array(targetSchema), total: z.number().int() }), 'Targets'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await listTargets(c.get('db'));
      return c.json({ items, total: items.length }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/slo/notification-targets',
      tags,
      summary: 'Add a webhook (signed, X-Throughline-Signature-256) or Slack incoming-webhook target',
      description:
        'Webhook bodies are JSON `{type, tenant, slo, service, severity, objective, burnRates, budgetRemaining, startedAt, endedAt}` ' +
        'signed like GitHub: `X-Throughline-Signature-256: sha256=<HMAC-SHA256 hex of the body>` with the secret returned here once; ' +
        '`X-Throughline-Event` names the event and `X-Throughline-Delivery` the delivery. Slack targets get `{text, blocks}`.',
      middleware: [requireRole('tenant-admin')] as const,
      request: { body: jsonBody(targetInput) },
      responses: { 201: jsonResponse(targetSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createTarget(c.get('db'), c.req.valid('json'), deps.clock.now()), 201),
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/slo/notification-targets/{id}',
      tags,
      summary: 'Remove a notification target',
      middleware: [requireRole('tenant-admin')] as const,
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteTarget(c.get('db'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/slo/deliveries',
      tags,
      summary: 'Alert notifications and every delivery attempt, newest first',
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(z.record(z.string(), z.unknown())), total: z.number().int() }),
          'Deliveries',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await listDeliveries(c.get('db'));
      return c.json({ items, total: items.length }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/slo/evaluate',
      tags,
      summary:
        'Evaluate every SLO alert now and send due notifications (the background pass does this each minute)',
      middleware: [requireRole('tenant-admin')] as const,
      responses: {
        200: jsonResponse(
          z.object({
            opened: z.number().int(),
            resolved: z.number().int(),
            delivered: z.number().int(),
            failed: z.number().int(),
          }),
          'What changed',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const db = c.get('db');
      const now = deps.clock.now();
      const changes = await evaluateSloAlerts(db, { now });
      return c.json({ ...changes, ...(await deliverDue(db, { now })) }, 200);
    },
  );
}
