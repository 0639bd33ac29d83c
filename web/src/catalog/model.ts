/** The catalog API's shapes (src/catalog/routes.ts), as the console reads them. */

export type Tier = 1 | 2 | 3 | 4;

export interface Link {
  url: string;
  title?: string;
}

export interface Service {
  name: string;
  title: string | null;
  description: string | null;
  owner: string | null;
  system: string | null;
  tier: Tier | null;
  lifecycle: string;
  type: string;
  repositoryUrls: string[];
  environments: string[];
  /** Entity references, `kind:namespace/name`. */
  dependsOn: string[];
  tags: string[];
  links: Link[];
  source: 'api' | 'backstage';
  updatedAt: string;
}

export interface ServiceDetail extends Service {
  /** Names of services, or entity references, that depend on this one. */
  dependents: string[];
}

export interface Team {
  name: string;
  title: string | null;
  description: string | null;
  email: string | null;
  parent: string | null;
  members: string[];
}

export interface Person {
  name: string;
  displayName: string | null;
  email: string | null;
  memberOf: string[];
}

export interface TeamDetail extends Team {
  services: Service[];
  people: Person[];
}

export interface System {
  name: string;
  title: string | null;
  description: string | null;
  owner: string | null;
  domain: string | null;
}

export interface SystemDetail extends System {
  services: Service[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ImportFile {
  path: string;
  content: string;
}

export interface ImportError {
  file: string;
  /** 0-based index of the YAML document in the file. */
  document: number;
  path: string;
  message: string;
}

export interface ImportResult {
  imported: { kind: string; name: string }[];
  counts: Record<string, number>;
  errors: ImportError[];
}

export const tiers: Tier[] = [1, 2, 3, 4];

/** Backstage's lifecycle values; the filter also keeps any other value found in the URL. */
export const lifecycles = ['experimental', 'production', 'deprecated'];
