/**
 * The git-history source: reads a local repository with the git CLI and yields one event per commit
 * and per deployment, chosen by a rule (release tags, or a branch's first-parent chain).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../../core/errors.js';
import { type MappedEvent, normaliseRepoUrl } from '../../facts.js';
import { gitOutput } from './git-process.js';
import { readCommits, readFirstParent } from './log.js';
import { commitEvent, firstParentDeploymentEvent, tagDeploymentEvent } from './map.js';
import { readTags } from './tags.js';

/** `tags:<glob>[,<glob>…]` (as `git for-each-ref refs/tags/<glob>` matches), `first-parent:<branch>`, or `none`. */
export type DeploymentRule = `tags:${string}` | `first-parent:${string}` | 'none';

export interface GitProgress {
  commits: number;
  /** Tags that became deployments. */
  tags: number;
  deployments: number;
  elapsedMs: number;
}

export interface ReadGitHistoryOptions {
  /** A working tree (or any directory inside one) or a bare repository. */
  path: string;
  /** Defaults to the normalised `remote.origin.url`, else `file://<absolute top-level path>`. */
  repo?: string;
  service: string;
  environment?: string;
  deployments: DeploymentRule;
  /** Tags with a semver pre-release part (`v1.2.3-rc.1`) are not deployments unless this is set. */
  includePrereleases?: boolean;
  /** Only tags whose commit this revision reaches count (e.g. `main`); by default every matching tag does. */
  tagsReachableFrom?: string;
  /** Called at most every 250 ms while reading, and once at the end. */
  onProgress?: (progress: GitProgress) => void;
}

export async function* readGitHistory(options: ReadGitHistoryOptions): AsyncGenerator<MappedEvent> {
  const rule = parseRule(options.deployments);
  const cwd = await openRepository(options.path);
  const repo =
    options.repo === undefined ? await defaultRepo(cwd) : (normaliseRepoUrl(options.repo) ?? options.repo);
  const to = { repo, service: options.service, environment: options.environment ?? 'production' };
  const progress = progressReporter(options.onProgress);

  for await (const record of readCommits(cwd)) {
    yield commitEvent(record, to);
    progress.counts.commits++;
    progress.tick();
  }
  if (rule.kind === 'tags') {
    const tagOptions = {
      globs: rule.globs,
      includePrereleases: options.includePrereleases ?? false,
      reachableFrom: options.tagsReachableFrom,
    };
    for await (const record of readTags(cwd, tagOptions)) {
      yield tagDeploymentEvent(record, to);
      progress.counts.tags++;
      progress.counts.deployments++;
      progress.tick();
    }
  } else if (rule.kind === 'first-parent') {
    for await (const record of readFirstParent(cwd, rule.branch)) {
      yield firstParentDeploymentEvent(record, to);
      progress.counts.deployments++;
      progress.tick();
    }
  }
  progress.end();
}

type ParsedRule =
  | { kind: 'tags'; globs: string[] }
  | { kind: 'first-parent'; branch: string }
  | { kind: 'none' };

export function parseRule(rule: string): ParsedRule {
  if (rule === 'none') return { kind: 'none' };
  const tags = /^tags:(.+)$/.exec(rule);
  const globs = tags?.[1]
    ?.split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '');
  // No glob at all would make for-each-ref list every ref, branches included.
  if (globs && globs.length > 0) return { kind: 'tags', globs };
  const branch = /^first-parent:(.+)$/.exec(rule);
  if (branch) return { kind: 'first-parent', branch: branch[1]!.trim() };
  throw new InputError(`Unknown deployment rule "${rule}": use tags:<glob>, first-parent:<branch> or none`, [
    { path: '/deployments', message: 'expected tags:<glob>, first-parent:<branch> or none' },
  ]);
}

/** The absolute path git runs in, after checking it is a repository. */
async function openRepository(path: string): Promise<string> {
  const cwd = resolve(path);
  const isDir = await stat(cwd).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new InputError(`Not a git repository: ${cwd} (no such directory)`);
  try {
    await gitOutput(cwd, ['rev-parse', '--git-dir']);
  } catch (err) {
    if (/not a git repository/i.test((err as Error).message))
      throw new InputError(`Not a git repository: ${cwd}`);
    throw err;
  }
  return cwd;
}

async function defaultRepo(cwd: string): Promise<string> {
  const remote = await gitOutput(cwd, ['config', '--get', 'remote.origin.url']).catch(() => '');
  const normalised = normaliseRepoUrl(remote);
  if (normalised) return normalised;
  const bare = (await gitOutput(cwd, ['rev-parse', '--is-bare-repository'])) === 'true';
  const top = await gitOutput(cwd, ['rev-parse', bare ? '--absolute-git-dir' : '--show-toplevel']);
  return `file://${top}`;
}

function progressReporter(onProgress: ((p: GitProgress) => void) | undefined) {
  const start = performance.now();
  let last = start;
  const counts = { commits: 0, tags: 0, deployments: 0 };
  const report = (now: number) => onProgress?.({ ...counts, elapsedMs: Math.round(now - start) });
  return {
    counts,
    tick() {
      if (onProgress === undefined) return;
      const now = performance.now();
      if (now - last >= 250) {
        last = now;
        report(now);
      }
    },
    end: () => report(performance.now()),
  };
}
