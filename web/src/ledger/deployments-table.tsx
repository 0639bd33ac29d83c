import { Link } from 'react-router';
import { ServiceLink } from '../catalog/entity-links.js';
import { useDateTime } from '../components/format.js';
import { KindBadge, StatusBadge, VersionCell } from './badges.js';
import type { Deployment } from './model.js';
import { deploymentPath } from './paths.js';

/**
 * Deployments newest first, as the API orders them. The row header is when the deployment finished
 * (or started, while it runs), linked to its page; a service page leaves out the service column.
 */
export function DeploymentsTable(props: {
  deployments: Deployment[];
  caption: string;
  showService?: boolean;
}) {
  const dateTime = useDateTime();
  const { deployments, caption, showService = false } = props;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Finished</th>
            {showService && <th scope="col">Service</th>}
            <th scope="col">Environment</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Kind</th>
            <th scope="col" className="numeric">
              Shipped
            </th>
          </tr>
        </thead>
        <tbody>
          {deployments.map((d) => {
            const at = d.finishedAt ?? d.startedAt;
            return (
              <tr
                key={d.id}
                className={d.kind === 'rollback' || d.kind === 'hotfix' ? 'row-unplanned' : undefined}
              >
                <th scope="row">
                  <Link to={deploymentPath(d.id)}>
                    {at ? <time dateTime={at}>{dateTime(at)}</time> : d.id}
                  </Link>
                  {!d.finishedAt && d.startedAt && <span className="cell-sub">started, not finished</span>}
                </th>
                {showService && (
                  <td>
                    {d.service ? <ServiceLink name={d.service} /> : <span className="muted">unmatched</span>}
                  </td>
                )}
                <td>{d.environment}</td>
                <td>
                  <VersionCell deployment={d} />
                </td>
                <td>
                  <StatusBadge status={d.status} />
                </td>
                <td>
                  <KindBadge kind={d.kind} />
                </td>
                <td className="numeric">
                  <ShippedCount deployment={d} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A count only where one was derived: a first deployment or a failed one has none, not zero. */
function ShippedCount({ deployment: d }: { deployment: Deployment }) {
  if (d.shippedCount === null) return <span className="muted">—</span>;
  return (
    <>
      {d.shippedCount}
      {d.derivation === 'missing-commits' && <span className="cell-sub">incomplete</span>}
    </>
  );
}
