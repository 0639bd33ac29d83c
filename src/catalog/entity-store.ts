import type { Selectable } from 'kysely';
import type { TenantDb } from '../store/database.js';
import { fromJson, toJson } from '../store/tables.js';
import type { CatalogEntity, System } from './model.js';
import { upsertRows } from './store.js';
import type { SystemTable } from './tables.js';

/** Systems, and the raw Backstage entities every import keeps. */

function toSystem(r: Selectable<SystemTable>): System {
  return {
    name: r.name,
    title: r.title,
    description: r.description,
    owner: r.owner,
    domain: r.domain,
    source: r.source as System['source'],
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listSystems(db: TenantDb): Promise<System[]> {
  return (await db.selectFrom('systems').selectAll().orderBy('name').execute()).map(toSystem);
}

export async function getSystem(db: TenantDb, name: string): Promise<System | undefined> {
  const row = await db.selectFrom('systems').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toSystem(row) : undefined;
}

export async function upsertSystems(db: TenantDb, systems: readonly System[]): Promise<void> {
  await upsertRows(
    db,
    'systems',
    systems.map((s) => ({
      name: s.name,
      title: s.title,
      description: s.description,
      owner: s.owner,
      domain: s.domain,
      source: s.source,
      updated_at: Date.parse(s.updatedAt),
    })),
    ['name'],
  );
}

export async function listEntities(
  db: TenantDb,
  f: { kind?: string; limit: number; offset: number },
): Promise<{ items: CatalogEntity[]; total: number }> {
  let q = db.selectFrom('catalog_entities');
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  const rows = await q
    .selectAll()
    .orderBy('kind')
    .orderBy('namespace')
    .orderBy('name')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      title: r.title,
      source: r.source_file,
      metadata: fromJson(r.metadata, {}),
      spec: fromJson(r.spec, {}),
    })),
    total: Number(count.n),
  };
}

export async function upsertEntities(
  db: TenantDb,
  entities: readonly CatalogEntity[],
  now: number,
): Promise<void> {
  await upsertRows(
    db,
    'catalog_entities',
    entities.map((e) => ({
      kind: e.kind,
      namespace: e.namespace,
      name: e.name,
      title: e.title,
      metadata: toJson(e.metadata),
      spec: toJson(e.spec),
      source_file: e.source,
      updated_at: now,
    })),
    ['kind', 'namespace', 'name'],
  );
}

/** Removes the raw entities behind a service or team deleted through the API. */
export async function deleteEntities(db: TenantDb, kind: string, name: string): Promise<void> {
  await db.deleteFrom('catalog_entities').where('kind', '=', kind).where('name', '=', name).execute();
}
