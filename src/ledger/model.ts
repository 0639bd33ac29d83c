import { z } from '../core/zod.js';

/** API shapes of the ledger's read side and settings. */

export const deploymentSchema = z
  .object({
    id: z.string(),
    service: z.string().nullable(),
    repo: z.string().nullable(),
    environment: z.string(),
    version: z.string().nullable(),
    sha: z.string().nullable(),
    ref: z.string().nullable(),
    status: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    kind: z.enum(['planned', 'rollback', 'hotfix']).nullable().describe('planned or unplanned, by rule'),
    previousId: z
      .string()
      .nullable()
      .describe('previous successful deployment of the same service and environment'),
    derivation: z
      .string()
      .describe('ok, first (no baseline), no-sha, missing-commits, not-success, or dirty (being derived)'),
    shippedCount: z.number().int().nullable(),
    source: z.string(),
    url: z.string().nullable(),
  })
  .openapi('Deployment');

export const shippedChangeSchema = z
  .object({
    sha: z.string(),
    repo: z.string(),
    authoredAt: z.string(),
    committedAt: z.string(),
    workItems: z.array(z.string()),
  })
  .openapi('ShippedCommit');

export const changeSchema = z
  .object({
    id: z.string(),
    service: z.string().nullable(),
    repo: z.string().nullable(),
    number: z.number().int().nullable(),
    title: z.string().nullable(),
    state: z.string(),
    openedAt: z.string().nullable(),
    mergedAt: z.string().nullable(),
    mergeSha: z.string().nullable(),
    workItems: z.array(z.string()),
    url: z.string().nullable(),
  })
  .openapi('Change');

export const eventSummarySchema = z
  .object({
    id: z.string().describe('<source>:<event id>'),
    source: z.string(),
    eventId: z.string(),
    type: z.string(),
    occurredAt: z.string(),
    receivedAt: z.string(),
    facts: z.number().int(),
    unmatched: z.boolean(),
    repo: z.string().nullable(),
  })
  .openapi('LedgerEvent');

export const eventResultSchema = z
  .object({
    index: z.number().int(),
    status: z.enum(['accepted', 'duplicate', 'rejected']),
    duplicate: z.boolean(),
    source: z.string().optional(),
    eventId: z.string().optional(),
    type: z.string().optional(),
    facts: z.number().int().optional(),
    unmapped: z.boolean().optional().describe('stored raw; no fact was derived from it'),
    unmatched: z
      .boolean()
      .optional()
      .describe('names no catalog service yet; re-derived when a mapping is added'),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('EventResult');

export const ingestResponseSchema = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    duplicate: z.boolean().optional().describe('for a single event: it was stored before'),
    results: z.array(eventResultSchema),
  })
  .openapi('IngestResponse');

export const mappingSchema = z
  .object({ pattern: z.string(), service: z.string(), createdAt: z.string() })
  .openapi('RepoMapping');

export const createMappingSchema = z
  .strictObject({
    pattern: z
      .string()
      .min(1)
      .describe('a repository URL, or a prefix ending in /* (e.g. https://github.com/acme/*)'),
    service: z.string().min(1),
  })
  .openapi('CreateRepoMapping');

export const webhookSourceSchema = z.enum(['github', 'gitlab']);

export const sourceSecretSchema = z
  .object({
    source: webhookSourceSchema,
    id: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable().describe('a replaced secret is still accepted until then'),
  })
  .openapi('SourceSecret');

export const rotateSecretSchema = z
  .strictObject({
    secret: z.string().min(16).max(256).optional().describe('the secret to use; generated when absent'),
    previousValidForHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 30)
      .default(72),
  })
  .openapi('RotateSecret');
