import { describe, expect, it } from 'vitest';
import {
  environmentsOf,
  parseTier,
  repositoryRoot,
  repositoryUrlsOf,
  tierOf,
} from './backstage-annotations.js';
import type { Envelope, Report } from './backstage-envelope.js';

function entity(metadata: Record<string, unknown>, spec: Record<string, unknown> = {}): Envelope {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', namespace: 'default', ...metadata },
    spec,
  };
}

function collect(): { report: Report; issues: [string, string][] } {
  const issues: [string, string][] = [];
  return { issues, report: (path, message) => issues.push([path.join('.'), message]) };
}

describe('tier', () => {
  it('reads 1-4, tier-1 and tier1', () => {
    expect([1, '1', 'tier-2', 'tier3', 'Tier-4', ' 2 '].map(parseTier)).toEqual([1, 1, 2, 3, 4, 2]);
    expect([0, 5, 1.5, 'tier 1', 'tier-5', 'gold', null, true].map(parseTier)).toEqual(
      Array(8).fill(undefined),
    );
  });

  it('prefers the annotation over spec.tier over the tier label, and reports each bad one', () => {
    const { report, issues } = collect();
    const e = entity(
      { annotations: { 'throughline.dev/tier': 'tier-1' }, labels: { tier: 'tier-9' } },
      { tier: 3 },
    );
    expect(tierOf(e, report)).toBe(1);
    expect(issues).toEqual([['metadata.labels.tier', '"tier-9" is not a tier: use 1-4, tier-1 or tier1']]);
    expect(tierOf(entity({ labels: { tier: 'tier2' } }), report)).toBe(2);
    expect(tierOf(entity({}), report)).toBeNull();
  });
});

describe('environments', () => {
  it('reads a comma list, trimmed and deduplicated, defaulting to production', () => {
    const { report, issues } = collect();
    const e = entity({ annotations: { 'throughline.dev/environments': ' staging, production ,staging,' } });
    expect(environmentsOf(e, report)).toEqual(['staging', 'production']);
    expect(environmentsOf(entity({}), report)).toEqual(['production']);
    expect(
      environmentsOf(entity({ annotations: { 'throughline.dev/environments': ' , ' } }), report),
    ).toEqual(['production']);
    expect(issues).toEqual([]);
    environmentsOf(entity({ annotations: { 'throughline.dev/environments': 'prod,EU West' } }), report);
    expect(issues).toEqual([
      [
        'metadata.annotations.throughline.dev/environments',
        '"EU West" is not a valid environment: lower-case [a-z0-9] separated by single dashes',
      ],
    ]);
  });
});

describe('repository URLs', () => {
  it('cuts browse URLs back to the repository only where the shape is clear', () => {
    const root = (u: string) => repositoryRoot(new URL(u));
    expect(root('https://github.com/acme/artists/tree/main/docs')).toBe('https://github.com/acme/artists');
    expect(root('https://github.com/acme/artists/blob/main/catalog-info.yaml')).toBe(
      'https://github.com/acme/artists',
    );
    expect(root('https://gitlab.com/acme/sub/artists/-/blob/main/x.yaml')).toBe(
      'https://gitlab.com/acme/sub/artists',
    );
    expect(root('https://github.com/acme/artists.git')).toBe('https://github.com/acme/artists');
    expect(root('https://github.com/acme/tree/')).toBe('https://github.com/acme/tree');
    expect(root('https://git.example.com/x/y/z')).toBe('https://git.example.com/x/y/z');
  });

  it('reads the source-control annotations, deduplicated in order', () => {
    const { report, issues } = collect();
    const e = entity({
      annotations: {
        'github.com/project-slug': 'acme/artists',
        'gitlab.com/project-slug': 'acme/platform/queue',
        'backstage.io/source-location': 'url:https://github.com/acme/artists/tree/main/',
        'backstage.io/view-url': 'https://gitlab.com/acme/platform/queue/-/blob/main/catalog-info.yaml',
      },
    });
    expect(repositoryUrlsOf(e, report)).toEqual([
      'https://github.com/acme/artists',
      'https://gitlab.com/acme/platform/queue',
    ]);
    expect(issues).toEqual([]);
  });

  it('ignores dir: source locations and reports what is not a slug or URL', () => {
    const { report, issues } = collect();
    const e = entity({
      annotations: {
        'github.com/project-slug': 'just-a-name',
        'backstage.io/source-location': 'dir:./src',
        'backstage.io/view-url': 'not a url',
      },
    });
    expect(repositoryUrlsOf(e, report)).toEqual([]);
    expect(issues).toEqual([
      ['metadata.annotations.github.com/project-slug', '"just-a-name" is not a project slug like owner/repo'],
      ['metadata.annotations.backstage.io/view-url', '"not a url" is not an http(s) URL'],
    ]);
  });
});
