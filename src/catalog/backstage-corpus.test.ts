import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeBackstage } from './backstage.js';
import { collectFiles } from './cli.js';
import { corpusPresent, corpusRoot, examplesDir, warnIfCorpusAbsent } from './testing.js';

warnIfCorpusAbsent();

interface ManifestFile {
  file: string;
  role: string;
  kinds: string[];
  expected: 'valid' | 'invalid';
}

describe.skipIf(!corpusPresent)('Backstage example corpus', () => {
  const manifest = corpusPresent
    ? (JSON.parse(readFileSync(`${corpusRoot}manifest.json`, 'utf8')) as { files: ManifestFile[] })
    : { files: [] };
  const result = corpusPresent ? normalizeBackstage(collectFiles(examplesDir)) : undefined;

  it('imports the folder with exactly the three known problems', () => {
    expect(result!.errors).toEqual([
      {
        file: 'all-apis.yaml',
        document: 0,
        path: '/spec/targets/8',
        message: 'target "./apis/swapi-graphql.yaml" (apis/swapi-graphql.yaml) is missing from the import',
      },
      {
        file: 'components/invalid-component.yaml',
        document: 0,
        path: '/metadata/name',
        message:
          '"invalid component" is not a valid name: strings of [a-zA-Z0-9] separated by -, _ or ., at most 63 characters',
      },
      {
        file: 'components/invalid-component.yaml',
        document: 0,
        path: '/metadata/tags/1',
        message:
          '"go 1.15.3" is not a valid tag: lower-case [a-z0-9:+#] separated by single dashes, at most 63 characters',
      },
    ]);
  });

  it('imports every entity of every valid file, and nothing else', () => {
    // all-apis.yaml is valid on its own, but its Location names a file the corpus lacks.
    const expected = manifest.files
      .filter((f) => f.role === 'entities' && f.expected === 'valid' && f.file !== 'all-apis.yaml')
      .flatMap((f) => f.kinds.map((kind) => `${f.file} ${kind}`))
      .sort();
    const got = result!.entities.map((e) => `${e.source} ${e.kind}`).sort();
    expect(got).toEqual(expected);
    // The README's 69 entities, less invalid-component and the all-apis Location.
    expect(got).toHaveLength(67);
  });

  it('maps the examples onto services, teams, systems and people', () => {
    const r = result!;
    expect(r.services).toHaveLength(13);
    expect(r.teams.map((t) => t.name).sort()).toEqual([
      'acme-corp',
      'backstage',
      'boxoffice',
      'infrastructure',
      'team-a',
      'team-b',
      'team-c',
      'team-d',
      'team-e',
    ]);
    expect(r.systems.map((s) => [s.name, s.owner, s.domain]).sort()).toEqual([
      ['artist-engagement-portal', 'team-a', 'artists'],
      ['audio-playback', 'team-c', 'playback'],
      ['podcast', 'team-b', 'playback'],
    ]);
    // 17 Users, two of them `guest` in different namespaces: the default one is the person.
    expect(r.people).toHaveLength(16);
    expect(r.people.find((p) => p.name === 'guest')).toEqual({
      name: 'guest',
      displayName: 'Guest User',
      email: 'guest@example.com',
      memberOf: ['team-a'],
    });
    expect(r.services.find((s) => s.name === 'shuffle-api')).toMatchObject({
      owner: null,
      system: 'audio-playback',
    });
    expect(r.services.find((s) => s.name === 'playback-order')).toMatchObject({
      owner: 'guest',
      tags: ['java', 'playback'],
    });
    const webhook = r.entities.find((e) => e.kind === 'API' && e.name === 'petstore-webhook');
    expect(webhook!.spec.definition).toBe(
      readFileSync(`${examplesDir}/apis/petstore-webhook.oas.yaml`, 'utf8'),
    );
  });

  it('rejects invalid-component.yaml on its own for its name and its tag', () => {
    const file = 'components/invalid-component.yaml';
    const r = normalizeBackstage([{ path: file, content: readFileSync(`${examplesDir}/${file}`, 'utf8') }]);
    expect(r.entities).toEqual([]);
    expect(r.errors.map((e) => e.path)).toEqual(['/metadata/name', '/metadata/tags/1']);
    expect(r.errors[0]!.message).toContain('"invalid component"');
    expect(r.errors[1]!.message).toContain('"go 1.15.3"');
  });

  it('reads every entity file without a problem when imported alone, except for sibling files it names', () => {
    for (const f of manifest.files.filter((m) => m.role === 'entities' && m.expected === 'valid')) {
      const r = normalizeBackstage([
        { path: f.file, content: readFileSync(`${examplesDir}/${f.file}`, 'utf8') },
      ]);
      const other = r.errors.filter((e) => !/is (missing from|not in) the import$/.test(e.message));
      expect(other, f.file).toEqual([]);
    }
  });
});
