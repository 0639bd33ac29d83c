import { normaliseRepoUrl } from '../../facts.js';
import { obj, str } from '../payload.js';
import type { SourceRules } from '../rules.js';

/** What every GitLab event mapper gets. */
export interface GitlabInput {
  payload: Record<string, unknown>;
  receivedAt: number;
  rules: SourceRules;
  repo?: string;
  /** `group/project`, for stable fact ids */
  path: string;
}

export function gitlabInput(payload: unknown, receivedAt: number, rules: SourceRules): GitlabInput {
  const p = obj(payload);
  const project = obj(p.project);
  const repository = obj(p.repository);
  const url = str(project.web_url) ?? str(repository.homepage);
  const repo = normaliseRepoUrl(url);
  const path =
    str(project.path_with_namespace) ??
    str(p.project_name)?.replace(/\s*\/\s*/g, '/') ??
    (repo ? new URL(repo).pathname.slice(1) : undefined) ??
    'unknown';
  return { payload: p, receivedAt, rules, repo, path };
}
