import type { Fact, MappedEvent } from '../../facts.js';
import { obj, str } from '../payload.js';
import { defaultSourceRules, type SourceRules } from '../rules.js';
import { parseTimestamp } from '../time.js';
import { gitlabMergeRequest, gitlabPush } from './code.js';
import { type GitlabInput, gitlabInput } from './context.js';
import { gitlabDeployment, gitlabRelease } from './deployment.js';
import { gitlabIssue } from './issues.js';
import { gitlabJob, gitlabPipeline } from './runs.js';

/** By `X-Gitlab-Event`. Tag pushes, like GitHub's, are not releases by themselves: no facts. */
const MAPPERS: Record<string, (input: GitlabInput) => Fact[]> = {
  'Push Hook': gitlabPush,
  'Tag Push Hook': () => [],
  'Merge Request Hook': gitlabMergeRequest,
  'Pipeline Hook': gitlabPipeline,
  'Job Hook': gitlabJob,
  'Deployment Hook': gitlabDeployment,
  'Release Hook': gitlabRelease,
  'Issue Hook': gitlabIssue,
  // GitLab sends confidential issues under their own header.
  'Confidential Issue Hook': gitlabIssue,
};

function occurredAt(p: Record<string, unknown>, receivedAt: number): number {
  const attrs = obj(p.object_attributes);
  const commits = Array.isArray(p.commits) ? p.commits : [];
  const candidates = [
    attrs.updated_at,
    attrs.finished_at,
    attrs.created_at,
    p.status_changed_at,
    p.build_finished_at,
    p.build_started_at,
    p.build_created_at,
    p.released_at,
    p.updated_at,
    p.created_at,
    obj(commits.at(-1)).timestamp,
  ];
  for (const value of candidates) {
    const at = parseTimestamp(value);
    if (at !== undefined) return at;
  }
  return receivedAt;
}

/**
 * One GitLab webhook delivery (`X-Gitlab-Event`, `X-Gitlab-Event-UUID`) as ledger facts. Note,
 * Emoji, Wiki Page, Member and the other hooks map to no facts; the caller keeps them raw.
 */
export function mapGitlabEvent(input: {
  eventHeader: string;
  eventId: string;
  payload: unknown;
  receivedAt: number;
  rules?: SourceRules;
}): MappedEvent {
  const ctx = gitlabInput(input.payload, input.receivedAt, input.rules ?? defaultSourceRules);
  const kind = str(ctx.payload.object_kind) ?? str(ctx.payload.event_name) ?? input.eventHeader;
  const action = str(obj(ctx.payload.object_attributes).action) ?? str(ctx.payload.action);
  return {
    source: 'gitlab',
    eventId: input.eventId,
    type: action ? `${kind}.${action}` : kind,
    occurredAt: occurredAt(ctx.payload, input.receivedAt),
    facts: MAPPERS[input.eventHeader]?.(ctx) ?? [],
    raw: input.payload,
  };
}
