import type { Deployment } from './model.js';

/** What the ledger could say about the commits a deployment shipped, in words (src/ledger/derive.ts). */
export function explainDerivation(
  d: Pick<Deployment, 'derivation' | 'environment' | 'shippedCount'>,
): string {
  switch (d.derivation) {
    case 'ok':
      return d.shippedCount === 0
        ? 'Derived: this deployment shipped no commit that the previous one had not (a redeploy or a rollback).'
        : 'Derived: the commits reachable from this deployment’s commit and not from the previous deployment’s.';
    case 'first':
      return `First successful deployment of this service to ${d.environment}: no baseline, its changes are not counted.`;
    case 'no-sha':
      return 'This deployment or the previous one names no commit (or no repository), so what it shipped cannot be derived.';
    case 'missing-commits':
      return 'Some commits between the previous deployment and this one are not known yet; the list below is incomplete until the repository’s history is imported.';
    case 'not-success':
      return 'The deployment did not succeed, so it shipped nothing; its changes count towards the next successful one.';
    case 'dirty':
      return 'Being derived: new facts arrived and the shipped commits are being worked out again. Reload in a moment.';
    default:
      return `Unknown derivation state “${String(d.derivation)}”.`;
  }
}
