import type { ArtifactFact, DeploymentFact, Fact } from '../../facts.js';
import { defined, fullSha, num, obj, str } from '../payload.js';
import { deploymentIntent } from '../rules.js';
import { parseTimestamp } from '../time.js';
import type { GitlabInput } from './context.js';

const STATUS: Record<string, DeploymentFact['status']> = {
  created: 'started',
  running: 'started',
  success: 'success',
  failed: 'failure',
  canceled: 'cancelled',
};

/** Deployment Hook: one deployment's status change. The full sha is the tail of `commit_url`. */
export function gitlabDeployment({ payload, rules, repo, path }: GitlabInput): Fact[] {
  const id = num(payload.deployment_id);
  const status = STATUS[str(payload.status) ?? ''];
  if (id === undefined || !status) return [];
  const at = parseTimestamp(payload.status_changed_at);
  const ref = str(payload.ref);
  const title = str(payload.commit_title);
  return [
    defined<DeploymentFact>({
      kind: 'deployment',
      id: `gitlab:${path}:deployment:${id}`,
      repo,
      environment: str(payload.environment) ?? 'unknown',
      sha: fullSha(str(payload.commit_url)?.split('/').pop()),
      ref,
      status,
      startedAt: status === 'started' ? at : undefined,
      finishedAt: status === 'started' ? undefined : at,
      intent: deploymentIntent(rules, ref, title),
      description: title,
      url: str(payload.deployable_url),
    }),
  ];
}

/** Release Hook: create → released under its tag; delete → deleted; update → nothing. */
export function gitlabRelease({ payload, receivedAt, repo, path }: GitlabInput): Fact[] {
  const tag = str(payload.tag);
  const action = str(payload.action);
  if (!tag || (action !== 'create' && action !== 'delete')) return [];
  return [
    defined<ArtifactFact>({
      kind: 'artifact',
      id: `gitlab:${path}@${tag}`,
      repo,
      action: action === 'create' ? 'released' : 'deleted',
      version: tag,
      sha: fullSha(obj(payload.commit).id),
      at: parseTimestamp(payload.released_at) ?? parseTimestamp(payload.created_at) ?? receivedAt,
      url: str(payload.url),
    }),
  ];
}
