/** Builds small repositories with the git CLI for tests, with every date and identity explicit. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CommitOptions {
  /** Author date; also the committer date unless `committedAt` is given. ISO 8601. */
  at: string;
  committedAt?: string;
  email?: string;
}

export interface TestRepo {
  dir: string;
  git(args: string[], dates?: { at?: string; committedAt?: string; email?: string }): string;
  /** An empty commit on the current branch; returns its sha. */
  commit(subject: string, options: CommitOptions): string;
  /** A `--no-ff` merge of `branch` into the current branch; returns its sha. */
  merge(branch: string, subject: string, options: CommitOptions): string;
  lightweightTag(name: string, target?: string): void;
  /** An annotated tag; its tagger date is `at`. */
  annotatedTag(name: string, at: string, target?: string): void;
}

export function tmpDir(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function createTestRepo(): TestRepo {
  const dir = tmpDir('git-source-');
  const git: TestRepo['git'] = (args, { at, committedAt, email = 'dev@example.com' } = {}) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Dev',
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: 'Dev',
        GIT_COMMITTER_EMAIL: email,
        ...(at ? { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: committedAt ?? at } : {}),
      },
    }).trim();
  git(['init', '-q', '-b', 'main']);
  return {
    dir,
    git,
    commit(subject, options) {
      git(['commit', '-q', '--allow-empty', '-m', subject], options);
      return git(['rev-parse', 'HEAD']);
    },
    merge(branch, subject, options) {
      git(['merge', '-q', '--no-ff', '-m', subject, branch], options);
      return git(['rev-parse', 'HEAD']);
    },
    lightweightTag(name, target = 'HEAD') {
      git(['tag', name, target]);
    },
    annotatedTag(name, at, target = 'HEAD') {
      git(['tag', '-a', '-m', `release ${name}`, name, target], { at });
    },
  };
}
