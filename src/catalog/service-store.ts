import type { Selectable } from 'kysely';
import { chunks } from '../store/chunks.js';
import type { TenantDb } from '../store/database.js';
import { fromJson, toJson } from '../store/tables.js';
import { parseEntityRef } from './entity-ref.js';
import type { Service, Tier } from './model.js';
import { contains, upsertRows } from './store.js';
import type { ServiceTable } from './tables.js';

export interface ServiceFilter {
  q?: string;
  owner?: string;
  tier?: Tier;
  lifecycle?: string;
  system?: string;
  tag?: string;
}

type ServiceRow = Selectable<ServiceTable>;

function toService(r: ServiceRow): Service {
  return {
    name: r.name,
    title: r.title,
    description: r.description,
    owner: r.owner,
    system: r.system,
    tier: r.tier as Tier | null,
    lifecycle: r.lifecycle,
    type: r.type,
    repositoryUrls: fromJson(r.repository_urls, []),
    environments: fromJson(r.environments, ['production']),
    dependsOn: fromJson(r.depends_on, []),
    tags: fromJson(r.tags, []),
    links: fromJson(r.links, []),
    source: r.source as Service['source'],
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

function toRow(s: Service) {
  return {
    name: s.name,
    title: s.title,
    description: s.description,
    owner: s.owner,
    system: s.system,
    tier: s.tier,
    lifecycle: s.lifecycle,
    type: s.type,
    repository_urls: toJson(s.repositoryUrls),
    environments: toJson(s.environments),
    depends_on: toJson(s.dependsOn),
    tags: toJson(s.tags),
    links: toJson(s.links),
    source: s.source,
    updated_at: Date.parse(s.updatedAt),
  };
}

function filtered(db: TenantDb, f: ServiceFilter) {
  let q = db.selectFrom('services');
  if (f.owner !== undefined) q = q.where('owner', '=', f.owner);
  if (f.system !== undefined) q = q.where('system', '=', f.system);
  if (f.lifecycle !== undefined) q = q.where('lifecycle', '=', f.lifecycle);
  if (f.tier !== undefined) q = q.where('tier', '=', f.tier);
  // Tags are kept as a JSON array; its quoted element matches exactly.
  if (f.tag !== undefined) q = q.where(contains('tags', JSON.stringify(f.tag)));
  const text = f.q?.trim();
  if (text) {
    q = q.where((eb) =>
      eb.or(['name', 'title', 'description'].map((c) => contains(c, text, { caseless: true }))),
    );
  }
  return q;
}

export async function listServices(
  db: TenantDb,
  f: ServiceFilter & { limit: number; offset: number },
): Promise<{ items: Service[]; total: number }> {
  const rows = await filtered(db, f).selectAll().orderBy('name').limit(f.limit).offset(f.offset).execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toService), total: Number(count.n) };
}

export async function getService(db: TenantDb, name: string): Promise<Service | undefined> {
  const row = await db.selectFrom('services').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toService(row) : undefined;
}

/** Names of services whose dependsOn names this one as a component. */
export async function dependentsOf(db: TenantDb, name: string): Promise<string[]> {
  const rows = await db
    .selectFrom('service_dependencies')
    .select('service')
    .distinct()
    .where('target_kind', '=', 'component')
    .where('target_name', '=', name)
    .orderBy('service')
    .execute();
  return rows.map((r) => r.service);
}

/** Replaces services by name, with their dependency rows. */
export async function upsertServices(db: TenantDb, services: readonly Service[]): Promise<void> {
  if (services.length === 0) return;
  await upsertRows(db, 'services', services.map(toRow), ['name']);
  for (const part of chunks(
    services.map((s) => s.name),
    200,
  )) {
    await db.deleteFrom('service_dependencies').where('service', 'in', part).execute();
  }
  const deps = services.flatMap((s) =>
    s.dependsOn.flatMap((target) => {
      const ref = parseEntityRef(target, { defaultKind: 'component' });
      return 'error' in ref
        ? []
        : [{ service: s.name, target, target_kind: ref.kind, target_name: ref.name }];
    }),
  );
  await upsertRows(db, 'service_dependencies', deps, ['service', 'target']);
}

export async function deleteService(db: TenantDb, name: string): Promise<boolean> {
  await db.deleteFrom('service_dependencies').where('service', '=', name).execute();
  const res = await db.deleteFrom('services').where('name', '=', name).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Every service matching the filter, for a team's or a system's page. */
export async function allServices(db: TenantDb, f: ServiceFilter): Promise<Service[]> {
  return (await filtered(db, f).selectAll().orderBy('name').execute()).map(toService);
}
