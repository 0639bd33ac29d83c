import type { Envelope, Report } from './backstage-envelope.js';
import { isObject } from './backstage-envelope.js';
import { isValidNamespace } from './entity-ref.js';
import type { Tier } from './model.js';

export const tierAnnotation = 'throughline.dev/tier';
export const environmentsAnnotation = 'throughline.dev/environments';

function stringMap(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/** `1`…`4`, `tier-1` or `tier1`; undefined when it is none of those. */
export function parseTier(value: unknown): Tier | undefined {
  if (typeof value === 'number') return [1, 2, 3, 4].includes(value) ? (value as Tier) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^(?:tier-?)?([1-4])$/i.exec(value.trim());
  return m ? (Number(m[1]) as Tier) : undefined;
}

/**
 * The tier, from our annotation, then `spec.tier`, then the `tier` label: the most explicit source
 * wins. Every source that is present must be valid.
 */
export function tierOf(entity: Envelope, report: Report): Tier | null {
  const sources: [PropertyKey[], unknown][] = [
    [['metadata', 'annotations', tierAnnotation], stringMap(entity.metadata.annotations)[tierAnnotation]],
    [['spec', 'tier'], entity.spec.tier],
    [['metadata', 'labels', 'tier'], stringMap(entity.metadata.labels).tier],
  ];
  let tier: Tier | null = null;
  for (const [path, value] of sources) {
    if (value === undefined) continue;
    const parsed = parseTier(value);
    if (parsed === undefined)
      report(path, `${JSON.stringify(value)} is not a tier: use 1-4, tier-1 or tier1`);
    else tier ??= parsed;
  }
  return tier;
}

/** A comma list in our annotation; production when absent. */
export function environmentsOf(entity: Envelope, report: Report): string[] {
  const raw = stringMap(entity.metadata.annotations)[environmentsAnnotation];
  if (typeof raw !== 'string') return ['production'];
  const names = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  for (const name of names) {
    if (!isValidNamespace(name)) {
      report(
        ['metadata', 'annotations', environmentsAnnotation],
        `"${name}" is not a valid environment: lower-case [a-z0-9] separated by single dashes`,
      );
    }
  }
  return names.length > 0 ? names : ['production'];
}

/**
 * Cuts a browse URL back to the repository where the shape is unambiguous: GitLab's `/-/` separator,
 * or GitHub's `owner/repo/tree|blob/…`. Drops a trailing slash and `.git`.
 */
export function repositoryRoot(url: URL): string {
  let path = url.pathname;
  const gitlab = path.indexOf('/-/');
  const segments = path.split('/');
  if (gitlab > 0) path = path.slice(0, gitlab);
  else if (segments.length > 4 && (segments[3] === 'tree' || segments[3] === 'blob')) {
    path = segments.slice(0, 3).join('/');
  }
  return `${url.protocol}//${url.host}${path.replace(/\/+$/, '').replace(/\.git$/, '')}`;
}

function parseUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Repository URLs from the annotations Backstage's source-control integrations write. */
export function repositoryUrlsOf(entity: Envelope, report: Report): string[] {
  const annotations = stringMap(entity.metadata.annotations);
  const urls: string[] = [];
  const at = (key: string) => ['metadata', 'annotations', key];
  const slug = (key: string, host: string, pattern: RegExp) => {
    const v = annotations[key];
    if (typeof v !== 'string') return;
    if (pattern.test(v)) urls.push(`https://${host}/${v.replace(/\.git$/, '')}`);
    else report(at(key), `"${v}" is not a project slug like owner/repo`);
  };
  slug('github.com/project-slug', 'github.com', /^[\w.-]+\/[\w.-]+$/);
  slug('gitlab.com/project-slug', 'gitlab.com', /^[\w.-]+(\/[\w.-]+)+$/);
  for (const key of ['backstage.io/source-location', 'backstage.io/view-url']) {
    const v = annotations[key];
    if (typeof v !== 'string') continue;
    // source-location is `url:…` or `dir:…`; only a URL names a repository.
    if (key === 'backstage.io/source-location' && !v.startsWith('url:')) continue;
    const url = parseUrl(v.replace(/^url:/, ''));
    if (url) urls.push(repositoryRoot(url));
    else report(at(key), `"${v}" is not an http(s) URL`);
  }
  return [...new Set(urls)];
}
