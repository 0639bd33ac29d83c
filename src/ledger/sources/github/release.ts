import type { ArtifactFact, Fact } from '../../facts.js';
import { defined, fullSha, obj, str } from '../payload.js';
import { parseTimestamp } from '../time.js';
import type { GithubInput } from './context.js';

/**
 * release: published/released/prereleased → an artifact released under its tag; deleted → deleted.
 * Drafts (created), edits and unpublishing say nothing about delivery.
 */
export function githubRelease(input: GithubInput): Fact[] {
  const action = str(input.payload.action);
  const release = obj(input.payload.release);
  const tag = str(release.tag_name);
  if (!tag) return [];
  let what: ArtifactFact['action'];
  if (action === 'published' || action === 'released' || action === 'prereleased') what = 'released';
  else if (action === 'deleted') what = 'deleted';
  else return [];
  return [
    defined<ArtifactFact>({
      kind: 'artifact',
      id: `github:${input.fullName}@${tag}`,
      repo: input.repo,
      action: what,
      version: tag,
      sha: fullSha(release.target_commitish),
      at: parseTimestamp(release.published_at) ?? parseTimestamp(release.created_at) ?? input.receivedAt,
      url: str(release.html_url),
    }),
  ];
}
