import { iso } from '../access/model.js';
import { DomainError, NotFoundError } from '../core/errors.js';
import type { TenantDb } from '../store/database.js';
import {
  type BudgetOptions,
  type BudgetResult,
  budgetFromRollups,
  budgetFromSums,
  budgetReads,
  burnRate,
  type RangeSum,
  rollupRangeSum,
  toUnits,
  unitMs,
  unitRangeSum,
  type WindowSpec,
  windowAt,
} from './budget/index.js';
import type { Slo } from './model.js';
import { readBudgetInput, readBudgetInputs, readMinutes, type SeriesKey } from './rollup-store.js';
import { windowSpecOf } from './series.js';
import { getObject, listObjects } from './store.js';

const HOUR_MS = 3_600_000;

export interface ObjectiveBudget {
  objective: number;
  displayName: string | null;
  target: number;
  result: BudgetResult | null;
  /** Why there is no result: the objective cannot be measured or its window cannot be budgeted. */
  problem: string | null;
}

export async function seriesOfSlo(db: TenantDb, slo: string): Promise<SeriesKey[]> {
  const rows = await db
    .selectFrom('slo_series')
    .selectAll()
    .where('slo', '=', slo)
    .orderBy('objective')
    .execute();
  return rows.map((r) => ({
    slo: r.slo,
    objective: r.objective,
    sli: r.sli,
    series: r.series,
    method: JSON.parse(r.method),
  }));
}

/** Window spec of an SLO, or the reason it has none the budget maths can use. */
function specOf(slo: Slo): WindowSpec | string {
  try {
    return windowSpecOf(slo.timeWindow);
  } catch (err) {
    if (err instanceof DomainError) return err.message;
    throw err;
  }
}

/** Budget of every objective of an SLO at `now`, answered from rollups and edge minutes. */
export async function sloBudgets(db: TenantDb, slo: Slo, now: number): Promise<ObjectiveBudget[]> {
  return (await budgetsOfSlos(db, [slo], now))[0]!;
}

/** The series keys of the given SLOs (all of them when the list is long), by SLO and objective. */
async function seriesOfSlos(db: TenantDb, names: readonly string[]): Promise<Map<string, SeriesKey>> {
  let q = db.selectFrom('slo_series').selectAll();
  if (names.length <= 500) q = q.where('slo', 'in', names.length ? [...names] : ['']);
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [
      `${r.slo}\n${r.objective}`,
      { slo: r.slo, objective: r.objective, sli: r.sli, series: r.series, method: JSON.parse(r.method) },
    ]),
  );
}

/**
 * `sloBudgets` of many SLOs at once (a service's, a tenant's): the same answers, read in a few
 * batched queries instead of a few per SLO.
 */
export async function budgetsOfSlos(
  db: TenantDb,
  slos: readonly Slo[],
  now: number,
): Promise<ObjectiveBudget[][]> {
  const series = await seriesOfSlos(
    db,
    slos.map((s) => s.name),
  );
  type Pending = { base: Omit<ObjectiveBudget, 'result' | 'problem'>; key: SeriesKey; opts: BudgetOptions };
  const pending: Pending[] = [];
  const answers = slos.map((slo) => {
    const spec = specOf(slo);
    return slo.objectives.map((o, i): ObjectiveBudget | Pending => {
      const base = { objective: i, displayName: o.displayName ?? null, target: o.target };
      const key = series.get(`${slo.name}\n${i}`);
      if (!key) return { ...base, result: null, problem: 'the objective has no measurable indicator' };
      if (typeof spec === 'string') return { ...base, result: null, problem: spec };
      const p = {
        base,
        key,
        opts: { objective: { target: o.target, method: key.method }, window: spec, now },
      };
      pending.push(p);
      return p;
    });
  });
  const results = new Map<Pending, ObjectiveBudget>();
  const readable: Pending[] = [];
  for (const p of pending) {
    try {
      budgetReads(p.opts); // a window or method the maths rejects is that objective's problem
      readable.push(p);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.set(p, { ...p.base, result: null, problem: err.message });
    }
  }
  const inputs = await readBudgetInputs(db, readable);
  readable.forEach((p, n) => {
    try {
      results.set(p, { ...p.base, result: budgetFromRollups(inputs[n]!, p.opts), problem: null });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.set(p, { ...p.base, result: null, problem: err.message });
    }
  });
  return answers.map((list) => list.map((a) => ('key' in a ? results.get(a)! : a)));
}

/** The JSON shape of one objective's budget. */
export function budgetJson(b: ObjectiveBudget) {
  const r = b.result;
  return {
    objective: b.objective,
    displayName: b.displayName,
    target: b.target,
    problem: b.problem,
    window: r ? { start: iso(r.window.start), end: iso(r.window.end) } : null,
    elapsed: r ? { start: iso(r.elapsed.start), end: iso(r.elapsed.end) } : null,
    attainment: r?.attainment ?? null,
    errorRate: r?.errorRate ?? null,
    dataCoverage: r?.dataCoverage ?? 0,
    budget: r ? { ...r.budget } : null,
    burnRates: r?.burnRates ?? {},
    forecast: r
      ? {
          basisMinutes: r.forecast.basisMinutes,
          burnRate: r.forecast.burnRate,
          exhaustsAt: r.forecast.exhaustsAt === null ? null : iso(r.forecast.exhaustsAt),
        }
      : null,
  };
}

export type BudgetJson = ReturnType<typeof budgetJson>;

/**
 * The error budget of every SLO of a catalog service at `now`: the one interface other
 * capabilities (gates) read. A service without SLOs has an empty list; an unknown one is a 404.
 */
export async function errorBudgetsOfService(db: TenantDb, service: string, now: number) {
  const known =
    (await db.selectFrom('services').select('name').where('name', '=', service).executeTakeFirst()) ??
    (await getObject(db, 'Service', service));
  if (!known) throw new NotFoundError(`service ${service} not found`);
  const slos = (await listObjects(db, 'SLO')).filter((s) => s.service === service);
  const all = await budgetsOfSlos(db, slos, now);
  const out = [];
  for (const [n, slo] of slos.entries()) {
    const budgets = all[n]!;
    const first = budgets[0]!;
    out.push({
      slo: slo.name,
      displayName: slo.displayName ?? null,
      target: first.target,
      attainment: first.result?.attainment ?? null,
      remainingFraction: first.result?.budget.remainingFraction ?? null,
      objectives: budgets.map((b) => ({
        objective: b.objective,
        displayName: b.displayName,
        target: b.target,
        remainingFraction: b.result?.budget.remainingFraction ?? null,
      })),
    });
  }
  return { service, at: iso(now), slos: out };
}

/** A range sum confined to [start, end): the budget as it stood at `end`. */
function clamp(sum: RangeSum, start: number, end: number): RangeSum {
  return (i) => {
    const s = Math.max(i.start, start);
    const e = Math.min(i.end, end);
    return e > s ? sum({ start: s, end: e }) : { good: 0, total: 0, minutes: 0 };
  };
}

/**
 * Budget remaining through the current window, at whole hours and at `now` (the console's
 * burn-down chart). Each point counts what was spent from the window's start up to it.
 */
export async function burndown(db: TenantDb, slo: Slo, opts: { now: number; points: number }) {
  const key = (await seriesOfSlo(db, slo.name))[0];
  const spec = specOf(slo);
  const o = slo.objectives[0]!;
  if (!key || typeof spec === 'string') return { window: null, points: [] };
  const budgetOpts = { objective: { target: o.target, method: key.method }, window: spec, now: opts.now };
  const input = await readBudgetInput(db, key, budgetOpts);
  const sum = rollupRangeSum(input.rollup, input.edgeMinutes, key.method);
  const window = windowAt(spec, opts.now);
  const end = Math.min(opts.now, window.end);
  const step = Math.max(HOUR_MS, Math.ceil((end - window.start) / opts.points / HOUR_MS) * HOUR_MS);
  const at: number[] = [];
  for (let t = Math.ceil(window.start / HOUR_MS) * HOUR_MS; t < end; t += step) at.push(t);
  at.push(end);
  const points = at.map((t) => {
    const r = budgetFromSums(clamp(sum, window.start, t), budgetOpts);
    return { t: iso(t), remainingFraction: r.budget.remainingFraction, consumed: r.budget.consumed };
  });
  return { window: { start: iso(window.start), end: iso(window.end) }, points };
}

/** Burn rate over a rolling window, evaluated at evenly spaced instants in [from, to]. */
export async function burnRateSeries(
  db: TenantDb,
  slo: Slo,
  opts: { windowMs: number; from: number; to: number; points: number },
) {
  const key = (await seriesOfSlo(db, slo.name))[0];
  const o = slo.objectives[0]!;
  if (!key) return [];
  const minutes = await readMinutes(db, key, { start: opts.from - opts.windowMs, end: opts.to });
  const sum = unitRangeSum(toUnits(minutes, key.method), unitMs(key.method));
  const step = Math.max(60_000, Math.ceil((opts.to - opts.from) / opts.points / 60_000) * 60_000);
  const out: { t: string; burnRate: number | null }[] = [];
  for (let t = opts.to; t >= opts.from && out.length < opts.points + 1; t -= step) {
    out.push({ t: iso(t), burnRate: burnRate(sum({ start: t - opts.windowMs, end: t }), o.target) });
  }
  return out.reverse();
}
