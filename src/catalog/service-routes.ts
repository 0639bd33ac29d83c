import { createRoute } from '@hono/zod-openapi';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import { errorResponses, jsonBody, jsonResponse, pageOf } from '../http/schemas.js';
import { catalogNameSchema, serviceInputSchema, serviceSchema, type Tier, tagSchema } from './model.js';
import type { CatalogService } from './service.js';

export const tags = ['catalog'];

export const nameParam = z.object({ name: catalogNameSchema });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

// Not strict: `tenant` is a query parameter the authentication middleware reads.
const listQuery = z.object({
  q: z.string().max(200).optional().describe('substring of name, title or description, any case'),
  owner: catalogNameSchema.optional(),
  tier: z
    .enum(['1', '2', '3', '4'])
    .transform((v) => Number(v) as Tier)
    .optional(),
  lifecycle: z.string().max(63).optional(),
  system: catalogNameSchema.optional(),
  tag: tagSchema.optional(),
  ...pageQuery,
});

const serviceDetailSchema = serviceSchema
  .extend({ dependents: z.array(z.string()).describe('services whose dependsOn names this one') })
  .openapi('ServiceDetail');

export function serviceRoutes(api: Api, catalog: CatalogService): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/services',
      tags,
      summary: 'Services, filtered and paged, by name',
      request: { query: listQuery },
      responses: { 200: jsonResponse(pageOf(serviceSchema, 'ServicePage'), 'Services'), ...errorResponses },
    }),
    async (c) => c.json(await catalog.listServices(c.get('db'), c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/services/{name}',
      tags,
      summary: 'One service, with the services that depend on it',
      request: { params: nameParam },
      responses: { 200: jsonResponse(serviceDetailSchema, 'The service'), ...errorResponses },
    }),
    async (c) => c.json(await catalog.getService(c.get('db'), c.req.valid('param').name), 200),
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/services/{name}',
      tags,
      summary: 'Create or replace a service',
      request: { params: nameParam, body: jsonBody(serviceInputSchema) },
      responses: {
        200: jsonResponse(serviceSchema, 'Replaced'),
        201: jsonResponse(serviceSchema, 'Created'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { service, created } = await catalog.putService(
        c.get('db'),
        c.req.valid('param').name,
        c.req.valid('json'),
      );
      return created ? c.json(service, 201) : c.json(service, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/services/{name}',
      tags,
      summary: 'Delete a service (and its imported Component entity)',
      request: { params: nameParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await catalog.deleteService(c.get('db'), c.req.valid('param').name);
      return c.body(null, 204);
    },
  );
}
