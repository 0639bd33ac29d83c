import { ConflictError } from '../core/errors.js';
import type { Api } from '../http/app.js';
import type { AppDeps } from '../http/deps.js';
import { demoCatalogYaml } from './catalog-data.js';
import { demoGatePolicies, demoGateRuns, demoGateShas } from './gates-data.js';
import { demoLedgerEvents } from './ledger-data.js';
import { demoSloSamples, demoSloYaml } from './slo-data.js';

/** Calls the API in-process with a token of the tenant being seeded: demo data takes the real path. */
export type SeedCall = (
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
) => Promise<unknown>;

export interface DemoStep {
  name: string;
  run(call: SeedCall, ctx: { now: number }): Promise<void>;
}

/** The storyline, in order; later capabilities append their steps (deployments, incidents, SLOs…). */
export const demoSteps: DemoStep[] = [
  {
    name: 'catalog',
    async run(call) {
      const res = (await call('POST', '/api/v1/catalog/import', {
        files: [{ path: 'demo/catalog-info.yaml', content: demoCatalogYaml() }],
      })) as { errors: unknown[] };
      if (res.errors.length) throw new Error(`demo catalog rejected: ${JSON.stringify(res.errors[0])}`);
    },
  },
  {
    name: 'ledger',
    async run(call, { now }) {
      const events = demoLedgerEvents({ now });
      for (let i = 0; i < events.length; i += 500) {
        const res = (await call(
          'POST',
          '/api/v1/events',
          events.slice(i, i + 500),
          'application/cloudevents-batch+json',
        )) as {
          rejected: number;
          results: { errors?: unknown }[];
        };
        if (res.rejected)
          throw new Error(`demo events rejected: ${JSON.stringify(res.results.find((r) => r.errors))}`);
      }
      await call('POST', '/api/v1/ingest/mappings', {
        pattern: 'https://github.com/demo-org/storefront-web',
        service: 'checkout',
      });
      await call('PUT', '/api/v1/ingest/secrets/github', { secret: 'demo-github-webhook-secret' });
    },
  },
  {
    name: 'slo',
    async run(call, { now }) {
      await call('POST', '/api/v1/slo/import', {
        files: [{ path: 'demo/slos.yaml', content: demoSloYaml() }],
      });
      // Loopback discard port: the demo shows delivery attempts without sending anything anywhere.
      await call('POST', '/api/v1/slo/notification-targets', {
        name: 'demo-oncall',
        kind: 'webhook',
        url: 'http://127.0.0.1:9/demo-oncall',
      });
      const samples = demoSloSamples(now);
      for (let i = 0; i < samples.length; i += 20_000) {
        const res = (await call('POST', '/api/v1/sli-samples', {
          samples: samples.slice(i, i + 20_000),
        })) as {
          rejected: number;
        };
        if (res.rejected) throw new Error(`demo SLI samples rejected: ${res.rejected}`);
      }
      // Opens the alert checkout is firing now, as the background pass would within a minute.
      await call('POST', '/api/v1/slo/evaluate');
    },
  },
  {
    name: 'gates',
    async run(call, { now }) {
      await call('POST', '/api/v1/events', demoGateRuns(now), 'application/cloudevents-batch+json');
      for (const p of demoGatePolicies)
        await call('PUT', `/api/v1/gates/policies/${p.name}`, { yaml: p.yaml });
      const evaluate = (service: string, sha: string) =>
        call('POST', '/api/v1/gates/evaluate', { service, environment: 'production', sha });
      await evaluate('cart', demoGateShas.good);
      await evaluate('cart', demoGateShas.failing);
      await evaluate('payments-api', demoGateShas.payments);
    },
  },
];

/**
 * Creates tenant `tenantId` and fills it with demo data, unless it exists already. Creating the
 * tenant is the arbiter: when several processes start at once, only the one that created it seeds.
 */
export async function seedDemo(
  app: Api,
  deps: AppDeps,
  opts: { tenantId?: string; name?: string } = {},
): Promise<boolean> {
  const tenantId = opts.tenantId ?? 'demo';
  try {
    await deps.access.createTenant({
      id: tenantId,
      name: opts.name ?? 'Demo Retail Co.',
      timeZone: 'Europe/Amsterdam',
    });
  } catch (err) {
    if (err instanceof ConflictError) return false;
    throw err;
  }
  const db = deps.store.forTenant(tenantId);
  const { token, secret } = await deps.access.createToken(
    db,
    { homeTenant: 'provider', role: 'provider-admin', tokenId: 'demo-seed', name: 'demo seed' },
    { name: 'demo seed (revoked after seeding)', role: 'tenant-admin', expiresInDays: 1 },
  );
  const call: SeedCall = async (method, path, body, contentType = 'application/json') => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${secret}`, 'content-type': contentType },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`demo seed ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  try {
    for (const step of demoSteps) {
      const started = performance.now();
      await step.run(call, { now: deps.clock.now() });
      deps.log.info({ step: step.name, ms: Math.round(performance.now() - started) }, 'demo data seeded');
    }
  } finally {
    await deps.access.revokeToken(db, token.id);
  }
  return true;
}
