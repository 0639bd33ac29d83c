import { type ChangeFact, type Fact, workItemsIn } from '../../facts.js';
import { pushCommits } from '../commits.js';
import { defined, fullSha, num, obj, str } from '../payload.js';
import { parseTimestamp } from '../time.js';
import type { GitlabInput } from './context.js';

/** Push Hook: one CommitFact per pushed commit (parents inferred as for GitHub, see pushCommits). */
export function gitlabPush({ payload, receivedAt, repo }: GitlabInput): Fact[] {
  return pushCommits({ commits: payload.commits, before: payload.before, repo, receivedAt });
}

const STATE: Record<string, ChangeFact['state']> = {
  opened: 'open',
  reopened: 'open',
  locked: 'open',
  merged: 'merged',
  closed: 'closed',
};

/** Merge Request Hook: the merge request as it stands now. */
export function gitlabMergeRequest({ payload, repo, path }: GitlabInput): Fact[] {
  const mr = obj(payload.object_attributes);
  const iid = num(mr.iid);
  if (iid === undefined) return [];
  const state = STATE[str(mr.state) ?? ''] ?? 'open';
  const merged = state === 'merged';
  const title = str(mr.title);
  // The hook has no merged_at; the update that merged it (action "merge") is the merge time.
  const mergedAt = merged ? (parseTimestamp(mr.merged_at) ?? parseTimestamp(mr.updated_at)) : undefined;
  return [
    defined<ChangeFact>({
      kind: 'change',
      id: `gitlab:${path}!${iid}`,
      repo,
      number: iid,
      title,
      state,
      openedAt: parseTimestamp(mr.created_at),
      mergedAt,
      mergeSha: merged ? fullSha(mr.merge_commit_sha) : undefined,
      headSha: fullSha(obj(mr.last_commit).id),
      workItems: workItemsIn(title, str(mr.source_branch)),
      url: str(mr.url),
    }),
  ];
}
