import type { Fact, PipelineRunFact, RunStatus } from '../../facts.js';
import { defined, fullSha, num, obj, str } from '../payload.js';
import { parseTimestamp } from '../time.js';
import type { GithubInput } from './context.js';

/** GitHub check/workflow `status` + `conclusion` → run status. */
export function githubRunStatus(status: string | undefined, conclusion: string | undefined): RunStatus {
  if (status === 'in_progress') return 'running';
  if (status !== 'completed') return 'queued'; // queued, requested, waiting, pending
  switch (conclusion) {
    case 'success':
    case 'neutral':
      return 'success';
    case 'failure':
    case 'timed_out':
      return 'failure';
    case 'cancelled':
    case 'stale':
      return 'cancelled';
    case 'skipped':
      return 'skipped';
    case 'action_required':
      // Waiting for someone to approve the run; it has not run yet.
      return 'queued';
    default:
      return 'error'; // startup_failure, or completed with no conclusion
  }
}

function run(
  input: GithubInput,
  kind: string,
  category: PipelineRunFact['category'],
  fields: Record<string, unknown>,
): Fact[] {
  const id = num(fields.id);
  if (id === undefined) return [];
  const status = githubRunStatus(str(fields.status), str(fields.conclusion));
  return [
    defined<PipelineRunFact>({
      kind: 'pipeline_run',
      category,
      id: `github:${input.fullName}:${kind}:${id}`,
      repo: input.repo,
      name: str(fields.name),
      sha: fullSha(fields.sha),
      ref: str(fields.ref),
      status,
      startedAt: parseTimestamp(fields.startedAt),
      finishedAt: str(fields.status) === 'completed' ? parseTimestamp(fields.finishedAt) : undefined,
      url: str(fields.url),
    }),
  ];
}

/** workflow_run: one GitHub Actions workflow run. */
export function githubWorkflowRun(input: GithubInput): Fact[] {
  const r = obj(input.payload.workflow_run);
  return run(input, 'workflow_run', 'pipeline', {
    ...r,
    sha: r.head_sha,
    ref: r.head_branch,
    startedAt: r.run_started_at ?? r.created_at,
    finishedAt: r.updated_at,
    url: r.html_url,
  });
}

/** check_suite: all checks of one app on one commit. */
export function githubCheckSuite(input: GithubInput): Fact[] {
  const s = obj(input.payload.check_suite);
  return run(input, 'check_suite', 'check', {
    ...s,
    name: obj(s.app).name,
    sha: s.head_sha,
    ref: s.head_branch,
    startedAt: s.created_at,
    finishedAt: s.updated_at,
    url: undefined,
  });
}

/** check_run: one check. */
export function githubCheckRun(input: GithubInput): Fact[] {
  const r = obj(input.payload.check_run);
  return run(input, 'check_run', 'check', {
    ...r,
    sha: r.head_sha,
    ref: obj(r.check_suite).head_branch,
    startedAt: r.started_at,
    finishedAt: r.completed_at,
    url: r.html_url,
  });
}
