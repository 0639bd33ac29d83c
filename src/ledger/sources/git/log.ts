/** Commits as `git log` lists them, turned into records. */
import { FS, gitLines } from './git-process.js';
import type { FirstParentRecord } from './map.js';
import { type GitCommitRecord, hashEmail, isoSeconds } from './records.js';

/** Refs that hold no project history: notes, stash, filter-branch backups, forges' PR/MR heads. */
const notHistory = ['refs/notes/*', 'refs/stash', 'refs/original/*', 'refs/pull/*', 'refs/merge-requests/*'];

/** Every commit of every other ref (branches, tags, remotes, HEAD), children before parents. */
export async function* readCommits(cwd: string): AsyncGenerator<GitCommitRecord> {
  const args = [
    'log',
    '--topo-order',
    '--no-show-signature',
    '--encoding=UTF-8',
    `--format=%H${FS}%P${FS}%at${FS}%ct${FS}%ae${FS}%s`,
    ...notHistory.map((ref) => `--exclude=${ref}`),
    '--all',
  ];
  // Hashed once per author: a history has far fewer authors than commits.
  const hashes = new Map<string, string>();
  for await (const line of gitLines(cwd, args)) {
    const [sha = '', parents = '', at = '0', ct = '0', email = '', ...subject] = line.split(FS);
    let hash = hashes.get(email);
    if (hash === undefined) {
      hash = hashEmail(email);
      hashes.set(email, hash);
    }
    yield {
      sha,
      parents: parents === '' ? [] : parents.split(' '),
      author_time: isoSeconds(Number(at) * 1000),
      commit_time: isoSeconds(Number(ct) * 1000),
      author_email_hash: hash,
      subject: subject.join(FS),
    };
  }
}

/** The branch's first-parent chain, newest first. */
export async function* readFirstParent(cwd: string, branch: string): AsyncGenerator<FirstParentRecord> {
  const args = [
    'log',
    '--first-parent',
    '--no-show-signature',
    `--format=%H${FS}%ct`,
    '--end-of-options',
    branch,
  ];
  for await (const line of gitLines(cwd, args)) {
    const [sha = '', ct = '0'] = line.split(FS);
    yield { sha, branch, commit_time: isoSeconds(Number(ct) * 1000) };
  }
}
