import type { TenantDb } from '../store/database.js';
import { fromJson } from '../store/tables.js';
import { normaliseRepoUrl } from './facts.js';

/** Finds the catalog service a repository belongs to: explicit mapping rules first, then catalog URLs. */
export type RepoResolver = (repo: string | undefined | null) => string | undefined;

export async function loadResolver(db: TenantDb): Promise<RepoResolver> {
  const [mappings, services] = await Promise.all([
    db.selectFrom('repo_mappings').select(['pattern', 'service']).execute(),
    db.selectFrom('services').select(['name', 'repository_urls']).execute(),
  ]);
  const exact = new Map<string, string>();
  const prefixes: [string, string][] = [];
  for (const m of mappings) {
    if (m.pattern.endsWith('/*')) prefixes.push([m.pattern.slice(0, -1), m.service]);
    else exact.set(m.pattern, m.service);
  }
  // Longest prefix wins, so `…/acme/shop-*`-style narrower rules beat `…/acme/*`.
  prefixes.sort((a, b) => b[0].length - a[0].length);
  const catalog = new Map<string, string>();
  for (const s of services) {
    for (const url of fromJson<string[]>(s.repository_urls, [])) {
      const n = normaliseRepoUrl(url);
      if (n && !catalog.has(n)) catalog.set(n, s.name);
    }
  }
  return (repo) => {
    if (!repo) return undefined;
    const hit = exact.get(repo) ?? prefixes.find(([p]) => repo.startsWith(p))?.[1];
    return hit ?? catalog.get(repo);
  };
}

/** A mapping pattern is a normalised repository URL, optionally ending in `/*` for a whole owner. */
export function normalisePattern(pattern: string): string | undefined {
  if (pattern.endsWith('/*')) {
    const base = normaliseRepoUrl(pattern.slice(0, -2));
    return base ? `${base}/*` : undefined;
  }
  return normaliseRepoUrl(pattern);
}
