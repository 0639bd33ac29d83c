import { createRoute } from '@hono/zod-openapi';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import { errorResponses, jsonBody, jsonResponse, pageOf } from '../http/schemas.js';
import { catalogEntitySchema, importRequestSchema, importResultSchema } from './model.js';
import type { CatalogService } from './service.js';
import { pageQuery, tags } from './service-routes.js';

export function entityRoutes(api: Api, catalog: CatalogService): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/catalog/entities',
      tags,
      summary: 'Imported Backstage entities as written, of every kind',
      request: {
        query: z.object({
          kind: z.string().max(63).optional().openapi({ example: 'API' }),
          ...pageQuery,
        }),
      },
      responses: {
        200: jsonResponse(pageOf(catalogEntitySchema, 'CatalogEntityPage'), 'Entities'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await catalog.listEntities(c.get('db'), c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/catalog/import',
      tags,
      summary:
        'Import Backstage catalog files (multi-document YAML); returns what was imported and every problem',
      description:
        'Valid entities are upserted by name in one transaction; invalid ones are reported with file, document, field and reason. Problems in the files still answer 200: the import is a report.',
      request: { body: jsonBody(importRequestSchema) },
      responses: { 200: jsonResponse(importResultSchema, 'Import report'), ...errorResponses },
    }),
    async (c) => c.json(await catalog.importBackstage(c.get('db'), c.req.valid('json').files), 200),
  );
}
