/** Git records → ledger events. One event per commit and per deployment, so re-imports are idempotent. */
import { type CommitFact, type DeploymentFact, type MappedEvent, workItemsIn } from '../../facts.js';
import type { GitCommitRecord, GitTagRecord } from './records.js';

export interface GitTarget {
  /** Normalised repository URL (or `file://…` for a repository without a remote). */
  repo: string;
  service?: string;
}

export interface FirstParentRecord {
  sha: string;
  branch: string;
  commit_time: string;
}

function target({ repo, service }: GitTarget): { repo: string; service?: string } {
  return service === undefined ? { repo } : { repo, service };
}

/** eventId `<repo>@<sha>`: the same commit maps to the same event on every run. */
export function commitEvent(record: GitCommitRecord, to: GitTarget): MappedEvent {
  const committedAt = Date.parse(record.commit_time);
  const fact: CommitFact = {
    kind: 'commit',
    ...target(to),
    sha: record.sha,
    parents: record.parents,
    authoredAt: Date.parse(record.author_time),
    committedAt,
    author: record.author_email_hash,
    ...(record.subject ? { subject: record.subject } : {}),
    workItems: workItemsIn(record.subject),
  };
  return {
    source: 'git',
    eventId: `${to.repo}@${record.sha}`,
    type: 'git.commit',
    occurredAt: committedAt,
    facts: [fact],
    raw: record,
  };
}

/** A release tag is a finished deployment at the tag's time; id `<repo>@deploy:<tag>`. */
export function tagDeploymentEvent(
  record: GitTagRecord,
  to: GitTarget & { environment: string },
): MappedEvent {
  const at = Date.parse(record.tag_time);
  const id = `${to.repo}@deploy:${record.tag}`;
  const fact: DeploymentFact = {
    kind: 'deployment',
    ...target(to),
    id,
    environment: to.environment,
    version: record.tag,
    sha: record.sha,
    ref: `refs/tags/${record.tag}`,
    status: 'success',
    startedAt: at,
    finishedAt: at,
    intent: 'deploy',
    ...(record.prerelease ? { description: 'pre-release tag' } : {}),
  };
  return { source: 'git', eventId: id, type: 'git.tag', occurredAt: at, facts: [fact], raw: record };
}

/** Each commit on a branch's first-parent chain is a deployment at its commit time; id `<repo>@deploy:<sha>`. */
export function firstParentDeploymentEvent(
  record: FirstParentRecord,
  to: GitTarget & { environment: string },
): MappedEvent {
  const at = Date.parse(record.commit_time);
  const id = `${to.repo}@deploy:${record.sha}`;
  const fact: DeploymentFact = {
    kind: 'deployment',
    ...target(to),
    id,
    environment: to.environment,
    version: record.sha,
    sha: record.sha,
    ref: record.branch,
    status: 'success',
    startedAt: at,
    finishedAt: at,
    intent: 'deploy',
  };
  return { source: 'git', eventId: id, type: 'git.first-parent', occurredAt: at, facts: [fact], raw: record };
}
