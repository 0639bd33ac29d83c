import { sql } from 'kysely';
import { NotFoundError } from '../core/errors.js';
import type { TenantDb } from '../store/database.js';
import { aggregate, type DailyRow } from './aggregate.js';
import type { LevelVersion } from './levels.js';
import type { UnitDetail } from './rollup.js';
import { computeDays } from './rollup-store.js';
import type { LeadTimeStart } from './state.js';
import type { DayWindow } from './window.js';
import { addDays, weekOf } from './zoned.js';

export interface Scope {
  service?: string;
  team?: string;
  environment: string;
}

const leadColumn = {
  authored: ['lt_authored', 'dropped_authored'],
  committed: ['lt_committed', 'dropped_committed'],
  'pr-opened': ['lt_pr_opened', 'dropped_pr_opened'],
  'pr-first-commit': ['lt_pr_first_commit', 'dropped_pr_first_commit'],
} as const;

/** The services a scope covers; a team covers the services it owns. Undefined means every service. */
export async function scopeServices(db: TenantDb, scope: Scope): Promise<string[] | undefined> {
  if (scope.service) {
    const s = await db
      .selectFrom('services')
      .select('name')
      .where('name', '=', scope.service)
      .executeTakeFirst();
    if (!s) throw new NotFoundError(`service ${scope.service} not found`);
    return [scope.service];
  }
  if (scope.team) {
    const t = await db.selectFrom('teams').select('name').where('name', '=', scope.team).executeTakeFirst();
    if (!t) throw new NotFoundError(`team ${scope.team} not found`);
    const rows = await db.selectFrom('services').select('name').where('owner', '=', scope.team).execute();
    return rows.map((r) => r.name);
  }
  return undefined;
}

/**
 * Rollup rows of the window, lead times for the chosen start: whole ISO weeks from the weekly
 * rollup, the days before the first and after the last whole week from the daily one (or only
 * days, for a daily series).
 */
export async function loadRows(
  db: TenantDb,
  q: {
    services: string[] | undefined;
    environment: string;
    window: DayWindow;
    start: LeadTimeStart;
    granularity?: 'day' | 'week';
  },
): Promise<DailyRow[]> {
  if (q.services && q.services.length === 0) return [];
  const { fromDay, toDay } = q.window;
  const firstWeek = weekOf(fromDay) === fromDay ? fromDay : addDays(weekOf(fromDay), 7);
  const lastWeek = addDays(weekOf(toDay), weekOf(addDays(toDay, 1)) === addDays(toDay, 1) ? 0 : -7);
  if (q.granularity === 'day' || firstWeek > lastWeek) {
    return packedRows(db, { ...q, table: 'dora_daily', from: fromDay, to: toDay });
  }
  const parts = await Promise.all([
    fromDay < firstWeek
      ? packedRows(db, { ...q, table: 'dora_daily', from: fromDay, to: addDays(firstWeek, -1) })
      : [],
    packedRows(db, { ...q, table: 'dora_weekly', from: firstWeek, to: lastWeek }),
    addDays(lastWeek, 6) < toDay
      ? packedRows(db, { ...q, table: 'dora_daily', from: addDays(lastWeek, 7), to: toDay })
      : [],
  ]);
  return parts.flat();
}

async function packedRows(
  db: TenantDb,
  q: {
    services: string[] | undefined;
    environment: string;
    start: LeadTimeStart;
    table: 'dora_daily' | 'dora_weekly';
    from: string;
    to: string;
  },
): Promise<DailyRow[]> {
  const [lt, dropped] = leadColumn[q.start];
  const period = q.table === 'dora_daily' ? 'day' : 'week';
  const active = q.table === 'dora_weekly' ? sql`|| ',' || active_days` : sql``;
  // An answer over every service reads thousands of rows: the database packs each service's rows
  // into one JSON text (periods are ISO dates, lists are stored JSON), so the driver hands over
  // one value per service instead of a dozen per row, and one parse reads them all.
  const query = db
    .selectFrom(q.table)
    .select([
      'service',
      sql<string>`string_agg('["' || ${sql.ref(period)} || '",' || deployments || ',' || failed || ',' || unplanned
        || ',' || changes || ',' || excluded_first || ',' || excluded_unknown || ',' || no_pr
        || ',' || unrecovered || ',' || ${sql.ref(dropped)} || ',' || ${sql.ref(lt)} || ',' || recovery
        ${active} || ']', ',')`.as('packed'),
    ])
    .where('environment', '=', q.environment)
    .where(sql.ref(period), '>=', q.from)
    .where(sql.ref(period), '<=', q.to)
    .groupBy('service');
  const rows = await (q.services ? query.where('service', 'in', q.services) : query).execute();
  const out: DailyRow[] = [];
  for (const { service, packed } of rows) {
    for (const r of JSON.parse(`[${packed}]`) as Packed[]) {
      out.push({
        service,
        day: r[0],
        deployments: r[1],
        failed: r[2],
        unplanned: r[3],
        changes: r[4],
        excludedFirst: r[5],
        excludedUnknown: r[6],
        noPr: r[7],
        unrecovered: r[8],
        dropped: r[9],
        leadTimes: r[10],
        recovery: r[11],
        ...(r[12] ? { activeDays: r[12] } : {}),
      });
    }
  }
  return out;
}

type Packed = [
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number[],
  number[],
  string[]?,
];

export function summarize(
  rows: DailyRow[],
  q: {
    window: DayWindow;
    start: LeadTimeStart;
    version: LevelVersion;
    groupBy?: 'service' | 'none';
    owners?: Map<string, string | null>;
  },
) {
  const numbers = aggregate(rows, { ...q.window, start: q.start, version: q.version });
  const groups =
    q.groupBy === 'service'
      ? [...groupBy(rows, (r) => r.service)]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([service, rs]) => ({
            service,
            ...aggregate(rs, { ...q.window, start: q.start, version: q.version }),
          }))
      : undefined;
  return { numbers, groups };
}

/** Daily or weekly (ISO weeks, Monday first) series over the window, each point a full set of numbers. */
export function trend(
  rows: DailyRow[],
  q: { window: DayWindow; start: LeadTimeStart; version: LevelVersion; interval: 'day' | 'week' },
) {
  const key = q.interval === 'day' ? (d: string) => d : weekOf;
  const buckets = new Map<string, DailyRow[]>();
  for (let d = q.window.fromDay; d <= q.window.toDay; d = addDays(d, 1))
    if (!buckets.has(key(d))) buckets.set(key(d), []);
  for (const r of rows) buckets.get(key(r.day))?.push(r);
  return [...buckets.entries()].map(([start, rs]) => {
    const fromDay = start < q.window.fromDay ? q.window.fromDay : start;
    const end = q.interval === 'day' ? start : addDays(start, 6);
    const toDay = end > q.window.toDay ? q.window.toDay : end;
    return {
      start,
      fromDay,
      toDay,
      ...aggregate(rs, { fromDay, toDay, start: q.start, version: q.version }),
    };
  });
}

export type DoraMetric = 'deployments' | 'lead-time' | 'change-failures' | 'recovery' | 'rework';

/** The events behind a number: each counted deployment, or each change with its lead time. */
export async function contributing(
  db: TenantDb,
  q: {
    services: string[];
    environment: string;
    window: DayWindow;
    timeZone: string;
    windowHours: number;
    metric: DoraMetric;
    start: LeadTimeStart;
  },
) {
  const units: (UnitDetail & { service: string })[] = [];
  for (const service of q.services) {
    const days = await computeDays(db, {
      service,
      environment: q.environment,
      ...q.window,
      timeZone: q.timeZone,
      windowHours: q.windowHours,
    });
    for (const d of days.values()) units.push(...d.units.map((u) => ({ ...u, service })));
  }
  units.sort((a, b) => b.finishedAt - a.finishedAt);
  const pick = {
    deployments: () => units,
    'change-failures': () => units.filter((u) => u.failed),
    recovery: () => units.filter((u) => u.failed),
    rework: () => units.filter((u) => u.unplanned),
    'lead-time': () => units,
  }[q.metric];
  const chosen = pick();
  if (q.metric !== 'lead-time') {
    return chosen.map((u) => ({
      service: u.service,
      day: u.day,
      deployments: u.deploymentIds,
      finishedAt: new Date(u.finishedAt).toISOString(),
      unplanned: u.unplanned,
      failed: u.failed,
      failedBecause: u.failedBecause,
      recoverySeconds: u.recoverySeconds,
      excluded: u.excluded,
      changes: u.leadTimes.length,
    }));
  }
  const field = {
    authored: 'authored',
    committed: 'committed',
    'pr-opened': 'prOpened',
    'pr-first-commit': 'prFirstCommit',
  } as const;
  return chosen.flatMap((u) =>
    u.leadTimes.map((c) => ({
      service: u.service,
      day: u.day,
      deployment: u.deploymentIds.at(-1)!,
      finishedAt: new Date(u.finishedAt).toISOString(),
      sha: c.sha,
      leadTimeSeconds: c[field[q.start]],
      counted: (c[field[q.start]] ?? 0) > 0,
    })),
  );
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}
