import { HTTPException } from 'hono/http-exception';
import type { Api } from '../http/app.js';
import type { AppDeps } from '../http/deps.js';
import { problemResponse } from '../http/problem.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';
import { derivePending } from './derive.js';
import { type DecodedEvent, decodeEvents, ndjsonType } from './inbound.js';
import { bumpCounter, ingestEvents } from './ingest.js';
import { ingestResponseSchema } from './model.js';

const cloudEventTypes = [
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
  'application/json',
  ndjsonType,
];

/** Batches up to this size are derived before the answer; larger ones by the background pass. */
const deriveInlineMax = 50;

/**
 * `POST /api/v1/events`: CloudEvents (structured, batched, binary) carrying CDEvents or Throughline
 * facts, or NDJSON of those. Each event is validated on its own: the valid ones are stored even when
 * others are rejected, and the answer reports every event by index.
 */
export function eventsRoute(api: Api, deps: AppDeps): void {
  const schema = {
    schema: { type: 'object' as const, description: 'CloudEvent, CDEvent, or array of them' },
  };
  api.openAPIRegistry.registerPath({
    method: 'post',
    path: '/events',
    tags: ['ledger'],
    summary:
      'Ingest delivery events (CloudEvents/CDEvents, batches, NDJSON); idempotent by source and event id',
    description:
      'Structured (`application/cloudevents+json`), batched (`application/cloudevents-batch+json`) or binary ' +
      '(`ce-*` headers) CloudEvents 1.0 carrying CDEvents 0.4/0.5 or `dev.throughline.facts.v1`; bare CDEvents as ' +
      '`application/json`; `application/x-ndjson` for bulk. A 200 means every accepted event is durably stored.',
    'x-throughline-body-limit': deps.config.ingestBodyLimit,
    request: {
      body: {
        required: true,
        content: Object.fromEntries(cloudEventTypes.map((t) => [t, schema])),
      },
    },
    responses: {
      200: jsonResponse(ingestResponseSchema, 'Per-event results; accepted events are stored'),
      ...errorResponses,
      415: errorResponses[400],
    },
  } as never);

  api.post('/events', async (c) => {
    const contentType = c.req.header('content-type');
    const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (!cloudEventTypes.includes(type) && c.req.header('ce-specversion') === undefined) {
      throw new HTTPException(415, { message: `unsupported content type ${type || 'none'}` });
    }
    const body = await c.req.text();
    const now = deps.clock.now();
    const decoded = decodeEvents({ contentType, headers: c.req.header(), body }, now);
    const db = c.get('db');
    const valid = decoded.filter(
      (d): d is Required<Pick<DecodedEvent, 'mapped'>> & DecodedEvent => !!d.mapped,
    );
    const rejected = decoded.filter((d) => !d.mapped);
    if (rejected.length) {
      await bumpCounter(db, {
        source: 'cdevents',
        day: new Date(now).toISOString().slice(0, 10),
        rejected: rejected.length,
        error: `${rejected[0]!.issues?.[0]?.path ?? ''} ${rejected[0]!.issues?.[0]?.message ?? ''}`.trim(),
        at: now,
      });
    }
    const whole = decoded.length === 1 && rejected.length === 1 ? rejected[0]!.issues?.[0] : undefined;
    if (whole && whole.path === '/' && whole.message.startsWith('invalid JSON')) {
      throw new HTTPException(400, { message: 'malformed JSON in request body' });
    }
    if (valid.length === 0) {
      return problemResponse(c, {
        type: 'https://throughline.dev/problems/validation',
        title: 'No event was valid',
        status: 422,
        detail: `${rejected.length} event(s) rejected; nothing was stored`,
        instance: c.req.path,
        requestId: c.get('requestId'),
        errors: rejected.flatMap((r) => r.issues ?? []),
      });
    }
    const outcomes = await ingestEvents({ db, clock: deps.clock, events: valid.map((v) => v.mapped) });
    if (
      valid.length <= deriveInlineMax &&
      valid.some((v) => v.mapped.facts.some((f) => f.kind === 'deployment' || f.kind === 'commit'))
    ) {
      await derivePending(db, deps.clock.now());
    }
    const byIndex = new Map(valid.map((v, i) => [v.index, { v, o: outcomes[i]! }]));
    const results = decoded.map((d) => {
      const hit = byIndex.get(d.index);
      if (!hit)
        return { index: d.index, status: 'rejected' as const, duplicate: false, errors: d.issues ?? [] };
      const { v, o } = hit;
      return {
        index: d.index,
        status: o.status,
        duplicate: o.status === 'duplicate',
        source: v.mapped.source,
        eventId: v.mapped.eventId,
        type: v.mapped.type,
        facts: v.mapped.facts.length,
        unmapped: v.mapped.facts.length === 0,
        unmatched: o.unmatched,
      };
    });
    const accepted = results.filter((r) => r.status === 'accepted').length;
    return c.json(
      {
        accepted,
        duplicates: results.filter((r) => r.status === 'duplicate').length,
        rejected: rejected.length,
        ...(decoded.length === 1 ? { duplicate: results[0]!.duplicate } : {}),
        results,
      },
      200,
    );
  });
}
