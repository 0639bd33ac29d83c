/**
 * The three exported histories in ../shared/corpus/git-history, rebuilt into real repositories with
 * git fast-import and read back with readGitHistory. Rebuilt commits have other shas (content
 * differs), so every comparison goes through the export sha → rebuilt sha map.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitFact, DeploymentFact, MappedEvent } from '../../facts.js';
import { corpusToEvents, rebuildRepository } from './corpus.js';
import type { WrittenRepository } from './fast-import.js';
import { readGitHistory } from './read-git-history.js';
import { type GitCommitRecord, type GitTagRecord, hashEmail, isPrerelease } from './records.js';
import { tmpDir } from './test-support/test-repo.js';

const corpus = join(import.meta.dirname, '../../../../../shared/corpus/git-history');
const present = existsSync(corpus);
if (!present) console.warn(`\n!!! ${corpus} is absent: SKIPPING the git-history corpus tests.\n`);

async function collect(history: AsyncIterable<MappedEvent>): Promise<MappedEvent[]> {
  const events: MappedEvent[] = [];
  for await (const event of history) events.push(event);
  return events;
}
const ndjson = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
const commitsOf = (events: MappedEvent[]) =>
  events.flatMap((e) => e.facts).filter((f): f is CommitFact => f.kind === 'commit');
const deploymentsOf = (events: MappedEvent[]) =>
  events.flatMap((e) => e.facts).filter((f): f is DeploymentFact => f.kind === 'deployment');

/** Counted by hand from tags.ndjson: stable `v*` tags, and those reachable from the export's HEAD. */
const cases = [
  { name: 'honojs__hono', stable: 400, reachable: 397 },
  { name: 'kysely-org__kysely', stable: 21, reachable: 21 },
  { name: 'fastify__fastify', stable: 293, reachable: 263 },
];

describe.skipIf(!present).each(cases)('corpus $name', ({ name, stable, reachable }) => {
  const commitsFile = join(corpus, name, 'commits.ndjson');
  const tagsFile = join(corpus, name, 'tags.ndjson');
  let commits: GitCommitRecord[];
  let tags: GitTagRecord[];
  let rebuilt: WrittenRepository;
  let events: MappedEvent[];
  const mapped = (sha: string) => rebuilt.shas.get(sha);

  beforeAll(async () => {
    commits = ndjson(commitsFile);
    tags = ndjson(tagsFile);
    // Stand-in commits for tags the export cannot place (not reachable from HEAD), so they exist.
    rebuilt = await rebuildRepository({
      commitsFile,
      tagsFile,
      dir: tmpDir(`corpus-${name}-`),
      unknownTags: 'orphan',
    });
    events = await collect(readGitHistory({ path: rebuilt.dir, service: name, deployments: 'tags:v*' }));
  });
  afterAll(() => rmSync(rebuilt.dir, { recursive: true, force: true }));

  it('reads back every exported commit with its parents, times and author', () => {
    const read = new Map(commitsOf(events).map((c) => [c.sha, c]));
    expect(read.size).toBe(commits.length + rebuilt.orphans.length);
    for (const c of commits) {
      const fact = read.get(mapped(c.sha)!);
      expect(fact, c.sha).toBeDefined();
      expect(fact?.parents).toEqual(c.parents.map(mapped));
      expect(fact?.authoredAt).toBe(Date.parse(c.author_time));
      expect(fact?.committedAt).toBe(Date.parse(c.commit_time));
      // Rebuilt identities are synthetic; the author must still be the same per commit.
      expect(fact?.author).toBe(hashEmail(`${c.author_email_hash}@corpus.invalid`));
    }
  });

  it('agrees with the export on which tags are pre-releases', () => {
    for (const t of tags) expect(isPrerelease(t.tag), t.tag).toBe(t.prerelease);
  });

  it('makes every stable v* tag a deployment at its peeled commit and tag time, reachable or not', () => {
    const expected = tags
      .filter((t) => t.tag.startsWith('v') && !t.prerelease)
      .map((t) => ({ version: t.tag, sha: mapped(t.sha), finishedAt: Date.parse(t.tag_time) }));
    const actual = deploymentsOf(events).map((d) => ({
      version: d.version,
      sha: d.sha,
      finishedAt: d.finishedAt,
    }));
    const byVersion = (a: { version?: string }, b: { version?: string }) =>
      a.version!.localeCompare(b.version!);
    expect(actual.sort(byVersion)).toEqual(expected.sort(byVersion));
    expect(actual).toHaveLength(stable);
  });

  it('counts only the tags the export marks reachable when tagsReachableFrom is main', async () => {
    const options = {
      path: rebuilt.dir,
      service: name,
      deployments: 'tags:v*',
      tagsReachableFrom: 'main',
    } as const;
    const versions = deploymentsOf(await collect(readGitHistory(options))).map((d) => d.version);
    const expected = tags
      .filter((t) => t.tag.startsWith('v') && !t.prerelease && t.reachable_from_head)
      .map((t) => t.tag);
    expect(versions.sort()).toEqual(expected.sort());
    expect(versions).toHaveLength(reachable);
  });

  it('converts the export straight into the same events (sha map aside)', async () => {
    const direct = await collect(
      corpusToEvents({ commitsFile, tagsFile, repo: `file://${rebuilt.dir}`, service: name, tags: 'v*' }),
    );
    const directCommits = commitsOf(direct);
    expect(directCommits).toHaveLength(commits.length);
    expect(direct[0]?.eventId).toBe(`file://${rebuilt.dir}@${commits[0]?.sha}`);
    expect(directCommits[0]).toMatchObject({ author: commits[0]?.author_email_hash, workItems: [] });
    const summary = (ds: DeploymentFact[], sha: (s: string) => string | undefined) =>
      ds.map((d) => `${d.id} ${sha(d.sha!)} ${d.finishedAt}`).sort();
    expect(summary(deploymentsOf(direct), mapped)).toEqual(summary(deploymentsOf(events), (s) => s));
  });
});

describe.skipIf(!present)('corpus specifics', () => {
  it('kysely: annotated tags are timed by the tagger, not the commit', async () => {
    const dir = join(corpus, 'kysely-org__kysely');
    const commitTime = new Map(
      ndjson<GitCommitRecord>(join(dir, 'commits.ndjson')).map((c) => [c.sha, c.commit_time]),
    );
    const annotated = ndjson<GitTagRecord>(join(dir, 'tags.ndjson')).filter(
      (t) => t.annotated && commitTime.has(t.sha),
    );
    expect(annotated.length).toBeGreaterThan(0);
    expect(annotated.every((t) => t.tag_time_source === 'tagger')).toBe(true);
    expect(annotated.filter((t) => t.tag_time !== commitTime.get(t.sha)).length).toBeGreaterThan(0);
  });

  it('hono: the malformed vv3.5.0-rc.1 tag is not in the export, and would be a pre-release', () => {
    const tags = ndjson<GitTagRecord>(join(corpus, 'honojs__hono', 'tags.ndjson'));
    expect(tags.some((t) => t.tag === 'vv3.5.0-rc.1')).toBe(false);
    expect(isPrerelease('vv3.5.0-rc.1')).toBe(true);
  });
});
