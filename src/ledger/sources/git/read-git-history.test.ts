import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitFact, DeploymentFact, MappedEvent } from '../../facts.js';
import { type DeploymentRule, readGitHistory } from './read-git-history.js';
import { hashEmail } from './records.js';
import { createTestRepo, type TestRepo, tmpDir } from './test-support/test-repo.js';

async function collect(history: AsyncIterable<MappedEvent>): Promise<MappedEvent[]> {
  const events: MappedEvent[] = [];
  for await (const event of history) events.push(event);
  return events;
}
const commitsOf = (events: MappedEvent[]) =>
  events.flatMap((e) => e.facts).filter((f): f is CommitFact => f.kind === 'commit');
const deploymentsOf = (events: MappedEvent[]) =>
  events.flatMap((e) => e.facts).filter((f): f is DeploymentFact => f.kind === 'deployment');
const ms = (iso: string) => Date.parse(iso);

/**
 * main:        c1 ─ c2 ─ c3 ─ m        (m merges feature; v1.1.0 annotated, v1.2.0-rc.1 and 2.0.0 on m)
 * feature:           └─ f1 ─┘
 * release/1.0:       └─ r1             (v1.0.1: not reachable from main)
 * v1.0.0 (lightweight) and release-x on c2 / c1.
 */
let repo: TestRepo;
const sha: Record<string, string> = {};

beforeAll(() => {
  repo = createTestRepo();
  sha.c1 = repo.commit('initial commit', { at: '2024-01-01T10:00:00Z', email: 'Alice@Example.COM' });
  sha.c2 = repo.commit('ABC-12 add cart (#34)', {
    at: '2024-01-02T10:00:00Z',
    committedAt: '2024-01-02T12:00:00Z',
  });
  repo.lightweightTag('v1.0.0');
  repo.lightweightTag('release-x', sha.c1);
  repo.git(['checkout', '-q', '-b', 'feature']);
  sha.f1 = repo.commit('feature work', { at: '2024-01-03T10:00:00Z' });
  repo.git(['checkout', '-q', 'main']);
  sha.c3 = repo.commit('main work', { at: '2024-01-03T11:00:00Z' });
  sha.m = repo.merge('feature', 'Merge feature', { at: '2024-01-04T10:00:00Z' });
  repo.annotatedTag('v1.1.0', '2024-01-05T09:00:00Z');
  repo.lightweightTag('v1.2.0-rc.1');
  repo.lightweightTag('2.0.0');
  repo.git(['checkout', '-q', '-b', 'release/1.0', sha.c2]);
  sha.r1 = repo.commit('backport fix', { at: '2024-01-06T10:00:00Z' });
  repo.lightweightTag('v1.0.1');
  repo.git(['checkout', '-q', 'main']);
});
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

describe('readGitHistory: commits', () => {
  it('yields one commit event per commit, keyed <repo>@<sha>, with parents in git order', async () => {
    const events = await collect(readGitHistory({ path: repo.dir, service: 'shop', deployments: 'none' }));
    expect(events).toHaveLength(6);
    expect(events.map((e) => e.eventId).sort()).toEqual(
      Object.values(sha)
        .map((s) => `file://${repo.dir}@${s}`)
        .sort(),
    );
    const merge = commitsOf(events).find((c) => c.sha === sha.m);
    expect(merge?.parents).toEqual([sha.c3, sha.f1]);
    expect(commitsOf(events).find((c) => c.sha === sha.c1)?.parents).toEqual([]);
  });

  it('keeps author and commit time apart, hashes the lower-cased e-mail and finds work items', async () => {
    const events = await collect(readGitHistory({ path: repo.dir, service: 'shop', deployments: 'none' }));
    const c2 = events.find((e) => e.eventId.endsWith(sha.c2!))!;
    expect(c2).toMatchObject({ source: 'git', type: 'git.commit', occurredAt: ms('2024-01-02T12:00:00Z') });
    expect(c2.facts).toEqual([
      {
        kind: 'commit',
        repo: `file://${repo.dir}`,
        service: 'shop',
        sha: sha.c2,
        parents: [sha.c1],
        authoredAt: ms('2024-01-02T10:00:00Z'),
        committedAt: ms('2024-01-02T12:00:00Z'),
        author: hashEmail('dev@example.com'),
        subject: 'ABC-12 add cart (#34)',
        workItems: ['#34', 'ABC-12'],
      },
    ]);
    const c1 = commitsOf(events).find((c) => c.sha === sha.c1)!;
    expect(c1.author).toBe(hashEmail('alice@example.com'));
    expect(c1.author).toMatch(/^[0-9a-f]{16}$/);
  });

  it('lists children before parents and gives the same event ids on a second run', async () => {
    const first = await collect(readGitHistory({ path: repo.dir, service: 'shop', deployments: 'tags:v*' }));
    const second = await collect(readGitHistory({ path: repo.dir, service: 'shop', deployments: 'tags:v*' }));
    expect(second.map((e) => e.eventId)).toEqual(first.map((e) => e.eventId));
    const position = new Map(commitsOf(first).map((c, i) => [c.sha, i]));
    for (const c of commitsOf(first))
      for (const p of c.parents) expect(position.get(p)).toBeGreaterThan(position.get(c.sha)!);
  });

  it('ignores notes and stash refs, which hold no project history', async () => {
    const other = createTestRepo();
    try {
      other.commit('one', { at: '2024-02-01T10:00:00Z' });
      other.git(['notes', 'add', '-m', 'a note', 'HEAD'], { at: '2024-02-01T11:00:00Z' });
      other.git(['commit', '-q', '--allow-empty', '-m', 'stashed later'], { at: '2024-02-01T12:00:00Z' });
      other.git(['update-ref', 'refs/stash', 'HEAD']);
      other.git(['reset', '-q', '--hard', 'HEAD~1']);
      const events = await collect(readGitHistory({ path: other.dir, service: 's', deployments: 'none' }));
      expect(events).toHaveLength(1);
    } finally {
      rmSync(other.dir, { recursive: true, force: true });
    }
  });

  it('uses the normalised origin URL as repo, or the repo option', async () => {
    repo.git(['remote', 'add', 'origin', 'git@github.com:Acme/shop.git']);
    try {
      const [event] = await collect(readGitHistory({ path: repo.dir, service: 'shop', deployments: 'none' }));
      expect(event?.eventId).toMatch(/^https:\/\/github\.com\/Acme\/shop@[0-9a-f]{40}$/);
      const [named] = await collect(
        readGitHistory({
          path: repo.dir,
          repo: 'https://gitlab.com/a/b.git',
          service: 's',
          deployments: 'none',
        }),
      );
      expect(named?.facts[0]?.repo).toBe('https://gitlab.com/a/b');
    } finally {
      repo.git(['remote', 'remove', 'origin']);
    }
  });

  it('handles a repository without commits', async () => {
    const empty = createTestRepo();
    try {
      expect(await collect(readGitHistory({ path: empty.dir, service: 's', deployments: 'tags:*' }))).toEqual(
        [],
      );
    } finally {
      rmSync(empty.dir, { recursive: true, force: true });
    }
  });
});

describe('readGitHistory: deployments', () => {
  it('turns matching release tags into deployments: tagger date when annotated, committer date when not', async () => {
    const events = await collect(readGitHistory({ path: repo.dir, service: 'shop', deployments: 'tags:v*' }));
    const deployments = deploymentsOf(events);
    expect(deployments.map((d) => d.version).sort()).toEqual(['v1.0.0', 'v1.0.1', 'v1.1.0']);
    expect(deployments.find((d) => d.version === 'v1.0.0')).toEqual({
      kind: 'deployment',
      repo: `file://${repo.dir}`,
      service: 'shop',
      id: `file://${repo.dir}@deploy:v1.0.0`,
      environment: 'production',
      version: 'v1.0.0',
      sha: sha.c2,
      ref: 'refs/tags/v1.0.0',
      status: 'success',
      startedAt: ms('2024-01-02T12:00:00Z'),
      finishedAt: ms('2024-01-02T12:00:00Z'),
      intent: 'deploy',
    });
    const annotated = deployments.find((d) => d.version === 'v1.1.0');
    expect(annotated).toMatchObject({ sha: sha.m, finishedAt: ms('2024-01-05T09:00:00Z') });
    const event = events.find((e) => e.eventId === `file://${repo.dir}@deploy:v1.1.0`);
    expect(event).toMatchObject({ type: 'git.tag', occurredAt: ms('2024-01-05T09:00:00Z') });
    expect(event?.raw).toMatchObject({
      annotated: true,
      tag_time_source: 'tagger',
      tag_time: '2024-01-05T09:00:00Z',
    });
  });

  it('leaves pre-releases out unless asked, and marks them when included', async () => {
    const events = await collect(
      readGitHistory({ path: repo.dir, service: 'shop', deployments: 'tags:v*', includePrereleases: true }),
    );
    const rc = deploymentsOf(events).find((d) => d.version === 'v1.2.0-rc.1');
    expect(rc).toMatchObject({
      sha: sha.m,
      description: 'pre-release tag',
      finishedAt: ms('2024-01-04T10:00:00Z'),
    });
    expect(deploymentsOf(events)).toHaveLength(4);
  });

  it('accepts several globs and matches them as git does', async () => {
    const deployments = deploymentsOf(
      await collect(readGitHistory({ path: repo.dir, service: 'shop', deployments: 'tags:v1.0.*,[0-9]*' })),
    );
    expect(deployments.map((d) => d.version).sort()).toEqual(['2.0.0', 'v1.0.0', 'v1.0.1']);
  });

  it('counts a tag not reachable from main unless tagsReachableFrom says otherwise', async () => {
    const options = {
      path: repo.dir,
      service: 'shop',
      deployments: 'tags:v*',
      tagsReachableFrom: 'main',
    } as const;
    const deployments = deploymentsOf(await collect(readGitHistory(options)));
    expect(deployments.map((d) => d.version).sort()).toEqual(['v1.0.0', 'v1.1.0']);
  });

  it('peels a tag of a tag to its commit', async () => {
    repo.git(['-c', 'advice.nestedTag=false', 'tag', '-a', '-m', 'outer', 'v9.0.0', 'v1.1.0'], {
      at: '2024-03-01T00:00:00Z',
    });
    try {
      const deployments = deploymentsOf(
        await collect(readGitHistory({ path: repo.dir, service: 'shop', deployments: 'tags:v9*' })),
      );
      expect(deployments).toMatchObject([
        { version: 'v9.0.0', sha: sha.m, finishedAt: ms('2024-03-01T00:00:00Z') },
      ]);
    } finally {
      repo.git(['tag', '-d', 'v9.0.0']);
    }
  });

  it('makes each commit on the first-parent chain a deployment at its commit time', async () => {
    const events = await collect(
      readGitHistory({
        path: repo.dir,
        service: 'shop',
        environment: 'prod-eu',
        deployments: 'first-parent:main',
      }),
    );
    const deployments = deploymentsOf(events);
    expect(deployments.map((d) => d.sha)).toEqual([sha.m, sha.c3, sha.c2, sha.c1]);
    expect(deployments[2]).toMatchObject({
      id: `file://${repo.dir}@deploy:${sha.c2}`,
      environment: 'prod-eu',
      ref: 'main',
      startedAt: ms('2024-01-02T12:00:00Z'),
    });
    expect(commitsOf(events)).toHaveLength(6);
  });

  it('reports progress with the final counts', async () => {
    const reports: { commits: number; tags: number }[] = [];
    await collect(
      readGitHistory({
        path: repo.dir,
        service: 's',
        deployments: 'tags:v*',
        onProgress: (p) => reports.push(p),
      }),
    );
    expect(reports.at(-1)).toMatchObject({ commits: 6, tags: 3, deployments: 3 });
  });

  it('stops git when the consumer stops early', async () => {
    for await (const event of readGitHistory({ path: repo.dir, service: 's', deployments: 'tags:v*' })) {
      expect(event.type).toBe('git.commit');
      break;
    }
  });
});

describe('readGitHistory: errors', () => {
  it('rejects a directory that is not a repository, in one line', async () => {
    const dir = tmpDir('not-a-repo-');
    try {
      await expect(collect(readGitHistory({ path: dir, service: 's', deployments: 'none' }))).rejects.toThrow(
        `Not a git repository: ${dir}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(
      collect(readGitHistory({ path: `${dir}/missing`, service: 's', deployments: 'none' })),
    ).rejects.toThrow(/^Not a git repository: .*missing \(no such directory\)$/);
  });

  it('rejects an unknown deployment rule and an unknown branch', async () => {
    const unknown = 'branch:main' as string as DeploymentRule; // as from an untyped caller
    await expect(
      collect(readGitHistory({ path: repo.dir, service: 's', deployments: unknown })),
    ).rejects.toThrow(/Unknown deployment rule "branch:main"/);
    await expect(
      collect(readGitHistory({ path: repo.dir, service: 's', deployments: 'tags: ,' })),
    ).rejects.toThrow(/Unknown deployment rule/);
    await expect(
      collect(readGitHistory({ path: repo.dir, service: 's', deployments: 'first-parent:nope' })),
    ).rejects.toThrow(/^git log: fatal: .*nope/);
  });

  it('says so when git is not installed', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(
        collect(readGitHistory({ path: repo.dir, service: 's', deployments: 'none' })),
      ).rejects.toThrow('git is not installed or not on PATH');
    } finally {
      process.env.PATH = path;
    }
  });
});
