import { createRoute } from '@hono/zod-openapi';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import type { AppDeps } from '../http/deps.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.js';
import { getDecision, listDecisions, listReviews } from './decision-store.js';
import { tags } from './routes-policies.js';
import { evaluateGate, resolveDecision } from './service.js';

const decisionEnum = z.enum(['approved', 'rejected', 'pending']);
const ruleResult = z.object({
  rule: z.string(),
  type: z.string(),
  outcome: z.enum(['reject', 'manual']),
  passed: z.boolean(),
  values: z.record(z.string(), z.unknown()),
  threshold: z.record(z.string(), z.unknown()),
  message: z.string(),
});
export const decisionSchema = z
  .object({
    id: z.string(),
    decision: decisionEnum,
    evaluated: decisionEnum,
    service: z.string(),
    environment: z.string(),
    sha: z.string().nullable(),
    version: z.string().nullable(),
    changeType: z.string(),
    bypass: z.boolean(),
    reason: z.string().nullable(),
    owner: z.string().nullable(),
    policy: z.object({ name: z.string(), version: z.number().int() }).nullable(),
    policyVersion: z.number().int().nullable(),
    rules: z.array(ruleResult),
    summary: z.string(),
    inputs: z.record(z.string(), z.unknown()),
    origin: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    expiresAt: z.string().nullable(),
    resolution: z
      .object({ outcome: z.string(), by: z.string(), comment: z.string().nullable(), at: z.string() })
      .nullable(),
    review: z.object({ id: z.string() }).nullable().optional(),
  })
  .openapi('GateDecision');

const evaluateInput = z
  .strictObject({
    service: z.string().min(1).max(253),
    environment: z.string().min(1).max(253),
    sha: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/, 'a commit sha (hex)')
      .optional(),
    version: z.string().min(1).max(253).optional(),
    pipelineRun: z.string().min(1).max(253).optional(),
    changeType: z.enum(['normal', 'standard', 'emergency']).optional(),
    reason: z.string().max(2000).optional(),
  })
  .refine((v) => v.sha || v.version || v.pipelineRun, {
    message: 'give sha, version or pipelineRun',
    path: ['sha'],
  })
  .openapi('GateEvaluateRequest');

const isoTime = z.iso.datetime({ offset: true });
const listQuery = z.object({
  service: z.string().min(1).optional(),
  environment: z.string().min(1).optional(),
  sha: z.string().min(1).optional(),
  outcome: decisionEnum.optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const idParam = z.object({ id: z.string().min(1).max(64) });
const answerInput = z.strictObject({ comment: z.string().trim().min(1).max(2000) }).openapi('GateAnswer');

export function decisionRoutes(api: Api, deps: AppDeps): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/gates/evaluate',
      tags,
      summary: 'Evaluate the gate for a change: approved, rejected or pending, with every rule’s result',
      description:
        'The policy that governs the service and environment is evaluated against the ledger, SLO budgets, open ' +
        'incidents and the catalog, and the decision is appended to the log with the policy version used. ' +
        '`changeType: emergency` needs `reason`: it is approved with the bypass marked and opens a follow-up review.',
      request: { body: jsonBody(evaluateInput) },
      responses: { 200: jsonResponse(decisionSchema, 'The decision'), ...errorResponses },
    }),
    async (c) => {
      const out = await evaluateGate(c.get('db'), c.req.valid('json'), {
        now: deps.clock.now(),
        by: c.get('principal').name,
        origin: 'api',
      });
      return c.json(out as z.infer<typeof decisionSchema>, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/gates/decisions',
      tags,
      summary: 'The decision log, newest first; by service, environment, sha, outcome and time',
      request: { query: listQuery },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(decisionSchema),
            total: z.number().int(),
            limit: z.number(),
            offset: z.number(),
          }),
          'Decisions',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listDecisions(c.get('db'), {
        ...q,
        from: q.from ? Date.parse(q.from) : undefined,
        to: q.to ? Date.parse(q.to) : undefined,
        now: deps.clock.now(),
      });
      return c.json({ ...page, limit: q.limit, offset: q.offset } as never, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/gates/decisions/{id}',
      tags,
      summary: 'One decision with its inputs, rules, policy version and resolution',
      request: { params: idParam },
      responses: { 200: jsonResponse(decisionSchema, 'The decision'), ...errorResponses },
    }),
    async (c) =>
      c.json((await getDecision(c.get('db'), c.req.valid('param').id, deps.clock.now())) as never, 200),
  );

  for (const [action, outcome] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/gates/decisions/{id}/${action}`,
        tags,
        summary: `${action === 'approve' ? 'Approve' : 'Reject'} a pending decision with a comment (owning team or tenant-admin)`,
        request: { params: idParam, body: jsonBody(answerInput) },
        responses: { 200: jsonResponse(decisionSchema, 'The decision'), ...errorResponses },
      }),
      async (c) =>
        c.json(
          (await resolveDecision(c.get('db'), {
            id: c.req.valid('param').id,
            outcome,
            comment: c.req.valid('json').comment,
            principal: c.get('principal'),
            now: deps.clock.now(),
          })) as never,
          200,
        ),
    );
  }

  api.openapi(
    createRoute({
      method: 'get',
      path: '/gates/reviews',
      tags,
      summary: 'Follow-up reviews of emergency changes that bypassed the gate',
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(z.record(z.string(), z.unknown())), total: z.number().int() }),
          'Reviews',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await listReviews(c.get('db'));
      return c.json({ items, total: items.length }, 200);
    },
  );
}
