import type { Deployment, DeploymentKind, DeploymentStatus } from './model.js';

export const statusLabel: Record<DeploymentStatus, string> = {
  started: 'In progress',
  success: 'Succeeded',
  failure: 'Failed',
  cancelled: 'Cancelled',
};

export function StatusBadge({ status }: { status: DeploymentStatus }) {
  return <span className={`badge badge-status-${status}`}>{statusLabel[status] ?? status}</span>;
}

/** Planned deployments are the norm and stay quiet; rollbacks and hotfixes are unplanned and stand out. */
export function KindBadge({ kind }: { kind: DeploymentKind | null }) {
  if (kind === null) return <span className="muted">—</span>;
  return <span className={`badge badge-kind-${kind}`}>{kind}</span>;
}

export function ChangeStateBadge({ state }: { state: string }) {
  return <span className={`badge badge-change-${state.replace(/[^a-z]/g, '')}`}>{state}</span>;
}

/** The first 7 hex digits, like git's short form; the full sha is in the title and for copying. */
export function ShortSha({ sha }: { sha: string | null }) {
  if (!sha) return <span className="muted">—</span>;
  return (
    <code className="sha" title={sha}>
      {sha.slice(0, 7)}
    </code>
  );
}

/** "1.4.0 · 3f2a9c1", or whichever of the two the deployment names. */
export function VersionCell({ deployment: d }: { deployment: Pick<Deployment, 'version' | 'sha'> }) {
  if (!d.version) return <ShortSha sha={d.sha} />;
  return (
    <>
      <span className="version">{d.version}</span>
      {d.sha && (
        <span className="cell-sub">
          <ShortSha sha={d.sha} />
        </span>
      )}
    </>
  );
}
