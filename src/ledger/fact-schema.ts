import { z } from '../core/zod.js';
import type { Fact, MappedEvent } from './facts.js';

/**
 * Throughline's own event type, for facts no public standard carries (commits with their parents,
 * deployments with a sha): CloudEvents of type `dev.throughline.facts.v1` whose data is
 * `{ facts: Fact[] }`. Times are RFC 3339 strings on the wire and epoch milliseconds inside.
 */
export const nativeEventType = 'dev.throughline.facts.v1';

const time = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));
const target = { service: z.string().min(1).optional(), repo: z.string().min(1).optional() };
const runStatus = z.enum(['queued', 'running', 'success', 'failure', 'cancelled', 'error', 'skipped']);
const list = z.array(z.string()).default([]);

const factSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('commit'),
    ...target,
    repo: z.string().min(1),
    sha: z.string().regex(/^[0-9a-f]{7,64}$/, 'a hex commit id'),
    parents: z.array(z.string().regex(/^[0-9a-f]{7,64}$/)).default([]),
    authoredAt: time,
    committedAt: time,
    author: z.string().optional(),
    subject: z.string().optional(),
    workItems: list,
  }),
  z.strictObject({
    kind: z.literal('change'),
    ...target,
    id: z.string().min(1),
    number: z.number().int().optional(),
    title: z.string().optional(),
    state: z.enum(['open', 'merged', 'closed']),
    openedAt: time.optional(),
    firstCommitAt: time.optional(),
    firstReviewAt: time.optional(),
    mergedAt: time.optional(),
    mergeSha: z.string().optional(),
    headSha: z.string().optional(),
    commits: z.array(z.string()).optional(),
    workItems: list,
    url: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('pipeline_run'),
    ...target,
    category: z.enum(['pipeline', 'build', 'task', 'check']),
    id: z.string().min(1),
    name: z.string().optional(),
    sha: z.string().optional(),
    ref: z.string().optional(),
    status: runStatus,
    startedAt: time.optional(),
    finishedAt: time.optional(),
    url: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('test_run'),
    ...target,
    level: z.enum(['suite', 'case']),
    id: z.string().min(1),
    name: z.string().optional(),
    sha: z.string().optional(),
    pipelineRunId: z.string().optional(),
    status: runStatus,
    startedAt: time.optional(),
    finishedAt: time.optional(),
  }),
  z.strictObject({
    kind: z.literal('artifact'),
    ...target,
    id: z.string().min(1),
    action: z.enum(['packaged', 'published', 'signed', 'downloaded', 'deleted', 'released']),
    version: z.string().optional(),
    sha: z.string().optional(),
    at: time,
    url: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('deployment'),
    ...target,
    id: z.string().min(1),
    runId: z.string().optional(),
    environment: z.string().min(1),
    version: z.string().optional(),
    sha: z.string().optional(),
    ref: z.string().optional(),
    status: z.enum(['started', 'success', 'failure', 'cancelled']),
    startedAt: time.optional(),
    finishedAt: time.optional(),
    intent: z.enum(['deploy', 'rollback', 'hotfix', 'remove']).optional(),
    description: z.string().optional(),
    url: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('incident'),
    ...target,
    id: z.string().min(1),
    environment: z.string().optional(),
    title: z.string().optional(),
    severity: z.string().optional(),
    status: z.enum(['detected', 'reported', 'resolved']),
    detectedAt: time.optional(),
    resolvedAt: time.optional(),
    url: z.string().optional(),
    deploymentId: z.string().optional(),
    artifactId: z.string().optional(),
  }),
]);

export const nativeDataSchema = z.strictObject({ facts: z.array(factSchema).min(1) });

/** Wire form of facts (times as RFC 3339), for writers of native events: the CLI's git import, the demo. */
export function factToWire(f: Fact): Record<string, unknown> {
  const out: Record<string, unknown> = { ...f };
  for (const k of [
    'authoredAt',
    'committedAt',
    'openedAt',
    'firstCommitAt',
    'firstReviewAt',
    'mergedAt',
    'startedAt',
    'finishedAt',
    'at',
    'detectedAt',
    'resolvedAt',
  ]) {
    if (typeof out[k] === 'number') out[k] = new Date(out[k] as number).toISOString();
  }
  return out;
}

/** CloudEvents `source` of native events written by the git importer; the ledger files them under `git`. */
export const gitEventSource = 'throughline:git';

/** A mapped event as the native CloudEvent that carries it over the API (NDJSON line, batch item). */
export function toNativeCloudEvent(e: MappedEvent): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: e.eventId,
    source: e.source === 'git' ? gitEventSource : `throughline:${e.source}`,
    type: nativeEventType,
    time: new Date(e.occurredAt).toISOString(),
    data: { facts: e.facts.map(factToWire) },
  };
}
