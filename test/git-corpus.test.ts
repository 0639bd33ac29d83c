/**
 * A real public history through the whole ledger, on every engine: kysely-org/kysely's export
 * (1,550 commits, 118 tags) rebuilt as a git repository, read with readGitHistory, posted as NDJSON
 * of native events, derived; and the same export posted straight from corpusToEvents. What each
 * release shipped is checked against a plain set difference of ancestor sets computed here.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivePending } from '../src/ledger/derive.js';
import { toNativeCloudEvent } from '../src/ledger/fact-schema.js';
import type { MappedEvent } from '../src/ledger/facts.js';
import type { WrittenRepository } from '../src/ledger/sources/git/fast-import.js';
import { corpusToEvents, readGitHistory, rebuildRepository } from '../src/ledger/sources/git/index.js';
import type { GitCommitRecord, GitTagRecord } from '../src/ledger/sources/git/records.js';
import { tmpDir } from '../src/ledger/sources/git/test-support/test-repo.js';
import { createTestApp, type TestApp, testBootstrapToken } from '../src/testing/app.js';
import { engines } from '../src/testing/databases.js';

const dir = join(import.meta.dirname, '../../shared/corpus/git-history/kysely-org__kysely');
const present = existsSync(dir);
if (!present) console.warn(`\n!!! ${dir} is absent: SKIPPING the kysely git-history corpus test.\n`);
const commitsFile = join(dir, 'commits.ndjson');
const tagsFile = join(dir, 'tags.ndjson');
const ndjson = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);

/** Counted by hand in tags.ndjson: `v*` tags that are not pre-releases (v0.28.3 … v0.29.5). */
const stableVTags = 21;
/**
 * Chosen by hand, each with the stable v* tag released just before it (by tag time) and the size of
 * the difference, counted once with a separate script. v0.28.17 is a maintenance release of 0.28
 * tagged five days before v0.29.0.
 */
const releases = [
  { tag: 'v0.28.4', previous: 'v0.28.3', shipped: 5 },
  { tag: 'v0.29.0', previous: 'v0.28.17', shipped: 79 },
  { tag: 'v0.29.5', previous: 'v0.29.4', shipped: 18 },
];

/** Every commit reachable from `sha`, by a plain stack walk over the export's parent lists. */
function ancestors(parents: Map<string, string[]>, sha: string): Set<string> {
  const seen = new Set<string>();
  const stack = [sha];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s) || !parents.has(s)) continue;
    seen.add(s);
    stack.push(...parents.get(s)!);
  }
  return seen;
}

async function collect(events: AsyncIterable<MappedEvent>): Promise<MappedEvent[]> {
  const out: MappedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe.skipIf(!present)('the kysely history through the ledger', () => {
  let rebuilt: WrittenRepository;
  let fromRepository: MappedEvent[];
  let fromExport: MappedEvent[];
  let expected: Map<string, Set<string>>;
  const tagSha = new Map<string, string>();

  beforeAll(async () => {
    const parents = new Map(ndjson<GitCommitRecord>(commitsFile).map((c) => [c.sha, c.parents]));
    for (const t of ndjson<GitTagRecord>(tagsFile)) tagSha.set(t.tag, t.sha);
    expected = new Map(
      releases.map(({ tag, previous }) => {
        const before = ancestors(parents, tagSha.get(previous)!);
        return [tag, new Set([...ancestors(parents, tagSha.get(tag)!)].filter((s) => !before.has(s)))];
      }),
    );
    rebuilt = await rebuildRepository({ commitsFile, tagsFile, dir: tmpDir('kysely-') });
    fromRepository = await collect(
      readGitHistory({ path: rebuilt.dir, service: 'kysely', deployments: 'tags:v*' }),
    );
    fromExport = await collect(
      corpusToEvents({
        commitsFile,
        tagsFile,
        repo: 'https://github.com/kysely-org/kysely',
        service: 'kysely',
        tags: 'v*',
      }),
    );
  });
  afterAll(() => rmSync(rebuilt.dir, { recursive: true, force: true }));

  it('finds the expected differences independently', () => {
    const tags = ndjson<GitTagRecord>(tagsFile);
    expect(tags.filter((t) => t.tag.startsWith('v') && !t.prerelease)).toHaveLength(stableVTags);
    expect(releases.map((r) => expected.get(r.tag)!.size)).toEqual(releases.map((r) => r.shipped));
    expect(fromRepository).toHaveLength(1550 + stableVTags);
    expect(fromExport).toHaveLength(1550 + stableVTags);
  });

  describe.each(engines)('on %s', (engine) => {
    let t: TestApp;
    let admin: string;

    /** Posts the events as the CLI does (NDJSON of native CloudEvents, 2,000 a request), then derives. */
    async function load(tenant: string, events: MappedEvent[]) {
      for (let i = 0; i < events.length; i += 2000) {
        const body = events
          .slice(i, i + 2000)
          .map((e) => JSON.stringify(toNativeCloudEvent(e)))
          .join('\n');
        const res = await t.call('POST', '/api/v1/events', {
          token: admin,
          tenant,
          body,
          headers: { 'content-type': 'application/x-ndjson' },
        });
        expect(res.status).toBe(200);
        expect(res.json).toMatchObject({ accepted: Math.min(2000, events.length - i), rejected: 0 });
      }
      // More than 50 events: derivation is left to the background pass, run here.
      const db = t.deps.store.forTenant(tenant);
      while ((await derivePending(db, t.clock.now())) > 0);
    }
    async function deployments(tenant: string) {
      const res = await t.call('GET', '/api/v1/deployments?service=kysely&limit=500', {
        token: admin,
        tenant,
      });
      return res.json as { total: number; items: { id: string; version: string; derivation: string }[] };
    }
    async function shipped(tenant: string, id: string) {
      const res = await t.call('GET', `/api/v1/deployments/${encodeURIComponent(id)}`, {
        token: admin,
        tenant,
      });
      expect(res.status).toBe(200);
      return res.json as { previousId: string; derivation: string; shipped: { sha: string }[] };
    }

    beforeAll(async () => {
      t = await createTestApp(engine);
      await t.tenantWithToken('rebuilt');
      await t.tenantWithToken('export');
      admin = testBootstrapToken;
    });
    afterAll(() => t?.close());

    it('imports the rebuilt repository: one deployment per stable v* tag, each release shipped the set difference', async () => {
      await load('rebuilt', fromRepository);
      const listed = await deployments('rebuilt');
      expect(listed.total).toBe(stableVTags);
      expect(listed.items.every((d) => d.derivation !== 'dirty')).toBe(true);
      const idOf = new Map(listed.items.map((d) => [d.version, d.id]));
      for (const { tag, previous } of releases) {
        const d = await shipped('rebuilt', idOf.get(tag)!);
        expect(d.derivation, tag).toBe('ok');
        expect(d.previousId, tag).toBe(idOf.get(previous));
        const want = [...expected.get(tag)!].map((s) => rebuilt.shas.get(s)!).sort();
        expect(d.shipped.map((c) => c.sha).sort(), tag).toEqual(want);
      }
    });

    it('imports the export through corpusToEvents with the same deployments and shipped commits', async () => {
      await load('export', fromExport);
      const listed = await deployments('export');
      expect(listed.total).toBe(stableVTags);
      const idOf = new Map(listed.items.map((d) => [d.version, d.id]));
      for (const { tag, previous } of releases) {
        const d = await shipped('export', idOf.get(tag)!);
        expect(d.previousId, tag).toBe(idOf.get(previous));
        expect(d.shipped.map((c) => c.sha).sort(), tag).toEqual([...expected.get(tag)!].sort());
      }
    });
  });
});
