import { HTTPException } from 'hono/http-exception';
import { DomainError, InputError } from '../core/errors.js';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import type { AppDeps } from '../http/deps.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';
import { inTransaction } from '../store/database.js';
import { type SliSample, sliTypeOf, writeSamples } from './samples.js';
import { decodeSamples, samplesRequestSchema } from './samples-input.js';

const ndjsonType = 'application/x-ndjson';
const resultSchema = z
  .object({
    accepted: z.number().int(),
    rejected: z.number().int(),
    results: z.array(
      z.object({
        index: z.number().int(),
        status: z.enum(['accepted', 'rejected']),
        errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      }),
    ),
  })
  .openapi('SliSamplesResult');

/** `POST /api/v1/sli-samples`: push SLI samples, JSON batches or NDJSON. */
export function samplesRoute(api: Api, deps: AppDeps): void {
  api.openAPIRegistry.registerPath({
    method: 'post',
    path: '/sli-samples',
    tags: ['slo'],
    summary: 'Push SLI samples: {sli, t, good, total} for ratio SLIs, {sli, t, value} for threshold SLIs',
    description:
      'Each sample is checked on its own; valid ones are stored in one transaction even when others are ' +
      'rejected, and the answer reports every sample by index. Late and duplicate samples: the last write ' +
      'wins. A ratio sample replaces the good/total its SLI held for that UTC minute; a value sample ' +
      'replaces the value stored for the same SLI and exact timestamp, and the minute counts each distinct ' +
      'timestamp once. `application/x-ndjson` takes one sample per line, for bulk.',
    'x-throughline-body-limit': deps.config.ingestBodyLimit,
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: samplesRequestSchema },
          [ndjsonType]: { schema: { type: 'string' } },
        },
      },
    },
    responses: {
      200: jsonResponse(resultSchema, 'Per-sample results'),
      ...errorResponses,
      415: errorResponses[400],
    },
  } as never);

  api.post('/sli-samples', async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (type !== 'application/json' && type !== ndjsonType)
      throw new HTTPException(415, { message: `unsupported content type ${type || 'none'}` });
    const now = deps.clock.now();
    const decoded = decodeSamples(await c.req.text(), { ndjson: type === ndjsonType, now });
    if ('malformed' in decoded) throw new HTTPException(400, { message: 'malformed JSON in request body' });
    if ('issues' in decoded) throw new InputError('invalid samples request', decoded.issues);
    const db = c.get('db');
    const items = decoded.samples;
    // Unknown SLIs and shape mismatches are rejected per sample, before anything is written.
    const types = new Map<string, Awaited<ReturnType<typeof sliTypeOf>>>();
    for (const d of items) if (d.sli && !types.has(d.sli)) types.set(d.sli, await sliTypeOf(db, d.sli));
    for (const d of items) {
      if (!d.sli || !d.sample) continue;
      const prefix = type === ndjsonType ? `/${d.index}` : `/samples/${d.index}`;
      const sliType = types.get(d.sli);
      if (!sliType) d.issues = [{ path: `${prefix}/sli`, message: `SLI ${d.sli} does not exist` }];
      else if ((sliType === 'ratio') !== 'good' in d.sample)
        d.issues = [
          {
            path: prefix,
            message: sliType === 'ratio' ? 'a ratio SLI takes good and total' : 'a threshold SLI takes value',
          },
        ];
    }
    const valid = items.filter((d) => !d.issues);
    if (valid.length === 0) {
      throw new InputError(
        `${items.length} sample(s) rejected; nothing was stored`,
        items.flatMap((d) => d.issues ?? []),
      );
    }
    const bySli = new Map<string, SliSample[]>();
    for (const d of valid) {
      const list = bySli.get(d.sli!) ?? [];
      list.push(d.sample!);
      bySli.set(d.sli!, list);
    }
    try {
      await inTransaction(db, async (trx) => {
        for (const [sli, samples] of bySli) await writeSamples(trx, sli, samples);
      });
    } catch (err) {
      if (err instanceof DomainError) throw new InputError(err.message);
      throw err;
    }
    const results = items.map((d) =>
      d.issues
        ? { index: d.index, status: 'rejected' as const, errors: d.issues }
        : { index: d.index, status: 'accepted' as const },
    );
    return c.json({ accepted: valid.length, rejected: items.length - valid.length, results }, 200);
  });
}
