/**
 * The baseline: the same DORA answers computed the plain way, without rollups — one join of
 * deployments and the commits they shipped over the window, the failures that point at them, lead
 * times sorted in JS. What a competent engineer writes first; the rollups must beat it.
 */
import type { TenantDb } from '../src/store/database.js';

export interface RawNumbers {
  deployments: number;
  deploymentDays: number;
  medianDeploymentDaysPerWeek: number;
  leadMedian: number | null;
  leadP90: number | null;
  failed: number;
  recoveryMedian: number | null;
}

const dayMs = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Monday of the ISO week, as a day number since the epoch (1970-01-01 was a Thursday). */
const weekOf = (dayNumber: number) => dayNumber - ((dayNumber + 3) % 7);

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const a = sorted[lo]!;
  return a + (sorted[Math.ceil(rank)]! - a) * (rank - lo);
}

interface Deployment {
  service: string;
  finishedAt: number;
  ok: boolean;
  leads: number[];
  failed: boolean;
  recoveredAt: number | null;
}

/** Every successful deployment finished in [from, to) (UTC), with shipped lead times and failures. */
async function scan(db: TenantDb, q: { from: number; to: number; service?: string }) {
  let rows = db
    .selectFrom('deployments as d')
    .leftJoin('deployment_changes as c', 'c.deployment_id', 'd.deployment_id')
    .select(['d.deployment_id', 'd.service', 'd.finished_at', 'd.derive_state', 'c.authored_at'])
    .where('d.environment', '=', 'production')
    .where('d.status', '=', 'success')
    .where('d.finished_at', '>=', q.from)
    .where('d.finished_at', '<', q.to);
  if (q.service) rows = rows.where('d.service', '=', q.service);
  let restorers = db
    .selectFrom('deployments')
    .select(['previous_id', 'finished_at'])
    .where('kind', 'in', ['rollback', 'hotfix'])
    .where('status', '=', 'success')
    .where('finished_at', '>=', q.from);
  if (q.service) restorers = restorers.where('service', '=', q.service);
  let incidents = db
    .selectFrom('source_incidents as i')
    .innerJoin('deployments as d', 'd.deployment_id', 'i.deployment_id')
    .select(['i.deployment_id', 'i.resolved_at'])
    .where('d.finished_at', '>=', q.from)
    .where('d.finished_at', '<', q.to);
  if (q.service) incidents = incidents.where('d.service', '=', q.service);
  const [joined, restored, broken] = await Promise.all([
    rows.execute(),
    restorers.execute(),
    incidents.execute(),
  ]);

  const byId = new Map<string, Deployment>();
  for (const r of joined) {
    let d = byId.get(r.deployment_id);
    if (!d) {
      d = {
        service: r.service!,
        finishedAt: r.finished_at!,
        ok: r.derive_state === 'ok',
        leads: [],
        failed: false,
        recoveredAt: null,
      };
      byId.set(r.deployment_id, d);
    }
    if (d.ok && r.authored_at != null) {
      const s = Math.round((d.finishedAt - r.authored_at) / 1000);
      if (s > 0) d.leads.push(s);
    }
  }
  const fail = (id: string | null, at: number | null) => {
    const d = id ? byId.get(id) : undefined;
    if (!d) return;
    d.failed = true;
    if (at != null && at > d.finishedAt && (d.recoveredAt == null || at < d.recoveredAt)) d.recoveredAt = at;
  };
  for (const r of restored) fail(r.previous_id, r.finished_at);
  for (const i of broken) fail(i.deployment_id, i.resolved_at);
  return [...byId.values()];
}

function numbers(ds: Deployment[], window: { from: number; to: number }): RawNumbers {
  const days = new Set(ds.map((d) => dayOf(d.finishedAt)));
  const perWeek = new Map<number, number>();
  for (let t = window.from; t < window.to; t += dayMs) {
    const week = weekOf(t / dayMs);
    perWeek.set(week, (perWeek.get(week) ?? 0) + (days.has(dayOf(t)) ? 1 : 0));
  }
  const leads = ds.flatMap((d) => d.leads).sort((a, b) => a - b);
  const failed = ds.filter((d) => d.failed);
  const recovery = failed
    .filter((d) => d.recoveredAt != null)
    .map((d) => Math.round((d.recoveredAt! - d.finishedAt) / 1000))
    .sort((a, b) => a - b);
  return {
    deployments: ds.length,
    deploymentDays: days.size,
    medianDeploymentDaysPerWeek: percentile(
      [...perWeek.values()].sort((a, b) => a - b),
      0.5,
    )!,
    leadMedian: percentile(leads, 0.5),
    leadP90: percentile(leads, 0.9),
    failed: failed.length,
    recoveryMedian: percentile(recovery, 0.5),
  };
}

/** DORA numbers of every service over [from, to). */
export async function rawSummary(db: TenantDb, window: { from: number; to: number }) {
  const ds = await scan(db, window);
  const byService = new Map<string, Deployment[]>();
  for (const d of ds) {
    const list = byService.get(d.service);
    if (list) list.push(d);
    else byService.set(d.service, [d]);
  }
  return new Map([...byService].map(([s, list]) => [s, numbers(list, window)]));
}

/** One service's numbers per ISO week over [from, to); keyed by the week's Monday. */
export async function rawWeekly(db: TenantDb, q: { from: number; to: number; service: string }) {
  const ds = await scan(db, q);
  const byWeek = new Map<string, Deployment[]>();
  for (let t = q.from; t < q.to; t += dayMs) {
    const week = dayOf(weekOf(t / dayMs) * dayMs);
    if (!byWeek.has(week)) byWeek.set(week, []);
  }
  for (const d of ds) byWeek.get(dayOf(weekOf(Math.floor(d.finishedAt / dayMs)) * dayMs))?.push(d);
  return new Map(
    [...byWeek].map(([week, list]) => {
      const from = Math.max(q.from, Date.parse(week));
      const to = Math.min(q.to, Date.parse(week) + 7 * dayMs);
      return [week, numbers(list, { from, to })];
    }),
  );
}
