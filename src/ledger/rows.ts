import { toJson } from '../store/tables.js';
import type {
  ChangeFact,
  DeploymentFact,
  Fact,
  IncidentFact,
  PipelineRunFact,
  TestRunFact,
} from './facts.js';
import type { ChangeTable, DeploymentTable, RunTable, SourceIncidentTable } from './tables.js';

/** Facts that describe an entity across several events; commits and artifacts are immutable and stored directly. */
export type EntityKind = 'change' | 'run' | 'deployment' | 'incident';

export function entityOf(fact: Fact): { kind: EntityKind; id: string } | undefined {
  switch (fact.kind) {
    case 'change':
      return { kind: 'change', id: fact.id };
    case 'pipeline_run':
    case 'test_run':
      return { kind: 'run', id: fact.id };
    case 'deployment':
      return { kind: 'deployment', id: fact.id };
    case 'incident':
      return { kind: 'incident', id: fact.id };
    default:
      return undefined;
  }
}

type Folded<F> = F & { asOf: number };
type Row<T> = Omit<T, 'tenant_id'>;

export function changeRow(f: Folded<ChangeFact>, service: string | undefined, now: number): Row<ChangeTable> {
  return {
    change_id: f.id,
    repo: f.repo ?? null,
    service: service ?? null,
    number: f.number ?? null,
    title: f.title ?? null,
    state: f.state,
    opened_at: f.openedAt ?? null,
    first_commit_at: f.firstCommitAt ?? null,
    first_review_at: f.firstReviewAt ?? null,
    merged_at: f.mergedAt ?? null,
    merge_sha: f.mergeSha ?? null,
    head_sha: f.headSha ?? null,
    commits: toJson(f.commits ?? []),
    work_items: toJson(f.workItems ?? []),
    url: f.url ?? null,
    updated_at: now,
  };
}

export function runRow(f: Folded<PipelineRunFact | TestRunFact>, service: string | undefined): Row<RunTable> {
  return {
    run_id: f.id,
    category: f.kind === 'pipeline_run' ? f.category : f.level,
    repo: f.repo ?? null,
    service: service ?? null,
    name: f.name ?? null,
    sha: f.sha ?? null,
    ref: f.kind === 'pipeline_run' ? (f.ref ?? null) : null,
    status: f.status,
    started_at: f.startedAt ?? null,
    finished_at: f.finishedAt ?? null,
    url: f.kind === 'pipeline_run' ? (f.url ?? null) : null,
    as_of: f.asOf,
  };
}

export function deploymentRow(
  f: Folded<DeploymentFact>,
  service: string | undefined,
  at: { source: string; now: number },
): Row<DeploymentTable> {
  const { source, now } = at;
  return {
    deployment_id: f.id,
    run_id: f.runId ?? null,
    service: service ?? null,
    repo: f.repo ?? null,
    environment: f.environment,
    version: f.version ?? null,
    sha: f.sha ?? null,
    ref: f.ref ?? null,
    status: f.status,
    started_at: f.startedAt ?? null,
    // A success without a finish time finished when the source said so.
    finished_at: f.finishedAt ?? (f.status === 'success' || f.status === 'failure' ? f.asOf : null),
    intent: f.intent ?? null,
    description: f.description ?? null,
    url: f.url ?? null,
    source,
    as_of: f.asOf,
    kind: null,
    previous_id: null,
    derive_state: 'dirty',
    dirty_gen: 0,
    shipped_count: null,
    changed_at: now,
  };
}

export function incidentRow(
  f: Folded<IncidentFact>,
  service: string | undefined,
  at: { source: string; now: number },
): Row<SourceIncidentTable> {
  const { source, now } = at;
  return {
    incident_id: f.id,
    service: service ?? null,
    repo: f.repo ?? null,
    environment: f.environment ?? null,
    title: f.title ?? null,
    severity: f.severity ?? null,
    status: f.status,
    detected_at: f.detectedAt ?? null,
    resolved_at: f.status === 'resolved' ? (f.resolvedAt ?? f.asOf) : null,
    url: f.url ?? null,
    deployment_id: f.deploymentId ?? null,
    source,
    as_of: f.asOf,
    changed_at: now,
  };
}
