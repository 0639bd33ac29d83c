import type { Fact, PipelineRunFact, RunStatus } from '../../facts.js';
import { defined, fullSha, num, obj, str } from '../payload.js';
import { parseTimestamp } from '../time.js';
import type { GitlabInput } from './context.js';

/** GitLab pipeline and job statuses → run status. */
export function gitlabRunStatus(status: string | undefined): RunStatus {
  switch (status) {
    case 'running':
      return 'running';
    case 'success':
      return 'success';
    case 'failed':
      return 'failure';
    case 'canceled':
    case 'canceling':
      return 'cancelled';
    case 'skipped':
      return 'skipped';
    default:
      return 'queued'; // created, waiting_for_resource, preparing, pending, scheduled, manual
  }
}

const DONE = new Set(['success', 'failed', 'canceled', 'skipped']);

/** Pipeline Hook: the pipeline (its jobs arrive as Job Hooks of their own). */
export function gitlabPipeline({ payload, repo, path }: GitlabInput): Fact[] {
  const p = obj(payload.object_attributes);
  const id = num(p.id);
  if (id === undefined) return [];
  const status = str(p.status);
  return [
    defined<PipelineRunFact>({
      kind: 'pipeline_run',
      category: 'pipeline',
      id: `gitlab:${path}:pipeline:${id}`,
      repo,
      name: str(p.name),
      sha: fullSha(p.sha),
      ref: str(p.ref),
      status: gitlabRunStatus(status),
      startedAt: parseTimestamp(p.created_at),
      finishedAt: DONE.has(status ?? '') ? parseTimestamp(p.finished_at) : undefined,
      url: str(p.url),
    }),
  ];
}

/** Job Hook: one job of a pipeline, as a task run. */
export function gitlabJob({ payload, repo, path }: GitlabInput): Fact[] {
  const id = num(payload.build_id);
  if (id === undefined) return [];
  const status = str(payload.build_status);
  return [
    defined<PipelineRunFact>({
      kind: 'pipeline_run',
      category: 'task',
      id: `gitlab:${path}:job:${id}`,
      repo,
      name: str(payload.build_name),
      sha: fullSha(payload.sha),
      ref: str(payload.ref),
      status: gitlabRunStatus(status),
      startedAt: parseTimestamp(payload.build_started_at),
      finishedAt: DONE.has(status ?? '') ? parseTimestamp(payload.build_finished_at) : undefined,
      url: repo ? `${repo}/-/jobs/${id}` : undefined,
    }),
  ];
}
