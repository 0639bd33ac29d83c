import { Link } from 'react-router';
import { EmptyState } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { TeamLink } from './entity-links.js';
import type { Page, System } from './model.js';
import { importPath, systemPath } from './paths.js';

export function SystemsPage() {
  const systems = useResource<Page<System>>('/systems');
  return (
    <>
      <PageHeader title="Systems" kicker="Catalog">
        <p className="muted">Groups of services that together deliver one product or capability.</p>
      </PageHeader>
      <ResourceView resource={systems}>
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState title="No systems in this tenant yet.">
              <p>
                <Link to={importPath}>Import a catalog-info.yaml</Link> with System entities.
              </p>
            </EmptyState>
          ) : (
            <>
              <p className="count">{`${total} ${total === 1 ? 'system' : 'systems'}`}</p>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Systems</caption>
                  <thead>
                    <tr>
                      <th scope="col">System</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Domain</th>
                      <th scope="col">Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((s) => (
                      <tr key={s.name}>
                        <th scope="row">
                          <Link to={systemPath(s.name)}>{s.name}</Link>
                          {s.title && s.title !== s.name && <span className="cell-sub">{s.title}</span>}
                        </th>
                        <td>
                          <TeamLink name={s.owner} />
                        </td>
                        <td>{s.domain ?? <span className="muted">—</span>}</td>
                        <td className="cell-description">{s.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </ResourceView>
    </>
  );
}
