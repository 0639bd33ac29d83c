import { Link } from 'react-router';
import { queryString } from '../api.js';
import type { Page } from '../catalog/model.js';
import { EmptyState } from '../components/empty-state.js';
import { useDateTime } from '../components/format.js';
import { ResourceView } from '../components/resource-view.js';
import { safeUrl } from '../components/safe-url.js';
import { useResource } from '../components/use-resource.js';
import { ChangeStateBadge } from './badges.js';
import { DeploymentsTable } from './deployments-table.js';
import type { Change, Deployment } from './model.js';
import { deploymentsPath } from './paths.js';
import { WorkItems } from './work-items.js';

const recent = 10;

/** The "Delivery" section of a service page: its latest deployments and changes. */
export function ServiceDelivery({ service }: { service: string }) {
  const deployments = useResource<Page<Deployment>>(`/deployments${queryString({ service, limit: recent })}`);
  const changes = useResource<Page<Change>>(`/changes${queryString({ service, limit: recent })}`);
  return (
    <section className="section" aria-labelledby="service-delivery">
      <h2 id="service-delivery">Delivery</h2>
      <div className="subsection">
        <div className="subsection-header">
          <h3 id="service-deployments">Recent deployments</h3>
          {deployments.data && deployments.data.total > 0 && (
            <Link to={`${deploymentsPath}${queryString({ service })}`}>
              All {deployments.data.total} deployments
            </Link>
          )}
        </div>
        <ResourceView resource={deployments}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No deployments recorded for this service." />
            ) : (
              <DeploymentsTable deployments={items} caption={`Recent deployments of ${service}`} />
            )
          }
        </ResourceView>
      </div>
      <div className="subsection">
        <h3 id="service-changes">Recent changes</h3>
        <ResourceView resource={changes}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No pull or merge requests recorded for this service." />
            ) : (
              <ChangesTable changes={items} caption={`Recent changes of ${service}`} />
            )
          }
        </ResourceView>
      </div>
    </section>
  );
}

function ChangesTable({ changes, caption }: { changes: Change[]; caption: string }) {
  const dateTime = useDateTime();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">State</th>
            <th scope="col">Merged</th>
            <th scope="col">Work items</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => {
            const title = c.title || (c.number !== null ? `#${c.number}` : c.id);
            const href = safeUrl(c.url);
            return (
              <tr key={c.id}>
                <th scope="row" className="cell-wrap">
                  {href ? (
                    <a href={href} rel="noopener noreferrer" target="_blank">
                      {title}
                    </a>
                  ) : (
                    title
                  )}
                  {c.number !== null && c.title && <span className="cell-sub">#{c.number}</span>}
                </th>
                <td>
                  <ChangeStateBadge state={c.state} />
                </td>
                <td>
                  {c.mergedAt ? (
                    <time dateTime={c.mergedAt}>{dateTime(c.mergedAt)}</time>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <WorkItems items={c.workItems} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
