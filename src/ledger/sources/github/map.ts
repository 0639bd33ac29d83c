import type { Fact, MappedEvent } from '../../facts.js';
import { obj, str } from '../payload.js';
import { defaultSourceRules, type SourceRules } from '../rules.js';
import { parseTimestamp } from '../time.js';
import { githubPullRequest, githubPush } from './code.js';
import { type GithubInput, githubInput } from './context.js';
import { githubDeployment, githubDeploymentStatus } from './deployment.js';
import { githubIssue } from './issues.js';
import { githubRelease } from './release.js';
import { githubCheckRun, githubCheckSuite, githubWorkflowRun } from './runs.js';

const MAPPERS: Record<string, (input: GithubInput) => Fact[]> = {
  push: githubPush,
  pull_request: githubPullRequest,
  deployment: githubDeployment,
  deployment_status: githubDeploymentStatus,
  workflow_run: githubWorkflowRun,
  check_suite: githubCheckSuite,
  check_run: githubCheckRun,
  release: githubRelease,
  issues: githubIssue,
  // Answered by the gates feature through the callback URL; nothing to record as a fact.
  deployment_protection_rule: () => [],
};

/** When the event happened, from the field each event keeps it in; else when it was received. */
function occurredAt(event: string, p: Record<string, unknown>, receivedAt: number): number {
  const candidates: Record<string, unknown[]> = {
    push: [obj(p.repository).pushed_at, obj(p.head_commit).timestamp],
    pull_request: [obj(p.pull_request).updated_at],
    deployment: [obj(p.deployment).created_at],
    deployment_status: [obj(p.deployment_status).updated_at, obj(p.deployment_status).created_at],
    workflow_run: [obj(p.workflow_run).updated_at],
    check_suite: [obj(p.check_suite).updated_at],
    check_run: [obj(p.check_run).completed_at, obj(p.check_run).started_at],
    release: [obj(p.release).published_at, obj(p.release).created_at],
    issues: [obj(p.issue).updated_at],
  };
  for (const value of candidates[event] ?? []) {
    const at = parseTimestamp(value);
    if (at !== undefined) return at;
  }
  return receivedAt;
}

/**
 * One GitHub webhook delivery (`X-GitHub-Event`, `X-GitHub-Delivery`) as ledger facts. Events the
 * ledger does not measure map to no facts; the caller keeps them raw as unmapped.
 */
export function mapGithubEvent(input: {
  event: string;
  deliveryId: string;
  payload: unknown;
  receivedAt: number;
  rules?: SourceRules;
}): MappedEvent {
  const ctx = githubInput(input.payload, input.receivedAt, input.rules ?? defaultSourceRules);
  const action = str(ctx.payload.action);
  const facts = MAPPERS[input.event]?.(ctx) ?? [];
  return {
    source: 'github',
    eventId: input.deliveryId,
    type: `${input.event}.${action ?? ''}`,
    occurredAt: occurredAt(input.event, ctx.payload, input.receivedAt),
    facts,
    raw: input.payload,
  };
}
