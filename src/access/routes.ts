import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { NotFoundError } from '../core/errors.js';
import { z } from '../core/zod.js';
import type { RouteSet } from '../http/app.js';
import { requireRole, sessionCookie } from '../http/auth.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import {
  createTenantSchema,
  createTokenSchema,
  createUserSchema,
  tenantIdSchema,
  tenantSchema,
  tokenSchema,
  userSchema,
} from './model.js';
import { roleSchema } from './roles.js';

const tags = ['access'];

const meSchema = z
  .object({
    tenant: z.string(),
    homeTenant: z.string(),
    role: roleSchema,
    tokenId: z.string(),
    tokenName: z.string(),
    tenants: z.array(tenantSchema),
  })
  .openapi('Me');

const createdTokenSchema = z
  .object({ token: tokenSchema, secret: z.string().describe('shown once; only its hash is stored') })
  .openapi('CreatedToken');

export const accessRoutes: RouteSet = {
  root(app, deps) {
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/session',
        tags,
        summary: 'Sign in to the console with an API token (sets an HttpOnly session cookie)',
        security: [],
        request: { body: jsonBody(z.strictObject({ token: z.string().min(1) })) },
        responses: {
          200: jsonResponse(z.object({ tenant: z.string(), role: roleSchema }), 'Signed in'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const { token } = c.req.valid('json');
        const session = await deps.access.createSession(token);
        setCookie(c, sessionCookie, session.cookie, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
          secure: deps.config.publicUrl.startsWith('https:'),
          expires: new Date(session.expiresAt),
        });
        return c.json({ tenant: session.principal.homeTenant, role: session.principal.role }, 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'delete',
        path: '/api/session',
        tags,
        summary: 'Sign out of the console',
        security: [],
        responses: { 204: { description: 'Signed out' } },
      }),
      async (c) => {
        const cookie = getCookie(c, sessionCookie);
        if (cookie) await deps.access.endSession(cookie);
        deleteCookie(c, sessionCookie, { path: '/' });
        return c.body(null, 204);
      },
    );
  },

  api(api, deps) {
    api.openapi(
      createRoute({
        method: 'get',
        path: '/me',
        tags,
        summary: 'Who the caller is, the tenant it acts in and the tenants it may switch to',
        responses: { 200: jsonResponse(meSchema, 'The caller'), ...errorResponses },
      }),
      async (c) => {
        const p = c.get('principal');
        return c.json(
          {
            tenant: c.get('tenant'),
            homeTenant: p.homeTenant,
            role: p.role,
            tokenId: p.tokenId,
            tokenName: p.name,
            tenants: await deps.access.listTenants(p),
          },
          200,
        );
      },
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/tenants',
        tags,
        summary: 'Tenants the caller can see (all of them for a provider-admin)',
        responses: {
          200: jsonResponse(z.object({ items: z.array(tenantSchema) }), 'Tenants'),
          ...errorResponses,
        },
      }),
      async (c) => c.json({ items: await deps.access.listTenants(c.get('principal')) }, 200),
    );

    api.openapi(
      createRoute({
        method: 'post',
        path: '/tenants',
        tags,
        summary: 'Create a customer tenant (provider-admin)',
        middleware: [requireRole('provider-admin')] as const,
        request: { body: jsonBody(createTenantSchema) },
        responses: {
          201: jsonResponse(tenantSchema, 'Created'),
          409: errorResponses[422],
          ...errorResponses,
        },
      }),
      async (c) => c.json(await deps.access.createTenant(c.req.valid('json')), 201),
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/tenants/{tenant}',
        tags,
        summary: 'One tenant',
        request: { params: z.object({ tenant: tenantIdSchema }) },
        responses: { 200: jsonResponse(tenantSchema, 'The tenant'), ...errorResponses },
      }),
      async (c) => {
        const { tenant } = c.req.valid('param');
        const p = c.get('principal');
        const found =
          p.role === 'provider-admin' || tenant === p.homeTenant
            ? await deps.access.getTenant(tenant)
            : undefined;
        if (!found) throw new NotFoundError(`tenant ${tenant} not found`);
        return c.json(found, 200);
      },
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/tokens',
        tags,
        summary: 'API tokens of the tenant (never their secrets)',
        middleware: [requireRole('tenant-admin')] as const,
        responses: {
          200: jsonResponse(z.object({ items: z.array(tokenSchema) }), 'Tokens'),
          ...errorResponses,
        },
      }),
      async (c) => c.json({ items: await deps.access.listTokens(c.get('db')) }, 200),
    );

    api.openapi(
      createRoute({
        method: 'post',
        path: '/tokens',
        tags,
        summary: 'Create an API token; its secret is returned once',
        middleware: [requireRole('tenant-admin')] as const,
        request: { body: jsonBody(createTokenSchema) },
        responses: { 201: jsonResponse(createdTokenSchema, 'Created'), ...errorResponses },
      }),
      async (c) =>
        c.json(await deps.access.createToken(c.get('db'), c.get('principal'), c.req.valid('json')), 201),
    );

    api.openapi(
      createRoute({
        method: 'delete',
        path: '/tokens/{tokenId}',
        tags,
        summary: 'Revoke a token (and end its console sessions)',
        middleware: [requireRole('tenant-admin')] as const,
        request: { params: z.object({ tokenId: z.string() }) },
        responses: { 200: jsonResponse(tokenSchema, 'Revoked'), ...errorResponses },
      }),
      async (c) => c.json(await deps.access.revokeToken(c.get('db'), c.req.valid('param').tokenId), 200),
    );

    api.openapi(
      createRoute({
        method: 'get',
        path: '/users',
        tags,
        summary: 'Users of the tenant',
        responses: {
          200: jsonResponse(z.object({ items: z.array(userSchema) }), 'Users'),
          ...errorResponses,
        },
      }),
      async (c) => c.json({ items: await deps.access.listUsers(c.get('db')) }, 200),
    );

    api.openapi(
      createRoute({
        method: 'post',
        path: '/users',
        tags,
        summary: 'Add a user to the tenant',
        middleware: [requireRole('tenant-admin')] as const,
        request: { body: jsonBody(createUserSchema) },
        responses: { 201: jsonResponse(userSchema, 'Created'), 409: errorResponses[422], ...errorResponses },
      }),
      async (c) => c.json(await deps.access.createUser(c.get('db'), c.req.valid('json')), 201),
    );
  },
};
