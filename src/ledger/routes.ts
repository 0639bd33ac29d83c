import { createRoute } from '@hono/zod-openapi';
import { z } from '../core/zod.js';
import type { RouteSet } from '../http/app.js';
import { requireRole } from '../http/auth.js';
import { errorResponses, jsonBody, jsonResponse, pageOf } from '../http/schemas.js';
import { eventsRoute } from './events-route.js';
import {
  changeSchema,
  createMappingSchema,
  deploymentSchema,
  eventSummarySchema,
  mappingSchema,
  rotateSecretSchema,
  shippedChangeSchema,
  sourceSecretSchema,
  webhookSourceSchema,
} from './model.js';
import { getDeployment, getEvent, listChanges, listDeployments, listEvents } from './queries.js';
import {
  addMapping,
  ingestStatus,
  listMappings,
  listSecrets,
  removeMapping,
  rotateSecret,
} from './settings.js';
import { webhookRoutes } from './webhook-routes.js';

const tags = ['ledger'];
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** The delivery ledger's API: ingest, the read side, mappings and webhook secrets. */
export const ledgerRoutes: RouteSet = {
  largeBodyPaths: ['/api/v1/events', '/webhooks/'],
  root: (app, deps) => webhookRoutes(app, deps),
  api(api, deps) {
    eventsRoute(api, deps);

    const eventList = pageOf(eventSummarySchema, 'LedgerEventPage');
    api.openapi(
      createRoute({
        method: 'get',
        path: '/events',
        tags,
        summary: 'Stored events, newest first; `unmatched=true` lists those that name no catalog service yet',
        request: {
          query: z.object({
            source: z.string().optional(),
            unmatched: z.enum(['true', 'false']).optional(),
            ...page,
          }),
        },
        responses: { 200: jsonResponse(eventList, 'Events'), ...errorResponses },
      }),
      async (c) => {
        const { unmatched, ...q } = c.req.valid('query');
        return c.json(
          await listEvents(c.get('db'), { ...q, ...(unmatched ? { unmatched: unmatched === 'true' } : {}) }),
          200,
        );
      },
    );
    api.openapi(
      createRoute({
        method: 'get',
        path: '/events/{id}',
        tags,
        summary: 'One stored event with its raw payload, as received (id is `<source>:<event id>`)',
        request: { params: z.object({ id: z.string().regex(/^[a-z]+:.+$/, 'source:eventId') }) },
        responses: {
          200: jsonResponse(eventSummarySchema.extend({ raw: z.unknown() }), 'The event'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const at = id.indexOf(':');
        return c.json(await getEvent(c.get('db'), id.slice(0, at), id.slice(at + 1)), 200);
      },
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/deployments',
        tags,
        summary: 'Deployments, newest first',
        request: {
          query: z.object({
            service: z.string().optional(),
            environment: z.string().optional(),
            status: z.enum(['started', 'success', 'failure', 'cancelled']).optional(),
            ...page,
          }),
        },
        responses: {
          200: jsonResponse(pageOf(deploymentSchema, 'DeploymentPage'), 'Deployments'),
          ...errorResponses,
        },
      }),
      async (c) => c.json(await listDeployments(c.get('db'), c.req.valid('query')), 200),
    );
    api.openapi(
      createRoute({
        method: 'get',
        path: '/deployments/{id}',
        tags,
        summary: 'One deployment with the commits it shipped',
        request: { params: z.object({ id: z.string() }) },
        responses: {
          200: jsonResponse(
            deploymentSchema.extend({ shipped: z.array(shippedChangeSchema) }),
            'The deployment',
          ),
          ...errorResponses,
        },
      }),
      async (c) => c.json(await getDeployment(c.get('db'), c.req.valid('param').id), 200),
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/changes',
        tags,
        summary: 'Pull and merge requests (changes), most recently updated first',
        request: {
          query: z.object({
            service: z.string().optional(),
            state: z.enum(['open', 'merged', 'closed']).optional(),
            ...page,
          }),
        },
        responses: { 200: jsonResponse(pageOf(changeSchema, 'ChangePage'), 'Changes'), ...errorResponses },
      }),
      async (c) => c.json(await listChanges(c.get('db'), c.req.valid('query')), 200),
    );

    const statusSchema = z.object({
      sources: z.array(
        z.object({
          source: z.string(),
          totalEvents: z.number(),
          lastEventAt: z.string().nullable(),
          eventsLastHour: z.number(),
          today: z.record(z.string(), z.number()),
          last2Days: z.record(z.string(), z.number()),
          lastError: z.object({ message: z.string().nullable(), at: z.string().nullable() }).nullable(),
        }),
      ),
      unmatchedEvents: z.number(),
    });
    api.openapi(
      createRoute({
        method: 'get',
        path: '/ingest/status',
        tags,
        summary: 'Per source: last event, rates, rejections, bad signatures; and unmatched events',
        responses: { 200: jsonResponse(statusSchema, 'Ingest status'), ...errorResponses },
      }),
      async (c) => c.json(await ingestStatus(c.get('db'), deps.clock), 200),
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/ingest/mappings',
        tags,
        summary: 'Rules that map repositories to catalog services',
        responses: {
          200: jsonResponse(z.object({ items: z.array(mappingSchema) }), 'Mappings'),
          ...errorResponses,
        },
      }),
      async (c) => c.json({ items: await listMappings(c.get('db')) }, 200),
    );
    api.openapi(
      createRoute({
        method: 'post',
        path: '/ingest/mappings',
        tags,
        summary:
          'Map a repository (or every repository under a prefix) to a service; re-matches stored events',
        request: { body: jsonBody(createMappingSchema) },
        responses: {
          201: jsonResponse(z.object({ mapping: mappingSchema, rematched: z.number().int() }), 'Created'),
          ...errorResponses,
        },
      }),
      async (c) => c.json(await addMapping(c.get('db'), deps.clock, c.req.valid('json')), 201),
    );
    api.openapi(
      createRoute({
        method: 'delete',
        path: '/ingest/mappings/{pattern}',
        tags,
        summary: 'Remove a mapping (URL-encode the pattern)',
        request: { params: z.object({ pattern: z.string() }) },
        responses: { 204: { description: 'Removed' }, ...errorResponses },
      }),
      async (c) => {
        await removeMapping(c.get('db'), c.req.valid('param').pattern);
        return c.body(null, 204);
      },
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/ingest/secrets',
        tags,
        summary: 'Webhook secrets (never their values)',
        middleware: [requireRole('tenant-admin')] as const,
        responses: {
          200: jsonResponse(z.object({ items: z.array(sourceSecretSchema) }), 'Secrets'),
          ...errorResponses,
        },
      }),
      async (c) => c.json({ items: await listSecrets(c.get('db')) }, 200),
    );
    api.openapi(
      createRoute({
        method: 'put',
        path: '/ingest/secrets/{source}',
        tags,
        summary:
          'Set a new webhook secret for GitHub or GitLab; the previous one stays valid for a grace period',
        middleware: [requireRole('tenant-admin')] as const,
        request: { params: z.object({ source: webhookSourceSchema }), body: jsonBody(rotateSecretSchema) },
        responses: {
          200: jsonResponse(
            sourceSecretSchema.extend({ secret: z.string().describe('shown once') }),
            'Rotated',
          ),
          ...errorResponses,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const source = c.req.valid('param').source;
        return c.json(await rotateSecret(c.get('db'), deps.clock, { source, ...body }), 200);
      },
    );
  },
};
