import { normaliseRepoUrl } from '../../facts.js';
import { obj, str } from '../payload.js';
import type { SourceRules } from '../rules.js';

/** What every GitHub event mapper gets. */
export interface GithubInput {
  payload: Record<string, unknown>;
  receivedAt: number;
  rules: SourceRules;
  /** Normalised repository URL */
  repo?: string;
  /** `owner/name`, for stable fact ids */
  fullName: string;
}

export function githubInput(payload: unknown, receivedAt: number, rules: SourceRules): GithubInput {
  const p = obj(payload);
  const repository = obj(p.repository);
  const repo = normaliseRepoUrl(str(repository.html_url));
  return { payload: p, receivedAt, rules, repo, fullName: str(repository.full_name) ?? 'unknown' };
}
