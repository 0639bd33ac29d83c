import type { Clock } from '../core/clock.js';
import { NotFoundError } from '../core/errors.js';
import type { TenantDb } from '../store/database.js';
import { inTransaction } from '../store/database.js';
import { normalizeBackstage } from './backstage.js';
import { kindRules } from './backstage-kinds.js';
import { isEntityRef, parseEntityRef, stringifyEntityRef } from './entity-ref.js';
import {
  deleteEntities,
  getSystem,
  listEntities,
  listSystems,
  upsertEntities,
  upsertSystems,
} from './entity-store.js';
import type {
  CatalogEntity,
  ImportFile,
  ImportResult,
  Person,
  Service,
  ServiceInput,
  System,
  Team,
  TeamInput,
} from './model.js';
import {
  allServices,
  deleteService,
  dependentsOf,
  getService,
  listServices,
  type ServiceFilter,
  upsertServices,
} from './service-store.js';
import { deleteTeam, getTeam, listTeams, peopleOfTeam, upsertPeople, upsertTeams } from './team-store.js';

export interface Page {
  limit: number;
  offset: number;
}

/** The catalog's rules over its stores; every method acts in the tenant of the `db` it is given. */
export class CatalogService {
  constructor(private readonly clock: Clock) {}

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  listServices(db: TenantDb, filter: ServiceFilter & Page): Promise<{ items: Service[]; total: number }> {
    return listServices(db, filter);
  }

  async getService(db: TenantDb, name: string): Promise<Service & { dependents: string[] }> {
    const service = await getService(db, name);
    if (!service) throw new NotFoundError(`service ${name} not found`);
    return { ...service, dependents: await dependentsOf(db, name) };
  }

  /** Creates or replaces a service; `created` tells which. */
  async putService(
    db: TenantDb,
    name: string,
    input: ServiceInput,
  ): Promise<{ service: Service; created: boolean }> {
    const service: Service = {
      name,
      ...input,
      // Refs are stored in the one canonical form, so "who depends on X" can match them.
      dependsOn: unique(
        input.dependsOn
          .map((r) => parseEntityRef(r, { defaultKind: 'component' }))
          .filter(isEntityRef)
          .map(stringifyEntityRef),
      ),
      tags: unique(input.tags),
      environments: unique(input.environments),
      repositoryUrls: unique(input.repositoryUrls),
      source: 'api',
      updatedAt: this.now(),
    };
    const created = await inTransaction(db, async (tx) => {
      const existed = await getService(tx, name);
      await upsertServices(tx, [service]);
      return !existed;
    });
    return { service, created };
  }

  async deleteService(db: TenantDb, name: string): Promise<void> {
    const deleted = await inTransaction(db, async (tx) => {
      await deleteEntities(tx, 'Component', name);
      return deleteService(tx, name);
    });
    if (!deleted) throw new NotFoundError(`service ${name} not found`);
  }

  async listTeams(db: TenantDb): Promise<{ items: Team[]; total: number }> {
    const items = await listTeams(db);
    return { items, total: items.length };
  }

  async getTeam(db: TenantDb, name: string): Promise<Team & { services: Service[]; people: Person[] }> {
    const team = await getTeam(db, name);
    if (!team) throw new NotFoundError(`team ${name} not found`);
    return {
      ...team,
      services: await allServices(db, { owner: name }),
      people: await peopleOfTeam(db, name),
    };
  }

  async putTeam(db: TenantDb, name: string, input: TeamInput): Promise<{ team: Team; created: boolean }> {
    const draft: Team = {
      name,
      ...input,
      members: unique(input.members),
      source: 'api',
      updatedAt: this.now(),
    };
    return inTransaction(db, async (tx) => {
      const existed = await getTeam(tx, name);
      await upsertTeams(tx, [draft]);
      // Members claimed by people's own memberOf stay, so read the team back.
      return { team: (await getTeam(tx, name))!, created: !existed };
    });
  }

  async deleteTeam(db: TenantDb, name: string): Promise<void> {
    const deleted = await inTransaction(db, async (tx) => {
      await deleteEntities(tx, 'Group', name);
      return deleteTeam(tx, name);
    });
    if (!deleted) throw new NotFoundError(`team ${name} not found`);
  }

  async listSystems(db: TenantDb): Promise<{ items: System[]; total: number }> {
    const items = await listSystems(db);
    return { items, total: items.length };
  }

  async getSystem(db: TenantDb, name: string): Promise<System & { services: Service[] }> {
    const system = await getSystem(db, name);
    if (!system) throw new NotFoundError(`system ${name} not found`);
    return { ...system, services: await allServices(db, { system: name }) };
  }

  /** Raw entities; the kind matches case-insensitively (`api` finds API). */
  listEntities(
    db: TenantDb,
    f: { kind?: string } & Page,
  ): Promise<{ items: CatalogEntity[]; total: number }> {
    const kind =
      f.kind === undefined
        ? undefined
        : (Object.keys(kindRules).find((k) => k.toLowerCase() === f.kind!.toLowerCase()) ?? f.kind);
    return listEntities(db, { ...f, kind });
  }

  /**
   * Imports Backstage files: every valid entity is upserted in one transaction, and every problem
   * is reported. The result is a report, so problems do not fail the request.
   */
  async importBackstage(db: TenantDb, files: readonly ImportFile[]): Promise<ImportResult> {
    const found = normalizeBackstage(files);
    const updatedAt = this.now();
    await inTransaction(db, async (tx) => {
      await upsertEntities(tx, found.entities, Date.parse(updatedAt));
      await upsertServices(
        tx,
        found.services.map((s) => ({ ...s, updatedAt })),
      );
      await upsertTeams(
        tx,
        found.teams.map((t) => ({ ...t, updatedAt })),
      );
      await upsertSystems(
        tx,
        found.systems.map((s) => ({ ...s, updatedAt })),
      );
      await upsertPeople(tx, found.people, Date.parse(updatedAt));
    });
    const counts: Record<string, number> = {};
    for (const e of found.entities) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    return {
      imported: found.entities.map((e) => ({ kind: e.kind, name: e.name })),
      counts,
      errors: found.errors,
    };
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
