import { Link, useParams } from 'react-router';
import { ServiceLink } from '../catalog/entity-links.js';
import { EmptyState } from '../components/empty-state.js';
import { useDateTime } from '../components/format.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { safeUrl } from '../components/safe-url.js';
import { useResource } from '../components/use-resource.js';
import { KindBadge, ShortSha, StatusBadge } from './badges.js';
import { explainDerivation } from './derivation.js';
import type { DeploymentDetail, ShippedCommit } from './model.js';
import { apiPath, deploymentPath } from './paths.js';
import { RepoLink } from './repo-link.js';
import { WorkItems } from './work-items.js';

export function DeploymentPage() {
  const { id = '' } = useParams();
  const deployment = useResource<DeploymentDetail>(apiPath.deployment(id));
  return <ResourceView resource={deployment}>{(d) => <DeploymentView deployment={d} />}</ResourceView>;
}

function DeploymentView({ deployment: d }: { deployment: DeploymentDetail }) {
  const dateTime = useDateTime();
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{dateTime(iso)}</time> : <span className="muted">—</span>;
  const href = safeUrl(d.url);
  return (
    <>
      <PageHeader title={`${d.service ?? 'Unmatched repository'} to ${d.environment}`} kicker="Deployment">
        <p className="entity-name">{d.id}</p>
        <p className="badges">
          <StatusBadge status={d.status} />
          {d.kind && <KindBadge kind={d.kind} />}
        </p>
      </PageHeader>

      <div className="detail-grid">
        <section className="panel" aria-labelledby="deployment-facts">
          <h2 id="deployment-facts">Overview</h2>
          <dl className="facts">
            <dt>Service</dt>
            <dd>{d.service ? <ServiceLink name={d.service} /> : <span className="muted">unmatched</span>}</dd>
            <dt>Environment</dt>
            <dd>{d.environment}</dd>
            <dt>Version</dt>
            <dd>{d.version ?? <span className="muted">—</span>}</dd>
            <dt>Commit</dt>
            <dd>{d.sha ? <code className="sha">{d.sha}</code> : <span className="muted">—</span>}</dd>
            <dt>Ref</dt>
            <dd>{d.ref ? <code>{d.ref}</code> : <span className="muted">—</span>}</dd>
            <dt>Repository</dt>
            <dd>
              <RepoLink repo={d.repo} />
            </dd>
            <dt>Started</dt>
            <dd>{when(d.startedAt)}</dd>
            <dt>Finished</dt>
            <dd>{when(d.finishedAt)}</dd>
            <dt>Kind</dt>
            <dd>
              <KindBadge kind={d.kind} />
            </dd>
            <dt>Source</dt>
            <dd>
              {d.source}
              {href && (
                <>
                  {' · '}
                  <a href={href} rel="noopener noreferrer" target="_blank">
                    Open in {d.source}
                  </a>
                </>
              )}
            </dd>
          </dl>
        </section>

        <section className="panel" aria-labelledby="deployment-baseline">
          <h2 id="deployment-baseline">What it shipped</h2>
          <dl className="facts">
            <dt>Previous deployment</dt>
            <dd>
              {d.previousId ? (
                <Link to={deploymentPath(d.previousId)}>{d.previousId}</Link>
              ) : (
                <span className="muted">none</span>
              )}
            </dd>
            <dt>Commits shipped</dt>
            <dd>{d.shippedCount ?? <span className="muted">not counted</span>}</dd>
          </dl>
          <p className={`derivation derivation-${d.derivation}`} data-testid="derivation">
            {explainDerivation(d)}
          </p>
        </section>
      </div>

      <section className="section" aria-labelledby="deployment-commits">
        <h2 id="deployment-commits">Shipped commits</h2>
        {d.shipped.length === 0 ? (
          <EmptyState title="No shipped commits counted for this deployment.">
            <p>Why is explained under “What it shipped” above.</p>
          </EmptyState>
        ) : (
          <CommitsTable commits={d.shipped} />
        )}
      </section>
    </>
  );
}

function CommitsTable({ commits }: { commits: ShippedCommit[] }) {
  const dateTime = useDateTime();
  const repos = new Set(commits.map((c) => c.repo));
  return (
    <>
      <p className="count">{`${commits.length} ${commits.length === 1 ? 'commit' : 'commits'}, newest first`}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Commits this deployment shipped</caption>
          <thead>
            <tr>
              <th scope="col">Commit</th>
              {repos.size > 1 && <th scope="col">Repository</th>}
              <th scope="col">Committed</th>
              <th scope="col">Authored</th>
              <th scope="col">Work items</th>
            </tr>
          </thead>
          <tbody>
            {commits.map((c) => (
              <tr key={`${c.repo} ${c.sha}`}>
                <th scope="row">
                  <ShortSha sha={c.sha} />
                </th>
                {repos.size > 1 && (
                  <td>
                    <RepoLink repo={c.repo} />
                  </td>
                )}
                <td>
                  <time dateTime={c.committedAt}>{dateTime(c.committedAt)}</time>
                </td>
                <td>
                  <time dateTime={c.authoredAt}>{dateTime(c.authoredAt)}</time>
                </td>
                <td>
                  <WorkItems items={c.workItems} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
