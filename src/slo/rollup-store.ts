import { chunks } from '../store/chunks.js';
import type { TenantDb } from '../store/database.js';
import {
  type Bucket,
  type BudgetingMethod,
  type BudgetOptions,
  budgetReads,
  edgeIntervals,
  type Interval,
  type MinuteCounts,
  minuteRollup,
  type Rollup,
  windowAt,
} from './budget/index.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const CHUNK = 400;

/** The objective a rollup belongs to and the minute series it is computed from. */
export interface SeriesKey {
  slo: string;
  objective: number;
  sli: string;
  series: string;
  method: BudgetingMethod;
}

/** Sorted values grouped into runs of consecutive steps, as [first, last + step) intervals. */
export function runs(values: Iterable<number>, step: number): Interval[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const out: { start: number; end: number }[] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v === last.end) last.end = v + step;
    else out.push({ start: v, end: v + step });
  }
  return out;
}

export async function readMinutes(
  db: TenantDb,
  key: { sli: string; series: string },
  range: Interval,
): Promise<MinuteCounts[]> {
  const rows = await db
    .selectFrom('sli_minutes')
    .select(['minute', 'good', 'total'])
    .where('sli', '=', key.sli)
    .where('series', '=', key.series)
    .where('minute', '>=', range.start)
    .where('minute', '<', range.end)
    .orderBy('minute')
    .execute();
  return rows.map((r) => ({ t: r.minute, good: r.good, total: r.total }));
}

async function upsertBuckets(
  db: TenantDb,
  table: 'slo_hours' | 'slo_days',
  key: SeriesKey,
  buckets: readonly Bucket[],
): Promise<void> {
  for (let i = 0; i < buckets.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(
        buckets.slice(i, i + CHUNK).map((b) => ({
          slo: key.slo,
          objective: key.objective,
          t: b.t,
          good: b.good,
          total: b.total,
          minutes: b.minutes,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'slo', 'objective', 't']).doUpdateSet((eb) => ({
          good: eb.ref('excluded.good'),
          total: eb.ref('excluded.total'),
          minutes: eb.ref('excluded.minutes'),
        })),
      )
      .execute();
  }
}

/**
 * Recomputes the hour and day rollups of one objective for the hours its changed minutes fall in:
 * hours from their minutes, days from their hours. Runs inside the sample write's transaction, so
 * rollups never disagree with the minutes they sum.
 */
export async function refreshRollups(db: TenantDb, key: SeriesKey, minutes: Iterable<number>): Promise<void> {
  const hours = new Set<number>();
  for (const m of minutes) hours.add(Math.floor(m / HOUR_MS) * HOUR_MS);
  for (const run of runs(hours, HOUR_MS)) {
    const rollup = minuteRollup(await readMinutes(db, key, run), key.method);
    await db
      .deleteFrom('slo_hours')
      .where('slo', '=', key.slo)
      .where('objective', '=', key.objective)
      .where('t', '>=', run.start)
      .where('t', '<', run.end)
      .execute();
    await upsertBuckets(db, 'slo_hours', key, rollup.hours);
  }
  const days = new Set([...hours].map((h) => Math.floor(h / DAY_MS) * DAY_MS));
  for (const run of runs(days, DAY_MS)) {
    const rows = await readBuckets(db, 'slo_hours', key, run);
    const sums = new Map<number, Bucket>();
    for (const h of rows) {
      const t = Math.floor(h.t / DAY_MS) * DAY_MS;
      const s = sums.get(t);
      sums.set(
        t,
        s
          ? { t, good: s.good + h.good, total: s.total + h.total, minutes: s.minutes + h.minutes }
          : { ...h, t },
      );
    }
    await db
      .deleteFrom('slo_days')
      .where('slo', '=', key.slo)
      .where('objective', '=', key.objective)
      .where('t', '>=', run.start)
      .where('t', '<', run.end)
      .execute();
    await upsertBuckets(db, 'slo_days', key, [...sums.values()]);
  }
}

async function readBuckets(
  db: TenantDb,
  table: 'slo_hours' | 'slo_days',
  key: { slo: string; objective: number },
  range: Interval,
): Promise<Bucket[]> {
  return db
    .selectFrom(table)
    .select(['t', 'good', 'total', 'minutes'])
    .where('slo', '=', key.slo)
    .where('objective', '=', key.objective)
    .where('t', '>=', range.start)
    .where('t', '<', range.end)
    .orderBy('t')
    .execute();
}

/** Rebuilds an objective's rollups from all its minutes (after the SLO was defined or changed). */
export async function rebuildRollups(db: TenantDb, key: SeriesKey): Promise<void> {
  await db
    .deleteFrom('slo_hours')
    .where('slo', '=', key.slo)
    .where('objective', '=', key.objective)
    .execute();
  await db.deleteFrom('slo_days').where('slo', '=', key.slo).where('objective', '=', key.objective).execute();
  const all = await readMinutes(db, key, { start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER });
  const rollup = minuteRollup(all, key.method);
  await upsertBuckets(db, 'slo_hours', key, rollup.hours);
  await upsertBuckets(db, 'slo_days', key, rollup.days);
}

/** What `budgetFromRollups` needs: hours and days around the window and the edge minutes. */
export async function readBudgetInput(
  db: TenantDb,
  key: SeriesKey,
  opts: BudgetOptions,
): Promise<{ rollup: Rollup; edgeMinutes: MinuteCounts[] }> {
  const window = windowAt(opts.window, opts.now);
  // Burn windows reach back 3 days, before the start of a calendar period that began recently.
  const range = { start: Math.min(window.start, opts.now - 3 * DAY_MS) - DAY_MS, end: opts.now + DAY_MS };
  const [hours, days] = await Promise.all([
    readBuckets(db, 'slo_hours', key, range),
    readBuckets(db, 'slo_days', key, range),
  ]);
  const edgeMinutes = new Map<number, MinuteCounts>();
  for (const edge of runsOf(edgeIntervals(opts))) {
    for (const m of await readMinutes(db, key, edge)) edgeMinutes.set(m.t, m);
  }
  return { rollup: { hours, days }, edgeMinutes: [...edgeMinutes.values()] };
}

/** Overlapping intervals merged, so each minute is read once. */
function runsOf(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/**
 * `readBudgetInput` for many objectives at once, reading only the rows `budgetFromRollups` uses
 * (budget/rollup.ts `budgetReads`): objectives whose windows need the same ranges share one query
 * per range and table, so a thousand SLOs cost a dozen queries, not thousands. Same answers.
 */
export async function readBudgetInputs(
  db: TenantDb,
  items: readonly { key: SeriesKey; opts: BudgetOptions }[],
): Promise<{ rollup: Rollup; edgeMinutes: MinuteCounts[] }[]> {
  const out = items.map(() => ({
    hours: [] as Bucket[],
    days: [] as Bucket[],
    edgeMinutes: [] as MinuteCounts[],
  }));
  const groups = new Map<string, { reads: ReturnType<typeof budgetReads>; members: number[] }>();
  items.forEach((item, n) => {
    const reads = budgetReads(item.opts);
    const id = JSON.stringify(reads);
    const group = groups.get(id) ?? { reads, members: [] };
    group.members.push(n);
    groups.set(id, group);
  });
  for (const { reads, members } of groups.values()) {
    const byObjective = new Map(members.map((n) => [`${items[n]!.key.slo}\n${items[n]!.key.objective}`, n]));
    const bySeries = new Map<string, number[]>();
    for (const n of members) {
      const id = `${items[n]!.key.sli}\n${items[n]!.key.series}`;
      bySeries.set(id, [...(bySeries.get(id) ?? []), n]);
    }
    const slos = [...new Set(members.map((n) => items[n]!.key.slo))];
    const objectives = [...new Set(members.map((n) => items[n]!.key.objective))];
    const slis = [...new Set(members.map((n) => items[n]!.key.sli))];
    const series = [...new Set(members.map((n) => items[n]!.key.series))];
    for (const table of ['slo_hours', 'slo_days'] as const) {
      for (const range of table === 'slo_hours' ? reads.hours : reads.days) {
        for (const part of chunks(slos)) {
          const rows = await db
            .selectFrom(table)
            .select(['slo', 'objective', 't', 'good', 'total', 'minutes'])
            .where('slo', 'in', part)
            .where('objective', 'in', objectives)
            .where('t', '>=', range.start)
            .where('t', '<', range.end)
            .execute();
          for (const { slo, objective, ...bucket } of rows) {
            const n = byObjective.get(`${slo}\n${objective}`);
            if (n !== undefined) out[n]![table === 'slo_hours' ? 'hours' : 'days'].push(bucket);
          }
        }
      }
    }
    for (const range of reads.minutes) {
      for (const part of chunks(slis)) {
        const rows = await db
          .selectFrom('sli_minutes')
          .select(['sli', 'series', 'minute', 'good', 'total'])
          .where('sli', 'in', part)
          .where('series', 'in', series)
          .where('minute', '>=', range.start)
          .where('minute', '<', range.end)
          .execute();
        for (const r of rows) {
          const minute = { t: r.minute, good: r.good, total: r.total };
          for (const n of bySeries.get(`${r.sli}\n${r.series}`) ?? []) out[n]!.edgeMinutes.push(minute);
        }
      }
    }
  }
  return out.map((o) => ({ rollup: { hours: o.hours, days: o.days }, edgeMinutes: o.edgeMinutes }));
}
