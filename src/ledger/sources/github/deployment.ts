import type { DeploymentFact, Fact } from '../../facts.js';
import { defined, fullSha, num, obj, str } from '../payload.js';
import { deploymentIntent } from '../rules.js';
import { parseTimestamp } from '../time.js';
import type { GithubInput } from './context.js';

/**
 * GitHub deployment states → the ledger's. `error` is a failed deployment too. `inactive` maps to
 * nothing: GitHub sets it on every earlier deployment to the environment once a newer one lands,
 * whatever their outcome, so it says nothing about how that deployment went.
 */
const STATUS: Record<string, DeploymentFact['status']> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
  in_progress: 'started',
  queued: 'started',
  pending: 'started',
};
const TERMINAL = new Set(['success', 'failure', 'error']);

function deploymentFact(input: GithubInput, state: string, status: Record<string, unknown>): Fact[] {
  const d = obj(input.payload.deployment);
  const id = num(d.id);
  const mapped = STATUS[state];
  if (id === undefined || !mapped) return [];
  const task = str(d.task);
  const description = str(status.description) ?? str(d.description);
  const ref = str(d.ref);
  return [
    defined<DeploymentFact>({
      kind: 'deployment',
      id: `github:${input.fullName}:deployment:${id}`,
      repo: input.repo,
      environment: str(d.environment) ?? str(status.environment) ?? 'unknown',
      sha: fullSha(d.sha),
      ref,
      status: mapped,
      startedAt: parseTimestamp(d.created_at),
      finishedAt: TERMINAL.has(state) ? parseTimestamp(status.created_at) : undefined,
      intent: deploymentIntent(input.rules, task, str(d.description), ref),
      description,
      url: str(status.log_url) ?? str(status.target_url),
    }),
  ];
}

/** deployment (created): a deployment has started. */
export function githubDeployment(input: GithubInput): Fact[] {
  return deploymentFact(input, 'in_progress', {});
}

/** deployment_status: the deployment's state changed. */
export function githubDeploymentStatus(input: GithubInput): Fact[] {
  const status = obj(input.payload.deployment_status);
  return deploymentFact(input, str(status.state) ?? '', status);
}
