import { createRoute } from '@hono/zod-openapi';
import { NotFoundError } from '../core/errors.js';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import { requireRole } from '../http/auth.js';
import type { AppDeps } from '../http/deps.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import { expireDue } from './decision-store.js';
import { getGithubApp, processProtectionRules, putGithubApp } from './github.js';
import { tags } from './routes-policies.js';

const appInput = z
  .strictObject({
    appId: z.string().regex(/^\d{1,20}$/, 'the numeric GitHub App id'),
    privateKey: z
      .string()
      .max(16_384)
      .regex(/-----BEGIN (RSA )?PRIVATE KEY-----/, 'a PEM private key'),
    apiUrl: z.url({ protocol: /^https?$/ }).default('https://api.github.com'),
  })
  .openapi('GateGithubAppInput');
const appView = z
  .object({ appId: z.string(), apiUrl: z.string(), updatedAt: z.string() })
  .openapi('GateGithubApp');

export function githubRoutes(api: Api, deps: AppDeps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/gates/github-app',
      tags,
      summary: 'The GitHub App that answers deployment protection rules (the key is never shown)',
      responses: { 200: jsonResponse(appView, 'The app'), ...errorResponses },
    }),
    async (c) => {
      const app = await getGithubApp(c.get('db'));
      if (!app) throw new NotFoundError('no GitHub App configured');
      return c.json(
        { appId: app.appId, apiUrl: app.apiUrl, updatedAt: new Date(app.updatedAt).toISOString() },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/gates/github-app',
      tags,
      summary: 'Set the GitHub App (id, PEM private key, API base URL) used for protection-rule callbacks',
      middleware: [requireRole('tenant-admin')] as const,
      request: { body: jsonBody(appInput) },
      responses: { 200: jsonResponse(appView, 'Saved'), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const now = deps.clock.now();
      await putGithubApp(c.get('db'), input, now);
      return c.json(
        {
          appId: input.appId,
          apiUrl: input.apiUrl.replace(/\/+$/, ''),
          updatedAt: new Date(now).toISOString(),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/gates/github/process',
      tags,
      summary:
        'Answer stored deployment_protection_rule events now (the background pass does this every 5 s)',
      middleware: [requireRole('tenant-admin')] as const,
      responses: {
        200: jsonResponse(z.object({ answered: z.number().int(), expired: z.number().int() }), 'Done'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const db = c.get('db');
      const now = deps.clock.now();
      const expired = (await expireDue(db, now)).length;
      return c.json({ ...(await processProtectionRules(db, now)), expired }, 200);
    },
  );
}
