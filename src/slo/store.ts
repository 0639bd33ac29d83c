import type { TenantDb } from '../store/database.js';
import { fromJson, toJson } from '../store/tables.js';
import type { Sli, Slo, SloObject, SloObjectKind } from './model.js';
import { exportOpenSlo } from './openslo/index.js';
import { type ObjectiveSeries, objectiveSeries } from './series.js';

/** SLO definitions as stored: the model object and the OpenSLO text it came from. */
export interface StoredObject {
  object: SloObject;
  source: string;
  updatedAt: number;
}

type Of<K extends SloObjectKind> = Extract<SloObject, { kind: K }>;

export async function listObjects<K extends SloObjectKind>(db: TenantDb, kind?: K): Promise<Of<K>[]> {
  let q = db.selectFrom('slo_objects').select(['model']).orderBy('kind').orderBy('name');
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.execute();
  return rows.map((r) => fromJson<Of<K>>(r.model, undefined as never));
}

export async function getObject<K extends SloObjectKind>(
  db: TenantDb,
  kind: K,
  name: string,
): Promise<(StoredObject & { object: Of<K> }) | undefined> {
  const row = await db
    .selectFrom('slo_objects')
    .select(['model', 'source', 'updated_at'])
    .where('kind', '=', kind)
    .where('name', '=', name)
    .executeTakeFirst();
  return row
    ? {
        object: fromJson<Of<K>>(row.model, undefined as never),
        source: row.source,
        updatedAt: row.updated_at,
      }
    : undefined;
}

/** Names of the stored objects of each kind, for reference checks. */
export async function objectNames(db: TenantDb): Promise<Set<string>> {
  const rows = await db.selectFrom('slo_objects').select(['kind', 'name']).execute();
  return new Set(rows.map((r) => `${r.kind}/${r.name}`));
}

/** Creates or replaces objects (by kind and name); SLOs get their series index rewritten. */
export async function putObjects(
  db: TenantDb,
  objects: readonly { object: SloObject; source?: string }[],
  now: number,
): Promise<void> {
  for (const { object, source } of objects) {
    const row = {
      model: toJson(object),
      source: source ?? exportOpenSlo([object]),
      service: object.kind === 'SLO' ? object.service : null,
      updated_at: now,
    };
    await db
      .insertInto('slo_objects')
      .values({ kind: object.kind, name: object.name, ...row })
      .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'name']).doUpdateSet(row))
      .execute();
  }
}

export async function deleteObject(db: TenantDb, kind: SloObjectKind, name: string): Promise<boolean> {
  const res = await db
    .deleteFrom('slo_objects')
    .where('kind', '=', kind)
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** A lookup of stored SLIs by name. */
export async function sliLookup(db: TenantDb): Promise<(name: string) => Sli | undefined> {
  const slis = new Map((await listObjects(db, 'SLI')).map((s) => [s.name, s]));
  return (name) => slis.get(name);
}

/** Rewrites the series index of one SLO; returns the series (objectives that can be measured). */
export async function indexSeries(
  db: TenantDb,
  slo: Slo,
  lookup: (name: string) => Sli | undefined,
): Promise<ObjectiveSeries[]> {
  await db.deleteFrom('slo_series').where('slo', '=', slo.name).execute();
  const { series } = objectiveSeries(slo, lookup);
  if (series.length) {
    await db
      .insertInto('slo_series')
      .values(
        series.map((s) => ({
          slo: slo.name,
          objective: s.objective,
          sli: s.sli,
          series: s.series,
          sli_type: s.sliType,
          method: toJson(s.method),
        })),
      )
      .execute();
  }
  return series;
}

export interface SeriesRow {
  slo: string;
  objective: number;
  sli: string;
  series: string;
  sliType: 'ratio' | 'threshold';
  method: ObjectiveSeries['method'];
}

export async function seriesOfSli(db: TenantDb, sli: string): Promise<SeriesRow[]> {
  const rows = await db.selectFrom('slo_series').selectAll().where('sli', '=', sli).execute();
  return rows.map((r) => ({
    slo: r.slo,
    objective: r.objective,
    sli: r.sli,
    series: r.series,
    sliType: r.sli_type as SeriesRow['sliType'],
    method: fromJson(r.method, { kind: 'Occurrences' } as const),
  }));
}

/** Everything stored about one SLO's measurements, for when the SLO is deleted or redefined. */
export async function dropMeasurements(db: TenantDb, slo: string): Promise<void> {
  await db.deleteFrom('slo_hours').where('slo', '=', slo).execute();
  await db.deleteFrom('slo_days').where('slo', '=', slo).execute();
}
