/**
 * Delivery facts: what the ledger records, whatever the source said it in. Each source's mapper
 * turns one inbound event into zero or more facts; an event that maps to none is kept raw and
 * reported as unmapped. All times are epoch milliseconds (UTC). `repo` is a normalised repository
 * URL (see normaliseRepoUrl); `service` is a catalog service name when the source names one.
 */

export type FactTarget = { service?: string; repo?: string };

export interface CommitFact extends FactTarget {
  kind: 'commit';
  sha: string;
  parents: string[];
  authoredAt: number;
  committedAt: number;
  /** Author identity: an e-mail hash (first 16 hex of sha256 of the lower-cased e-mail) or a login. */
  author?: string;
  subject?: string;
  workItems: string[];
}

export interface ChangeFact extends FactTarget {
  kind: 'change';
  /** Stable per source, e.g. `github:acme/shop#42`, `gitlab:group/proj!7`, a CDEvents change id. */
  id: string;
  number?: number;
  title?: string;
  state: 'open' | 'merged' | 'closed';
  openedAt?: number;
  firstCommitAt?: number;
  firstReviewAt?: number;
  mergedAt?: number;
  mergeSha?: string;
  headSha?: string;
  /** Commits the change carried, when the source lists them (GitLab merge requests, pushes). */
  commits?: string[];
  workItems: string[];
  url?: string;
}

export type RunStatus = 'queued' | 'running' | 'success' | 'failure' | 'cancelled' | 'error' | 'skipped';

export interface PipelineRunFact extends FactTarget {
  kind: 'pipeline_run';
  /** pipeline, build, task, or a check (GitHub check run/suite) */
  category: 'pipeline' | 'build' | 'task' | 'check';
  id: string;
  name?: string;
  sha?: string;
  ref?: string;
  status: RunStatus;
  startedAt?: number;
  finishedAt?: number;
  url?: string;
}

export interface TestRunFact extends FactTarget {
  kind: 'test_run';
  /** a whole suite or one case */
  level: 'suite' | 'case';
  id: string;
  name?: string;
  sha?: string;
  pipelineRunId?: string;
  status: RunStatus;
  startedAt?: number;
  finishedAt?: number;
}

export interface ArtifactFact extends FactTarget {
  kind: 'artifact';
  id: string;
  action: 'packaged' | 'published' | 'signed' | 'downloaded' | 'deleted' | 'released';
  version?: string;
  sha?: string;
  at: number;
  url?: string;
}

export interface DeploymentFact extends FactTarget {
  kind: 'deployment';
  /** Stable per source; several records of one pipeline run share `runId` and collapse into one. */
  id: string;
  runId?: string;
  environment: string;
  version?: string;
  sha?: string;
  ref?: string;
  status: 'started' | 'success' | 'failure' | 'cancelled';
  startedAt?: number;
  finishedAt?: number;
  /** What the source says it was; the ledger's rules decide planned vs rollback/hotfix. */
  intent?: 'deploy' | 'rollback' | 'hotfix' | 'remove';
  description?: string;
  url?: string;
}

export interface IncidentFact extends FactTarget {
  kind: 'incident';
  id: string;
  environment?: string;
  title?: string;
  severity?: string;
  status: 'detected' | 'reported' | 'resolved';
  detectedAt?: number;
  resolvedAt?: number;
  url?: string;
  /** An explicit link to the deployment that caused it, when the source knows it. */
  deploymentId?: string;
  /** The artifact (e.g. a purl) running when it happened, when the source names it (CDEvents). */
  artifactId?: string;
}

export type Fact =
  | CommitFact
  | ChangeFact
  | PipelineRunFact
  | TestRunFact
  | ArtifactFact
  | DeploymentFact
  | IncidentFact;
export type FactKind = Fact['kind'];

export type SourceKind = 'cdevents' | 'github' | 'gitlab' | 'git' | 'api';

/** One inbound event after validation and mapping; stored raw beside its facts. */
export interface MappedEvent {
  source: SourceKind;
  /** Idempotency key within the source: the CDEvents context id, GitHub delivery id, … */
  eventId: string;
  type: string;
  occurredAt: number;
  facts: Fact[];
  raw: unknown;
  /** The event exactly as received (an NDJSON line, a webhook body), kept instead of re-serialising `raw`. */
  rawText?: string;
}

/** Work-item keys in titles and messages: `ABC-123` (Jira style) and `#123` (GitHub/GitLab style). */
export function workItemsIn(...texts: (string | undefined | null)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(/\b([A-Z][A-Z0-9]{1,9}-\d{1,7})\b/g)) found.add(m[1]!);
    for (const m of text.matchAll(/(?:^|[\s([])#(\d{1,7})\b/g)) found.add(`#${m[1]}`);
  }
  return [...found].sort();
}

/**
 * One spelling per repository, so facts from GitHub, GitLab, CDEvents and git match each other and
 * the catalog: https, lower-case host, no credentials, no `.git`, no trailing slash.
 * `git@github.com:acme/shop.git` → `https://github.com/acme/shop`.
 */
export function normaliseRepoUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  let u = url.trim();
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(u);
  if (scp) u = `https://${scp[1]}/${scp[2]}`;
  try {
    const parsed = new URL(u.replace(/^git\+/, '').replace(/^(ssh|git):\/\//, 'https://'));
    const path = parsed.pathname.replace(/\.git$/, '').replace(/\/+$/, '');
    return `https://${parsed.hostname.toLowerCase()}${parsed.port ? `:${parsed.port}` : ''}${path}`;
  } catch {
    return undefined;
  }
}
