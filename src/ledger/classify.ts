/** Rules that tell planned deployments from unplanned ones; a tenant may override the defaults. */
export interface DeploymentRules {
  hotfix: RegExp;
  rollback: RegExp;
}

export const defaultDeploymentRules: DeploymentRules = {
  hotfix: /hotfix/i,
  rollback: /\b(rollback|roll back|revert)\b/i,
};

export type DeploymentKind = 'planned' | 'rollback' | 'hotfix';

/**
 * Planned, or unplanned (rollback, hotfix), by rule:
 * - the source said so (CDEvents service.rolledback, a deployment task or description);
 * - it redeploys a version older than the one running: its sha is a strict ancestor of the previous
 *   deployment's (nothing new shipped, a different sha);
 * - its ref, version or description matches the hotfix or rollback pattern.
 */
export function classifyDeployment(d: {
  intent: string | null;
  ref: string | null;
  version: string | null;
  description: string | null;
  olderThanPrevious: boolean;
  rules?: DeploymentRules;
}): DeploymentKind {
  const rules = d.rules ?? defaultDeploymentRules;
  if (d.intent === 'rollback' || d.olderThanPrevious) return 'rollback';
  if (d.intent === 'hotfix') return 'hotfix';
  const text = [d.ref, d.version, d.description].filter(Boolean).join(' ');
  if (rules.rollback.test(text)) return 'rollback';
  if (rules.hotfix.test(text)) return 'hotfix';
  return 'planned';
}
