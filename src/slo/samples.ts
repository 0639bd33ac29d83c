import { InputError, NotFoundError } from '../core/errors.js';
import { inTransaction, type TenantDb } from '../store/database.js';
import { meets, type Op } from './budget/index.js';
import { refreshRollups, runs } from './rollup-store.js';
import { getObject, seriesOfSli } from './store.js';

const MINUTE_MS = 60_000;
const CHUNK = 400;

/**
 * One SLI sample at `t` (epoch ms): good and total events of a ratio SLI, or one measured value of
 * a threshold SLI. Last write wins: a ratio sample replaces what its SLI's minute held; a value
 * replaces the value stored for the same SLI and exact timestamp, and the minute's threshold
 * counts are recomputed from all values in it.
 */
export type SliSample = { t: number; good: number; total: number } | { t: number; value: number };

export type SliType = 'ratio' | 'threshold';

/** Whether an SLI exists (stored, or inline in a stored SLO) and of which type. */
export async function sliTypeOf(db: TenantDb, sli: string): Promise<SliType | undefined> {
  const stored = await getObject(db, 'SLI', sli);
  if (stored) return stored.object.metric.type;
  const row = await db.selectFrom('slo_series').select('sli_type').where('sli', '=', sli).executeTakeFirst();
  return row?.sli_type as SliType | undefined;
}

/**
 * The sample sink: stores samples of one SLI and brings the minute series and hour/day rollups of
 * every objective that reads it up to date, in one transaction. Pullers and the push API both
 * write through here. Throws NotFoundError for an unknown SLI, InputError for samples of the
 * wrong shape (ratio samples to a threshold SLI or the reverse).
 */
export async function writeSamples(
  db: TenantDb,
  sliName: string,
  samples: readonly SliSample[],
): Promise<{ written: number }> {
  if (samples.length === 0) return { written: 0 };
  const run = (trx: TenantDb) => write(trx, sliName, samples);
  return db.isTransaction ? run(db) : inTransaction(db, run);
}

async function write(db: TenantDb, sli: string, samples: readonly SliSample[]): Promise<{ written: number }> {
  const type = await sliTypeOf(db, sli);
  if (!type) throw new NotFoundError(`SLI ${sli} does not exist`);
  const series = await seriesOfSli(db, sli);
  let touched: number[];
  if (type === 'ratio') {
    const minutes = new Map<number, { good: number; total: number }>();
    for (const s of samples) {
      if (!('good' in s)) throw new InputError(`SLI ${sli} is a ratio SLI: send good and total, not value`);
      minutes.set(Math.floor(s.t / MINUTE_MS) * MINUTE_MS, { good: s.good, total: s.total });
    }
    await upsertMinutes(
      db,
      [...minutes].map(([minute, c]) => ({ sli, series: '', minute, ...c })),
    );
    touched = [...minutes.keys()];
  } else {
    const values = new Map<number, number>();
    for (const s of samples) {
      if (!('value' in s))
        throw new InputError(`SLI ${sli} is a threshold SLI: send value, not good and total`);
      values.set(s.t, s.value);
    }
    const rows = [...values].map(([t, value]) => ({ sli, t, value }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insertInto('sli_values')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'sli', 't']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
        )
        .execute();
    }
    touched = [...new Set([...values.keys()].map((t) => Math.floor(t / MINUTE_MS) * MINUTE_MS))];
    for (const key of new Set(series.map((s) => s.series))) await recountThreshold(db, sli, key, touched);
  }
  for (const s of series) await refreshRollups(db, s, touched);
  return { written: samples.length };
}

export async function upsertMinutes(
  db: TenantDb,
  rows: readonly { sli: string; series: string; minute: number; good: number; total: number }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('sli_minutes')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'sli', 'series', 'minute']).doUpdateSet((eb) => ({
          good: eb.ref('excluded.good'),
          total: eb.ref('excluded.total'),
        })),
      )
      .execute();
  }
}

/**
 * The minute counts of one threshold (`op value`) over the stored values of the given minutes:
 * samples meeting it, and all samples (budget/threshold.ts `thresholdCounts`).
 */
export async function recountThreshold(
  db: TenantDb,
  sli: string,
  key: string,
  minutes: Iterable<number> | 'all',
): Promise<number[]> {
  const [op, value] = key.split(' ') as [Op, string];
  const limit = Number(value);
  const ranges =
    minutes === 'all'
      ? [{ start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER }]
      : runs(minutes, MINUTE_MS);
  const touched: number[] = [];
  for (const range of ranges) {
    const values = await db
      .selectFrom('sli_values')
      .select(['t', 'value'])
      .where('sli', '=', sli)
      .where('t', '>=', range.start)
      .where('t', '<', range.end)
      .execute();
    const counts = new Map<number, { good: number; total: number }>();
    for (const v of values) {
      const minute = Math.floor(v.t / MINUTE_MS) * MINUTE_MS;
      const c = counts.get(minute) ?? { good: 0, total: 0 };
      counts.set(minute, { good: c.good + (meets(v.value, op, limit) ? 1 : 0), total: c.total + 1 });
    }
    await upsertMinutes(
      db,
      [...counts].map(([minute, c]) => ({ sli, series: key, minute, ...c })),
    );
    touched.push(...counts.keys());
  }
  return touched;
}
