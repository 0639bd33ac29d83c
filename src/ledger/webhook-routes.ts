import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { UnauthorizedError } from '../core/errors.js';
import { slugPattern } from '../core/ids.js';
import { z } from '../core/zod.js';
import type { Api } from '../http/app.js';
import type { AppDeps } from '../http/deps.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';
import { derivePending } from './derive.js';
import type { MappedEvent } from './facts.js';
import { bumpCounter, ingestEvents } from './ingest.js';
import { activeSecrets } from './settings.js';
import { mapGithubEvent, verifyGithubSignature } from './sources/github/index.js';
import { mapGitlabEvent, verifyGitlabToken } from './sources/gitlab/index.js';

const webhookResult = z
  .object({
    accepted: z.boolean(),
    duplicate: z.boolean(),
    eventId: z.string(),
    type: z.string(),
    facts: z.number(),
  })
  .openapi('WebhookResult');

interface Source {
  name: 'github' | 'gitlab';
  summary: string;
  verify(c: Context<AppEnv>, raw: Buffer, secrets: string[]): boolean;
  decode(c: Context<AppEnv>, raw: Buffer, now: number): MappedEvent | 'ping';
}

const github: Source = {
  name: 'github',
  summary: "GitHub webhook (X-Hub-Signature-256 checked against the tenant's secrets)",
  verify: (c, raw, secrets) => verifyGithubSignature(raw, c.req.header('x-hub-signature-256'), secrets),
  decode(c, raw, now) {
    const event = c.req.header('x-github-event');
    if (!event) throw new HTTPException(400, { message: 'missing X-GitHub-Event header' });
    if (event === 'ping') return 'ping';
    const payload = parseBody(raw, c.req.header('content-type'));
    const deliveryId = c.req.header('x-github-delivery') ?? digest(raw);
    return mapGithubEvent({ event, deliveryId, payload, receivedAt: now });
  },
};

const gitlab: Source = {
  name: 'gitlab',
  summary: "GitLab webhook (X-Gitlab-Token checked against the tenant's secrets)",
  verify: (c, _raw, secrets) => verifyGitlabToken(c.req.header('x-gitlab-token'), secrets),
  decode(c, raw, now) {
    const eventHeader = c.req.header('x-gitlab-event');
    if (!eventHeader) throw new HTTPException(400, { message: 'missing X-Gitlab-Event header' });
    const payload = parseBody(raw, c.req.header('content-type'));
    // Idempotency-Key (GitLab 17.4+) stays the same when a delivery is retried; the event UUID may not.
    const eventId = c.req.header('idempotency-key') ?? c.req.header('x-gitlab-event-uuid') ?? digest(raw);
    return mapGitlabEvent({ eventHeader, eventId, payload, receivedAt: now });
  },
};

/**
 * `POST /webhooks/{github|gitlab}/{tenant}`: the signature or token decides everything. A wrong one
 * (or an unknown tenant, which must not be told apart) is a 401 that stores nothing and is counted.
 */
export function webhookRoutes(app: Api, deps: AppDeps): void {
  for (const source of [github, gitlab]) {
    app.openAPIRegistry.registerPath({
      method: 'post',
      path: `/webhooks/${source.name}/{tenant}`,
      tags: ['ledger'],
      summary: source.summary,
      security: [],
      'x-throughline-body-limit': deps.config.ingestBodyLimit,
      request: { params: z.object({ tenant: z.string() }) },
      responses: { 200: jsonResponse(webhookResult, 'Stored (or a duplicate)'), ...errorResponses },
    } as never);

    app.post(`/webhooks/${source.name}/:tenant`, async (c) => {
      const tenant = c.req.param('tenant');
      const raw = Buffer.from(await c.req.arrayBuffer());
      const known = slugPattern.test(tenant) && (await deps.access.getTenant(tenant)) !== undefined;
      const db = known ? deps.store.forTenant(tenant) : undefined;
      const now = deps.clock.now();
      const day = new Date(now).toISOString().slice(0, 10);
      const secrets = db ? await activeSecrets(db, deps.clock, source.name) : [];
      if (!db || secrets.length === 0 || !source.verify(c, raw, secrets)) {
        if (db)
          await bumpCounter(db, {
            source: source.name,
            day,
            unauthorized: 1,
            error: 'bad signature',
            at: now,
          });
        throw new UnauthorizedError(`${source.name} webhook signature does not match`);
      }
      let mapped: MappedEvent | 'ping';
      try {
        mapped = source.decode(c, raw, now);
      } catch (err) {
        await bumpCounter(db, {
          source: source.name,
          day,
          rejected: 1,
          error: (err as Error).message,
          at: now,
        });
        throw err;
      }
      if (mapped === 'ping')
        return c.json({ accepted: false, duplicate: false, eventId: 'ping', type: 'ping', facts: 0 }, 200);
      const [outcome] = await ingestEvents({ db, clock: deps.clock, events: [mapped] });
      if (mapped.facts.some((f) => f.kind === 'deployment' || f.kind === 'commit'))
        await derivePending(db, deps.clock.now());
      return c.json(
        {
          accepted: outcome!.status === 'accepted',
          duplicate: outcome!.status === 'duplicate',
          eventId: mapped.eventId,
          type: mapped.type,
          facts: mapped.facts.length,
        },
        200,
      );
    });
  }
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  let text = raw.toString('utf8');
  if ((contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
    text = new URLSearchParams(text).get('payload') ?? '';
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HTTPException(400, { message: 'malformed JSON in webhook body' });
  }
}

function digest(raw: Buffer): string {
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
