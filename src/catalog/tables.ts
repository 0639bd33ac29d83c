import type { JsonText, Millis, TenantColumn } from '../store/tables.js';

/** `source` says who wrote the row last: 'api' (PUT) or 'backstage' (import). */
export interface ServiceTable {
  tenant_id: TenantColumn;
  name: string;
  title: string | null;
  description: string | null;
  owner: string | null;
  system: string | null;
  tier: number | null;
  lifecycle: string;
  type: string;
  repository_urls: JsonText;
  environments: JsonText;
  depends_on: JsonText;
  tags: JsonText;
  links: JsonText;
  source: string;
  updated_at: Millis;
}

/** One row per entity a service depends on, so "who depends on X" is an indexed lookup. */
export interface ServiceDependencyTable {
  tenant_id: TenantColumn;
  service: string;
  target: string;
  target_kind: string;
  target_name: string;
}

export interface TeamTable {
  tenant_id: TenantColumn;
  name: string;
  title: string | null;
  description: string | null;
  email: string | null;
  parent: string | null;
  source: string;
  updated_at: Millis;
}

/**
 * Membership is claimed from both sides in Backstage: a Group's `members` ('team') and a User's
 * `memberOf` ('person'). Each side replaces only its own rows, so neither import erases the other.
 */
export interface TeamMemberTable {
  tenant_id: TenantColumn;
  team: string;
  person: string;
  via: 'team' | 'person';
}

export interface PersonTable {
  tenant_id: TenantColumn;
  name: string;
  display_name: string | null;
  email: string | null;
  updated_at: Millis;
}

export interface SystemTable {
  tenant_id: TenantColumn;
  name: string;
  title: string | null;
  description: string | null;
  owner: string | null;
  domain: string | null;
  source: string;
  updated_at: Millis;
}

/** Every imported Backstage entity as written, API and Resource kinds included. */
export interface CatalogEntityTable {
  tenant_id: TenantColumn;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  metadata: JsonText;
  spec: JsonText;
  source_file: string;
  updated_at: Millis;
}

declare module '../store/tables.js' {
  interface Tables {
    services: ServiceTable;
    service_dependencies: ServiceDependencyTable;
    teams: TeamTable;
    team_members: TeamMemberTable;
    people: PersonTable;
    systems: SystemTable;
    catalog_entities: CatalogEntityTable;
  }
}
