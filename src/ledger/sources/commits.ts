import { type CommitFact, workItemsIn } from '../facts.js';
import { authorId, subjectOf } from './author.js';
import { arr, defined, fullSha, obj, str, ZERO_SHA } from './payload.js';
import { parseTimestamp } from './time.js';

/**
 * Commits of a push (GitHub and GitLab share the shape: id, message, timestamp, author.email).
 * Push payloads list commits oldest first without their parents, so the parents are inferred: the
 * first commit's parent is `before` (unless the push was forced or created the branch), each next
 * commit's parent is the previous one. A merge commit's second parent is not knowable here.
 */
export function pushCommits(options: {
  commits: unknown;
  before: unknown;
  forced?: boolean;
  repo?: string;
  /** Stands in for a commit without a readable timestamp. */
  receivedAt: number;
}): CommitFact[] {
  const list = arr(options.commits).map(obj);
  const before = fullSha(options.before);
  let parent = before && before !== ZERO_SHA && !options.forced ? before : undefined;
  const facts: CommitFact[] = [];
  for (const c of list) {
    const sha = fullSha(c.id);
    if (!sha) continue;
    const message = str(c.message);
    const at = parseTimestamp(c.timestamp) ?? options.receivedAt;
    const author = obj(c.author);
    facts.push(
      defined({
        kind: 'commit',
        sha,
        parents: parent ? [parent] : [],
        // Push payloads carry one timestamp per commit; it stands for both times.
        authoredAt: at,
        committedAt: at,
        author: authorId(str(author.email), str(author.username)),
        subject: subjectOf(message) ?? str(c.title),
        workItems: workItemsIn(message, str(c.title)),
        repo: options.repo,
      }),
    );
    parent = sha;
  }
  return facts;
}
