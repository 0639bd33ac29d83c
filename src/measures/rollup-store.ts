import { inChunks } from '../store/chunks.js';
import { inTransaction, type TenantDb } from '../store/database.js';
import { fromJson, toJson } from '../store/tables.js';
import { type DayRollup, type PullRequest, rollupDays } from './rollup.js';
import { addDays, dayStart, weekOf } from './zoned.js';

const dayMs = 86_400_000;

/**
 * Recomputes the rollup rows of one service and environment for a range of local days from the
 * ledger, replacing what was there (days that no longer have deployments lose their row).
 */
export async function rebuildDays(
  db: TenantDb,
  opts: {
    service: string;
    environment: string;
    fromDay: string;
    toDay: string;
    timeZone: string;
    windowHours: number;
    now: number;
  },
): Promise<number> {
  const { service, environment, fromDay, toDay } = opts;
  const rows = await computeDays(db, opts);

  const values = [...rows.values()].map((r) => toRow(r, { service, environment, now: opts.now }));
  // Upsert, then drop days that lost their deployments: concurrent rebuilds of the same range agree.
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < values.length; i += 1000) {
      await trx
        .insertInto('dora_daily')
        .values(values.slice(i, i + 1000))
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'environment', 'day', 'service'])
            .doUpdateSet(
              (eb) =>
                Object.fromEntries(rowColumns.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never,
            ),
        )
        .execute();
    }
    let stale = trx
      .deleteFrom('dora_daily')
      .where('service', '=', service)
      .where('environment', '=', environment)
      .where('day', '>=', fromDay)
      .where('day', '<=', toDay);
    if (rows.size) stale = stale.where('day', 'not in', [...rows.keys()]);
    await stale.execute();
    await rebuildWeeks(trx, {
      service,
      environment,
      fromWeek: weekOf(fromDay),
      toWeek: weekOf(toDay),
      now: opts.now,
    });
  });
  return values.length;
}

const counterColumns = [
  'deployments',
  'failed',
  'unplanned',
  'changes',
  'excluded_first',
  'excluded_unknown',
  'dropped_authored',
  'dropped_committed',
  'dropped_pr_opened',
  'dropped_pr_first_commit',
  'no_pr',
  'unrecovered',
] as const;
const listColumns = [
  'lt_authored',
  'lt_committed',
  'lt_pr_opened',
  'lt_pr_first_commit',
  'recovery',
] as const;

/** Week rows merged from the day rows of each week in the range: sums, sorted lists, active days. */
async function rebuildWeeks(
  db: TenantDb,
  q: { service: string; environment: string; fromWeek: string; toWeek: string; now: number },
) {
  const days = await db
    .selectFrom('dora_daily')
    .selectAll()
    .where('service', '=', q.service)
    .where('environment', '=', q.environment)
    .where('day', '>=', q.fromWeek)
    .where('day', '<=', addDays(q.toWeek, 6))
    .execute();
  const weeks = new Map<string, typeof days>();
  for (const d of days) {
    const w = weekOf(d.day);
    const list = weeks.get(w);
    if (list) list.push(d);
    else weeks.set(w, [d]);
  }
  const values = [...weeks.entries()].map(([week, rows]) => {
    const out: Record<string, unknown> = {
      service: q.service,
      environment: q.environment,
      week,
      active_days: toJson(
        rows
          .filter((r) => r.deployments > 0)
          .map((r) => r.day)
          .sort(),
      ),
      computed_at: q.now,
    };
    for (const c of counterColumns) out[c] = rows.reduce((n, r) => n + r[c], 0);
    for (const c of listColumns) {
      out[c] = toJson(rows.flatMap((r) => fromJson<number[]>(r[c], [])).sort((a, b) => a - b));
    }
    return out;
  });
  const columns = [...counterColumns, ...listColumns, 'active_days', 'computed_at'];
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('dora_weekly')
      .values(values.slice(i, i + 500) as never)
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'environment', 'week', 'service'])
          .doUpdateSet(
            (eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never,
          ),
      )
      .execute();
  }
  let stale = db
    .deleteFrom('dora_weekly')
    .where('service', '=', q.service)
    .where('environment', '=', q.environment)
    .where('week', '>=', q.fromWeek)
    .where('week', '<=', q.toWeek);
  if (weeks.size) stale = stale.where('week', 'not in', [...weeks.keys()]);
  await stale.execute();
}

/** The rollup of a range of days for one service and environment, computed from the ledger. */
export async function computeDays(
  db: TenantDb,
  opts: {
    service: string;
    environment: string;
    fromDay: string;
    toDay: string;
    timeZone: string;
    windowHours: number;
  },
): Promise<Map<string, DayRollup>> {
  const { service, environment, fromDay, toDay, timeZone } = opts;
  const windowMs = opts.windowHours * 3_600_000;
  const margin = Math.max(dayMs, windowMs);
  const from = dayStart(fromDay, timeZone) - margin;
  const to = dayStart(addDays(toDay, 1), timeZone) + margin;
  const deployments = await db
    .selectFrom('deployments')
    .select(['deployment_id', 'run_id', 'finished_at', 'kind', 'derive_state'])
    .where('service', '=', service)
    .where('environment', '=', environment)
    .where('status', '=', 'success')
    .where('finished_at', '>=', from)
    .where('finished_at', '<', to)
    .execute();
  const ids = deployments.map((d) => d.deployment_id);
  const [restorers, incidents, shipped] = await Promise.all([
    inChunks(ids, (part) =>
      db
        .selectFrom('deployments')
        .select(['deployment_id', 'previous_id', 'kind', 'finished_at'])
        .where('previous_id', 'in', part)
        .where('kind', 'in', ['rollback', 'hotfix'])
        .where('status', '=', 'success')
        .execute(),
    ),
    incidentsOf(db, { service, from, to, ids }),
    inChunks(
      deployments.filter((d) => d.derive_state === 'ok').map((d) => d.deployment_id),
      (part) =>
        db
          .selectFrom('deployment_changes')
          .select(['deployment_id', 'sha', 'authored_at', 'committed_at'])
          .where('deployment_id', 'in', part)
          .execute(),
    ),
  ]);
  const prs = await pullRequests(
    db,
    shipped.map((s) => s.sha),
  );
  return rollupDays({
    timeZone,
    windowMs,
    fromDay,
    toDay,
    deployments: deployments.map((d) => ({
      id: d.deployment_id,
      runId: d.run_id,
      finishedAt: d.finished_at!,
      kind: d.kind,
      state: d.derive_state,
    })),
    restorers: restorers.map((r) => ({
      id: r.deployment_id,
      previousId: r.previous_id!,
      kind: r.kind as 'rollback' | 'hotfix',
      finishedAt: r.finished_at!,
    })),
    incidents: incidents
      .filter((i) => (i.environment ?? 'production') === environment || i.deployment_id != null)
      .map((i) => ({
        id: i.incident_id,
        deploymentId: i.deployment_id,
        detectedAt: i.detected_at,
        resolvedAt: i.resolved_at,
      })),
    shipped: shipped.map((s) => ({
      deploymentId: s.deployment_id,
      sha: s.sha,
      authoredAt: s.authored_at,
      committedAt: s.committed_at,
    })),
    pullRequestOf: (sha) => prs.get(sha),
  });
}

/** The service's incidents that started in the range, and any incident explicitly linked to one of its deployments. */
async function incidentsOf(db: TenantDb, q: { service: string; from: number; to: number; ids: string[] }) {
  const columns = ['incident_id', 'deployment_id', 'detected_at', 'resolved_at', 'environment'] as const;
  const [byTime, byLink] = await Promise.all([
    db
      .selectFrom('source_incidents')
      .select(columns)
      .where('service', '=', q.service)
      .where('detected_at', '>=', q.from)
      .where('detected_at', '<', q.to)
      .execute(),
    inChunks(q.ids, (part) =>
      db.selectFrom('source_incidents').select(columns).where('deployment_id', 'in', part).execute(),
    ),
  ]);
  return [...new Map([...byTime, ...byLink].map((i) => [i.incident_id, i])).values()];
}

/** The pull/merge request each sha belongs to: as its merge commit, its head, or one of its commits. */
async function pullRequests(db: TenantDb, shas: string[]): Promise<Map<string, PullRequest>> {
  const out = new Map<string, PullRequest>();
  if (shas.length === 0) return out;
  const rows = await inChunks(shas, (part) =>
    db
      .selectFrom('changes')
      .select(['merge_sha', 'head_sha', 'commits', 'opened_at', 'first_commit_at'])
      .where((eb) => eb.or([eb('merge_sha', 'in', part), eb('head_sha', 'in', part)]))
      .execute(),
  );
  for (const r of rows) {
    const pr = { openedAt: r.opened_at, firstCommitAt: r.first_commit_at };
    for (const sha of [r.merge_sha, r.head_sha, ...fromJson<string[]>(r.commits, [])])
      if (sha) out.set(sha, pr);
  }
  return out;
}

const rowColumns = [
  'deployments',
  'failed',
  'unplanned',
  'changes',
  'excluded_first',
  'excluded_unknown',
  'lt_authored',
  'lt_committed',
  'lt_pr_opened',
  'lt_pr_first_commit',
  'dropped_authored',
  'dropped_committed',
  'dropped_pr_opened',
  'dropped_pr_first_commit',
  'no_pr',
  'recovery',
  'unrecovered',
  'computed_at',
] as const;

function toRow(r: DayRollup, at: { service: string; environment: string; now: number }) {
  return {
    service: at.service,
    environment: at.environment,
    day: r.day,
    deployments: r.deployments,
    failed: r.failed,
    unplanned: r.unplanned,
    changes: r.changes,
    excluded_first: r.excludedFirst,
    excluded_unknown: r.excludedUnknown,
    lt_authored: toJson(r.lt.authored),
    lt_committed: toJson(r.lt.committed),
    lt_pr_opened: toJson(r.lt.prOpened),
    lt_pr_first_commit: toJson(r.lt.prFirstCommit),
    dropped_authored: r.dropped.authored,
    dropped_committed: r.dropped.committed,
    dropped_pr_opened: r.dropped.prOpened,
    dropped_pr_first_commit: r.dropped.prFirstCommit,
    no_pr: r.noPr,
    recovery: toJson(r.recovery),
    unrecovered: r.unrecovered,
    computed_at: at.now,
  };
}
