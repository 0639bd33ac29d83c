import { createRoute } from '@hono/zod-openapi';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import { errorResponses, jsonBody, jsonResponse, pageOf } from '../http/schemas.js';
import { personSchema, serviceSchema, systemSchema, teamInputSchema, teamSchema } from './model.js';
import type { CatalogService } from './service.js';
import { nameParam, tags } from './service-routes.js';

const teamDetailSchema = teamSchema
  .extend({ services: z.array(serviceSchema), people: z.array(personSchema) })
  .openapi('TeamDetail');

const systemDetailSchema = systemSchema.extend({ services: z.array(serviceSchema) }).openapi('SystemDetail');

export function teamRoutes(api: Api, catalog: CatalogService): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/teams',
      tags,
      summary: 'Teams, by name',
      responses: { 200: jsonResponse(pageOf(teamSchema, 'TeamPage'), 'Teams'), ...errorResponses },
    }),
    async (c) => c.json(await catalog.listTeams(c.get('db')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/teams/{name}',
      tags,
      summary: 'One team, with the services it owns and its people',
      request: { params: nameParam },
      responses: { 200: jsonResponse(teamDetailSchema, 'The team'), ...errorResponses },
    }),
    async (c) => c.json(await catalog.getTeam(c.get('db'), c.req.valid('param').name), 200),
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/teams/{name}',
      tags,
      summary: 'Create or replace a team',
      request: { params: nameParam, body: jsonBody(teamInputSchema) },
      responses: {
        200: jsonResponse(teamSchema, 'Replaced'),
        201: jsonResponse(teamSchema, 'Created'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { team, created } = await catalog.putTeam(
        c.get('db'),
        c.req.valid('param').name,
        c.req.valid('json'),
      );
      return created ? c.json(team, 201) : c.json(team, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/teams/{name}',
      tags,
      summary: 'Delete a team (and its imported Group entity)',
      request: { params: nameParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await catalog.deleteTeam(c.get('db'), c.req.valid('param').name);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/systems',
      tags,
      summary: 'Systems, by name',
      responses: { 200: jsonResponse(pageOf(systemSchema, 'SystemPage'), 'Systems'), ...errorResponses },
    }),
    async (c) => c.json(await catalog.listSystems(c.get('db')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/systems/{name}',
      tags,
      summary: 'One system, with its services',
      request: { params: nameParam },
      responses: { 200: jsonResponse(systemDetailSchema, 'The system'), ...errorResponses },
    }),
    async (c) => c.json(await catalog.getSystem(c.get('db'), c.req.valid('param').name), 200),
  );
}
