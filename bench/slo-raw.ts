/**
 * The baseline for "budget and burn rates of every SLO": one scan of the minute table summing each
 * SLI's minutes over the window and every burn window in SQL, then the same budget formula
 * (budgetFromSums) over those sums. No rollups involved.
 */
import { type Kysely, sql } from 'kysely';
import {
  BURN_WINDOWS,
  type BudgetResult,
  budgetFromSums,
  type Interval,
  windowAt,
} from '../src/slo/budget/index.js';
import { MINUTE_MS, type SloScale, sliName, sloName, targetOf } from './slo-data.js';

const spec = { kind: 'rolling', durationMs: 30 * 1440 * MINUTE_MS } as const;

export async function rawBudgets(
  db: Kysely<unknown>,
  opts: { tenant: string; scale: SloScale; now: number },
): Promise<Map<string, BudgetResult>> {
  const { scale, now } = opts;
  const window = windowAt(spec, now);
  const intervals: Interval[] = [
    { start: window.start, end: Math.min(now, window.end) },
    ...BURN_WINDOWS.map((w) => ({ start: now - w * MINUTE_MS, end: now })),
  ];
  // A minute counts when it lies wholly inside [start, end) (budget/units.ts unitRangeSum).
  const first = (i: Interval) => Math.ceil(i.start / MINUTE_MS) * MINUTE_MS;
  const sums = intervals.flatMap((iv, n) => {
    const from = first(iv);
    return [
      sql`sum(case when minute >= ${from} then good else 0 end) as ${sql.ref(`g${n}`)}`,
      sql`sum(case when minute >= ${from} then total else 0 end) as ${sql.ref(`t${n}`)}`,
      sql`sum(case when minute >= ${from} then 1 else 0 end) as ${sql.ref(`m${n}`)}`,
    ];
  });
  const lo = Math.min(...intervals.map(first));
  const hi = now - MINUTE_MS; // the same end for every interval
  const { rows } = await sql<Record<string, string | number>>`
    select sli, ${sql.join(sums)} from sli_minutes
    where tenant_id = ${opts.tenant} and series = '' and minute >= ${lo} and minute <= ${hi}
    group by sli`.execute(db);
  const bySli = new Map(rows.map((r) => [String(r.sli), r]));
  const out = new Map<string, BudgetResult>();
  for (let i = 0; i < scale.slos; i++) {
    const r = bySli.get(sliName(i));
    const at = new Map(
      intervals.map((iv, n) => [
        `${iv.start}:${iv.end}`,
        {
          good: Number(r?.[`g${n}`] ?? 0),
          total: Number(r?.[`t${n}`] ?? 0),
          minutes: Number(r?.[`m${n}`] ?? 0),
        },
      ]),
    );
    const sum = (iv: Interval) => {
      const s = at.get(`${iv.start}:${iv.end}`);
      if (!s) throw new Error(`raw scan: no sums for ${iv.start}:${iv.end}`);
      return s;
    };
    const objective = { target: targetOf(i), method: { kind: 'Occurrences' } as const };
    out.set(sloName(i), budgetFromSums(sum, { objective, window: spec, now }));
  }
  return out;
}
