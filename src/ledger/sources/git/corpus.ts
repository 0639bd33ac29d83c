/**
 * The corpus export of a git history (../shared/corpus/git-history/<repo>/{commits,tags}.ndjson):
 * rebuilt into a real repository for tests and benchmarks, or converted straight into ledger events.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { MappedEvent } from '../../facts.js';
import { type WrittenRepository, writeRepository } from './fast-import.js';
import { commitEvent, tagDeploymentEvent } from './map.js';
import { type GitCommitRecord, type GitTagRecord, globMatcher } from './records.js';

/** NDJSON lines as objects; a line that is not JSON fails with its file and line number. */
export async function* readNdjson<T>(file: string): AsyncGenerator<T> {
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as T;
    } catch (err) {
      throw new Error(`${file}:${n}: ${(err as Error).message}`);
    }
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Parents before children, oldest history first (the export lists newest first, by date). */
export function parentsFirst(commits: readonly GitCommitRecord[]): GitCommitRecord[] {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const placed = new Set<string>();
  const out: GitCommitRecord[] = [];
  for (let i = commits.length - 1; i >= 0; i--) {
    // Iterative depth-first walk: deep histories would overflow a recursive one.
    const stack: { commit: GitCommitRecord; next: number }[] = [{ commit: commits[i]!, next: 0 }];
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      if (placed.has(top.commit.sha)) {
        stack.pop();
        continue;
      }
      const parent = top.commit.parents[top.next++];
      if (parent === undefined) {
        placed.add(top.commit.sha);
        out.push(top.commit);
        stack.pop();
      } else {
        const p = bySha.get(parent);
        if (p && !placed.has(p.sha)) stack.push({ commit: p, next: 0 });
      }
    }
  }
  return out;
}

export interface RebuildOptions {
  commitsFile: string;
  tagsFile: string;
  dir: string;
  /** Default `main`; it points at the export's first line (its HEAD). */
  branch?: string;
  /** See WriteRepositoryOptions.unknownTags; the export omits commits not reachable from HEAD. */
  unknownTags?: 'skip' | 'orphan';
}

/**
 * Recreates the exported repository: same commit graph and author/commit times, empty trees,
 * synthetic identities (`<author_email_hash>@corpus.invalid`, so e-mail hashes differ from the
 * export's), tags lightweight or annotated as exported. `shas` maps export sha → rebuilt sha.
 */
export async function rebuildRepository(options: RebuildOptions): Promise<WrittenRepository> {
  const commits = await collect(readNdjson<GitCommitRecord>(options.commitsFile));
  const tags = await collect(readNdjson<GitTagRecord>(options.tagsFile));
  return writeRepository({
    dir: options.dir,
    commits: parentsFirst(commits),
    tags,
    branch: options.branch ?? 'main',
    ...(commits[0] ? { head: commits[0].sha } : {}),
    unknownTags: options.unknownTags ?? 'skip',
  });
}

export interface CorpusToEventsOptions {
  commitsFile: string;
  tagsFile: string;
  repo: string;
  service?: string;
  environment?: string;
  /** Tags matching this glob are deployments; default `*` (the export holds release tags only). */
  tags?: string;
  includePrereleases?: boolean;
  /** Only tags the export marks `reachable_from_head`; by default every tag counts, as in readGitHistory. */
  onlyReachableTags?: boolean;
}

/** The export's records as ledger events, mapped exactly as readGitHistory maps a live repository. */
export async function* corpusToEvents(options: CorpusToEventsOptions): AsyncGenerator<MappedEvent> {
  const to = {
    repo: options.repo,
    environment: options.environment ?? 'production',
    ...(options.service === undefined ? {} : { service: options.service }),
  };
  for await (const record of readNdjson<GitCommitRecord>(options.commitsFile)) yield commitEvent(record, to);
  const matches = globMatcher(options.tags ?? '*');
  for await (const record of readNdjson<GitTagRecord>(options.tagsFile)) {
    if (!matches(record.tag)) continue;
    if (record.prerelease && !options.includePrereleases) continue;
    if (options.onlyReachableTags && !record.reachable_from_head) continue;
    yield tagDeploymentEvent(record, to);
  }
}
