import { type ChangeFact, type Fact, workItemsIn } from '../../facts.js';
import { pushCommits } from '../commits.js';
import { defined, fullSha, num, obj, str } from '../payload.js';
import { parseTimestamp } from '../time.js';
import type { GithubInput } from './context.js';

/**
 * push: one CommitFact per pushed commit. Tag pushes map to nothing: a tag is not a release or a
 * deployment by itself (the `release` event and the git source report those), and a deleted
 * branch has no commits.
 */
export function githubPush({ payload, receivedAt, repo }: GithubInput): Fact[] {
  if (str(payload.ref)?.startsWith('refs/tags/') || payload.deleted === true) return [];
  return pushCommits({
    commits: payload.commits,
    before: payload.before,
    forced: payload.forced === true,
    repo,
    receivedAt,
  });
}

/** pull_request: the change as it stands now (every action carries the whole pull request). */
export function githubPullRequest({ payload, repo, fullName }: GithubInput): Fact[] {
  const pr = obj(payload.pull_request);
  const number = num(pr.number) ?? num(payload.number);
  if (number === undefined) return [];
  const mergedAt = parseTimestamp(pr.merged_at);
  const merged = mergedAt !== undefined || pr.merged === true;
  const state: ChangeFact['state'] = merged ? 'merged' : str(pr.state) === 'closed' ? 'closed' : 'open';
  const title = str(pr.title);
  const head = obj(pr.head);
  return [
    defined<ChangeFact>({
      kind: 'change',
      id: `github:${fullName}#${number}`,
      repo,
      number,
      title,
      state,
      openedAt: parseTimestamp(pr.created_at),
      mergedAt,
      // Before the merge, merge_commit_sha is only GitHub's test merge; it means something once merged.
      mergeSha: merged ? fullSha(pr.merge_commit_sha) : undefined,
      headSha: fullSha(head.sha),
      // Work items are named in the title or the branch name (`ABC-123-fix-login`).
      workItems: workItemsIn(title, str(head.ref)),
      url: str(pr.html_url),
    }),
  ];
}
