import type { Store, TenantDb } from '../store/database.js';
import { rebuildDays } from './rollup-store.js';
import { readState, writeState } from './state.js';
import { addDays, localDay } from './zoned.js';

/** Rows written up to this long before the last one seen are read again: covers slow commits and clock skew. */
const lagMs = 60_000;
/** Dirty days further apart than this are rebuilt as separate ranges. */
const maxGapDays = 14;

type Key = string; // service \0 environment

/**
 * Brings a tenant's DORA rollups up to date with the ledger: finds what changed since the last
 * run (deployments derived, incidents reported, pull requests updated) and rebuilds the local days
 * they touch. A tenant whose time zone or attribution window changed is rebuilt whole.
 * Idempotent: running it twice, or in two processes at once, gives the same rows.
 */
export async function refreshRollups(db: TenantDb, opts: { now: number }): Promise<number> {
  const tenant = await db.selectFrom('tenants').select('time_zone').executeTakeFirst();
  const timeZone = tenant?.time_zone ?? 'UTC';
  const state = await readState(db);
  const windowHours = state.settings.attributionWindowHours;
  const full = state.rollupTimeZone !== timeZone || state.rollupWindowHours !== windowHours;
  const since = full ? Number.MIN_SAFE_INTEGER : state.watermark - lagMs;
  const windowMs = windowHours * 3_600_000;

  const dirty = new Map<Key, Set<string>>();
  const mark = (service: string | null, environment: string, t: number | null) => {
    if (!service || t == null) return;
    const key = `${service}\u0000${environment}`;
    const days = dirty.get(key) ?? new Set<string>();
    days.add(localDay(t, timeZone));
    dirty.set(key, days);
  };
  let seen = state.watermark;

  const deployments = await db
    .selectFrom('deployments')
    .select(['service', 'environment', 'finished_at', 'previous_id', 'kind', 'changed_at'])
    .where('changed_at', '>=', since)
    .execute();
  const previousIds: string[] = [];
  for (const d of deployments) {
    seen = Math.max(seen, d.changed_at);
    mark(d.service, d.environment, d.finished_at);
    // A rollback or fix makes the deployment before it a failure.
    if (d.previous_id && (d.kind === 'rollback' || d.kind === 'hotfix')) previousIds.push(d.previous_id);
  }
  const incidents = await db
    .selectFrom('source_incidents')
    .select(['service', 'environment', 'detected_at', 'deployment_id', 'changed_at'])
    .where('changed_at', '>=', since)
    .execute();
  for (const i of incidents) {
    seen = Math.max(seen, i.changed_at);
    if (i.detected_at != null) {
      mark(i.service, i.environment ?? 'production', i.detected_at);
      mark(i.service, i.environment ?? 'production', i.detected_at - windowMs);
    }
    if (i.deployment_id) previousIds.push(i.deployment_id);
  }
  const changes = await db
    .selectFrom('changes')
    .select(['merge_sha', 'head_sha', 'updated_at'])
    .where('updated_at', '>=', since)
    .execute();
  const shas = changes.flatMap((c) => [c.merge_sha, c.head_sha]).filter((s): s is string => !!s);
  for (const c of changes) seen = Math.max(seen, c.updated_at);
  for (let i = 0; i < shas.length; i += 500) {
    const ids = await db
      .selectFrom('deployment_changes')
      .select('deployment_id')
      .where('sha', 'in', shas.slice(i, i + 500))
      .execute();
    previousIds.push(...ids.map((r) => r.deployment_id));
  }
  for (let i = 0; i < previousIds.length; i += 500) {
    const rows = await db
      .selectFrom('deployments')
      .select(['service', 'environment', 'finished_at'])
      .where('deployment_id', 'in', previousIds.slice(i, i + 500))
      .execute();
    for (const r of rows) mark(r.service, r.environment, r.finished_at);
  }

  // A new time zone or window moves every day: start from nothing (the rebuild below refills it).
  if (full) {
    await db.deleteFrom('dora_daily').execute();
    await db.deleteFrom('dora_weekly').execute();
  }
  let rebuilt = 0;
  for (const [key, days] of dirty) {
    const [service, environment] = key.split('\u0000') as [string, string];
    for (const [fromDay, toDay] of ranges([...days])) {
      rebuilt += await rebuildDays(db, {
        service,
        environment,
        fromDay,
        toDay,
        timeZone,
        windowHours,
        now: opts.now,
      });
    }
  }
  if (full || !state.exists || seen !== state.watermark) {
    await writeState(db, {
      settings: state.settings,
      rollupTimeZone: timeZone,
      rollupWindowHours: windowHours,
      watermark: seen,
    });
  }
  return rebuilt;
}

/** Sorted days as ranges, a day of margin each side (runs that span midnight), split at long gaps. */
function ranges(days: string[]): [string, string][] {
  const sorted = days.sort();
  const out: [string, string][] = [];
  for (const d of sorted) {
    const last = out.at(-1);
    if (last && d <= addDays(last[1], maxGapDays)) last[1] = addDays(d, 1);
    else out.push([addDays(d, -1), addDays(d, 1)]);
  }
  return out;
}

/** The background pass: every tenant, one after the other, under the task's lease. */
export async function refreshAllTenants(store: Store, now: () => number): Promise<number> {
  const tenants = await store.system
    .selectFrom('tenants')
    .select('tenant_id')
    .where('kind', '=', 'customer')
    .execute();
  let n = 0;
  for (const t of tenants) n += await refreshRollups(store.forTenant(t.tenant_id), { now: now() });
  return n;
}
