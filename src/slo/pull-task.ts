import type { Store, TenantDb } from '../store/database.js';
import { isRef, type Sli } from './model.js';
import { type PullConfig, type PullLog, pullOnce, pullTargets } from './pull/index.js';
import { readPullPositions, savePullPositions } from './pull-positions.js';
import { writeSamples } from './samples.js';
import { listObjects } from './store.js';

export interface PullTenantResult {
  /** SLIs pulled from a Prometheus data source this run. */
  readonly targets: number;
  /** Prometheus-looking SLIs that cannot be pulled (logged with the reason). */
  readonly skipped: number;
  /** SLIs whose pull position moved. */
  readonly advanced: number;
}

/** Stored SLIs, then SLIs written inline in an SLO (a stored SLI of the same name wins). */
async function tenantSlis(db: TenantDb): Promise<Sli[]> {
  const byName = new Map((await listObjects(db, 'SLI')).map((s) => [s.name, s]));
  for (const slo of await listObjects(db, 'SLO')) {
    for (const indicator of [slo.indicator, ...slo.objectives.map((o) => o.indicator)]) {
      if (indicator && !isRef(indicator) && !byName.has(indicator.name))
        byName.set(indicator.name, indicator);
    }
  }
  return [...byName.values()];
}

/**
 * One pull of a tenant's Prometheus SLIs (OpenSLO DataSource `type: Prometheus`,
 * `connectionDetails.url`): each from where its last run stopped (or the backfill limit) to
 * now − delay, written through the same sink as pushed samples, then the new positions saved.
 * A crash before the save only means the next run writes the same range again, which is harmless.
 * An inline `type: Prometheus` source without a ref reads the tenant's only Prometheus DataSource.
 */
export async function pullTenant(
  db: TenantDb,
  opts: { now: number; log: PullLog } & PullConfig,
): Promise<PullTenantResult> {
  const { now, log, ...config } = opts;
  const [slis, dataSources] = await Promise.all([tenantSlis(db), listObjects(db, 'DataSource')]);
  const prometheus = dataSources.filter((d) => d.type.toLowerCase() === 'prometheus');
  const { targets, skipped } = pullTargets({
    slis,
    dataSources,
    ...(prometheus.length === 1 ? { defaultDataSource: prometheus[0]!.name } : {}),
  });
  for (const s of skipped) log.warn({ tenant: db.tenantId, ...s }, 'SLI cannot be pulled from Prometheus');
  const before = await readPullPositions(db);
  const names = new Set(slis.map((s) => s.name));
  const forget = Object.keys(before).filter((sli) => !names.has(sli));
  if (targets.length === 0 && forget.length === 0)
    return { targets: 0, skipped: skipped.length, advanced: 0 };
  const after = await pullOnce({
    ...config,
    now,
    log,
    sources: targets,
    lastPulled: before,
    sink: async (sli, batch) => {
      await writeSamples(db, sli, batch.samples);
    },
  });
  const advanced = await savePullPositions(db, { before, after, forget, now });
  return { targets: targets.length, skipped: skipped.length, advanced };
}

/** The background pass ('slo.pull'): every customer tenant in turn; one tenant failing spares the rest. */
export async function pullAllTenants(store: Store, opts: { now: () => number; log: PullLog }): Promise<void> {
  const tenants = await store.system
    .selectFrom('tenants')
    .select('tenant_id')
    .where('kind', '=', 'customer')
    .execute();
  for (const t of tenants) {
    try {
      await pullTenant(store.forTenant(t.tenant_id), { now: opts.now(), log: opts.log });
    } catch (err) {
      opts.log.warn({ err, tenant: t.tenant_id }, 'SLO pull failed for the tenant');
    }
  }
}
