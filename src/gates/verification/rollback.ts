/** Which deployment to roll back to after a failed verification. */

export type VerificationResult = 'pass' | 'warning' | 'fail';

export interface DeploymentSummary {
  id: string;
  sha: string;
  /** ISO 8601 instant. */
  finishedAt: string;
  status: 'success' | 'failure' | 'in_progress' | 'cancelled' | 'rolled_back';
  /** Result of its verification, null when it was never verified. */
  verification: VerificationResult | null;
}

export interface RollbackRecommendation {
  /** The deployment being rolled back. */
  from: DeploymentSummary | null;
  target: DeploymentSummary | null;
  reason: string;
}

/**
 * The latest deployment before `failedId` (default: the latest one) that succeeded and whose verification
 * did not fail, skipping deployments of the same sha, which would redeploy the same change.
 */
export function recommendRollback(
  deployments: readonly DeploymentSummary[],
  failedId?: string,
): RollbackRecommendation {
  const byTime = [...deployments].sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt));
  const from = failedId === undefined ? (byTime[0] ?? null) : (byTime.find((d) => d.id === failedId) ?? null);
  if (!from) {
    return {
      from: null,
      target: null,
      reason: failedId ? `deployment ${failedId} is unknown` : 'no deployments',
    };
  }
  const earlier = byTime.filter((d) => Date.parse(d.finishedAt) < Date.parse(from.finishedAt));
  const target = earlier.find(
    (d) => d.status === 'success' && d.verification !== 'fail' && d.sha !== from.sha,
  );
  if (!target) {
    return {
      from,
      target: null,
      reason: `no earlier successful deployment with a different sha than ${from.sha}`,
    };
  }
  const skipped = earlier.indexOf(target);
  const how =
    target.verification === null
      ? 'succeeded (not verified)'
      : `succeeded and passed verification${target.verification === 'warning' ? ' with a warning' : ''}`;
  return {
    from,
    target,
    reason:
      `roll back to ${target.sha.slice(0, 12)} (deployment ${target.id}, ${target.finishedAt}): the latest earlier deployment that ${how}` +
      (skipped > 0 ? `; ${skipped} more recent deployment${skipped === 1 ? '' : 's'} skipped` : ''),
  };
}
