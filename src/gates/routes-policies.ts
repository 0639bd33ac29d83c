import { createRoute } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { InputError } from '../core/errors.js';
import { slugPattern } from '../core/ids.js';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import { requireRole } from '../http/auth.js';
import type { AppDeps } from '../http/deps.js';
import { RequestValidationError } from '../http/problem.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';
import {
  latestPolicies,
  policyVersions,
  requirePolicy,
  type StoredPolicy,
  savePolicy,
} from './policy-store.js';
import { parsePolicyYaml } from './policy-yaml.js';

export const tags = ['gates'];
const nameParam = z.object({ name: z.string().regex(slugPattern, 'lower-case letters, digits and "-"') });
const policyJson = z
  .object({
    name: z.string(),
    version: z.number().int(),
    yaml: z.string(),
    policy: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('GatePolicy');
const policyBody = z
  .strictObject({
    yaml: z
      .string()
      .min(1)
      .max(256 * 1024),
  })
  .openapi('GatePolicyInput');
const yamlTypes = ['text/yaml', 'application/yaml', 'application/x-yaml'];

const view = (p: StoredPolicy) => ({
  name: p.name,
  version: p.version,
  yaml: p.source,
  policy: p.model as unknown as Record<string, unknown>,
  createdAt: p.createdAt,
  createdBy: p.createdBy,
});

export function policyRoutes(api: Api, deps: AppDeps): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/gates/policies',
      tags,
      summary: 'Gate policies, latest version of each',
      responses: {
        200: jsonResponse(z.object({ items: z.array(policyJson), total: z.number().int() }), 'Policies'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = (await latestPolicies(c.get('db'))).map(view);
      return c.json({ items, total: items.length }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/gates/policies/{name}',
      tags,
      summary: 'A policy: its latest version, or `?version=N`',
      request: { params: nameParam, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
      responses: { 200: jsonResponse(policyJson, 'The policy'), ...errorResponses },
    }),
    async (c) => {
      const { version } = c.req.valid('query');
      return c.json(view(await requirePolicy(c.get('db'), c.req.valid('param').name, version)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/gates/policies/{name}/versions',
      tags,
      summary: 'Every saved version of a policy, newest first',
      request: { params: nameParam },
      responses: {
        200: jsonResponse(z.object({ items: z.array(policyJson), total: z.number().int() }), 'Versions'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = (await policyVersions(c.get('db'), c.req.valid('param').name)).map(view);
      return c.json({ items, total: items.length }, 200);
    },
  );

  // Registered by hand: the body is YAML (text/yaml) or JSON {yaml}, which one route schema cannot say.
  api.openAPIRegistry.registerPath({
    method: 'put',
    path: '/gates/policies/{name}',
    tags,
    summary: 'Save a policy from YAML (text/yaml, or JSON `{yaml}`): a new version every time',
    description:
      'The YAML is checked field by field; with any problem nothing is saved and the 422 problem lists each ' +
      '(`file`, `document`, `path`, `message`). Every save appends a version; decisions record the version they used.',
    request: {
      params: nameParam,
      body: {
        required: true,
        content: { 'application/json': { schema: policyBody }, 'text/yaml': { schema: z.string() } },
      },
    },
    responses: {
      200: jsonResponse(policyJson, 'Saved as a new version'),
      201: jsonResponse(policyJson, 'Created (version 1)'),
      ...errorResponses,
      415: errorResponses[400],
    },
  });
  api.put('/gates/policies/:name', requireRole('tenant-admin'), async (c) => {
    const name = c.req.param('name');
    const params = nameParam.safeParse({ name });
    if (!params.success) throw new RequestValidationError('param', params.error);
    const type = (c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
    let yaml: string;
    if (yamlTypes.includes(type)) yaml = await c.req.text();
    else if (type === 'application/json') {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new HTTPException(400, { message: 'malformed JSON in request body' });
      }
      const parsed = policyBody.safeParse(body);
      if (!parsed.success) throw new RequestValidationError('json', parsed.error);
      yaml = parsed.data.yaml;
    } else
      throw new HTTPException(415, {
        message: `unsupported content type ${type || 'none'}; send text/yaml or JSON {yaml}`,
      });
    const file = c.req.query('file') || `${name}.yaml`;
    const { policy, issues } = parsePolicyYaml(yaml, { file, name });
    if (!policy)
      throw new InputError(`policy ${name} rejected: ${issues.length} problem(s); nothing was saved`, issues);
    const saved = await savePolicy(c.get('db'), {
      name,
      source: yaml,
      model: policy,
      by: c.get('principal').name,
      now: deps.clock.now(),
    });
    return c.json(view(saved), saved.version === 1 ? 201 : 200);
  });
}
