import { Link } from 'react-router';
import { EmptyState } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { TeamLink } from './entity-links.js';
import type { Page, Team } from './model.js';
import { importPath, teamPath } from './paths.js';

export function TeamsPage() {
  const teams = useResource<Page<Team>>('/teams');
  return (
    <>
      <PageHeader title="Teams" kicker="Catalog">
        <p className="muted">The groups that own services and systems.</p>
      </PageHeader>
      <ResourceView resource={teams}>
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState title="No teams in this tenant yet.">
              <p>
                <Link to={importPath}>Import a catalog-info.yaml</Link> with Group entities.
              </p>
            </EmptyState>
          ) : (
            <>
              <p className="count">{`${total} ${total === 1 ? 'team' : 'teams'}`}</p>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Teams</caption>
                  <thead>
                    <tr>
                      <th scope="col">Team</th>
                      <th scope="col">Parent</th>
                      <th scope="col">Email</th>
                      <th scope="col" className="numeric">
                        Members
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((t) => (
                      <tr key={t.name}>
                        <th scope="row">
                          <Link to={teamPath(t.name)}>{t.name}</Link>
                          {t.title && t.title !== t.name && <span className="cell-sub">{t.title}</span>}
                        </th>
                        <td>
                          <TeamLink name={t.parent} />
                        </td>
                        <td>
                          {t.email ? (
                            <a href={`mailto:${t.email}`}>{t.email}</a>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        <td className="numeric">{t.members.length}</td>
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
