import type { Page } from '../catalog/model.js';
import { EmptyState } from '../components/empty-state.js';
import { useDateTime } from '../components/format.js';
import { Pagination } from '../components/pagination.js';
import { ResourceView } from '../components/resource-view.js';
import type { Resource } from '../components/use-resource.js';
import type { LedgerEvent } from './model.js';
import { RepoLink } from './repo-link.js';

/** Events whose repository resolves to no catalog service; a mapping for the repository matches them. */
export function UnmatchedEvents(props: {
  events: Resource<Page<LedgerEvent>>;
  offset: number;
  limit: number;
  onPage(offset: number): void;
  /** Offered per row when the caller may add mappings: starts a mapping for that repository. */
  onMap?: (repo: string) => void;
}) {
  const dateTime = useDateTime();
  const { onMap } = props;
  return (
    <ResourceView resource={props.events}>
      {({ items, total }) =>
        items.length === 0 ? (
          <EmptyState title="Every event names a catalog service." />
        ) : (
          <div aria-busy={props.events.loading}>
            <div className="table-wrap">
              <table className="table" data-testid="unmatched-events">
                <caption className="visually-hidden">Unmatched events</caption>
                <thead>
                  <tr>
                    <th scope="col">Repository</th>
                    <th scope="col">Type</th>
                    <th scope="col">Source</th>
                    <th scope="col">Received</th>
                    {onMap && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row" className="cell-wrap">
                        {e.repo ? <RepoLink repo={e.repo} /> : <span className="muted">no repository</span>}
                      </th>
                      <td>
                        <code>{e.type}</code>
                      </td>
                      <td>{e.source}</td>
                      <td>
                        <time dateTime={e.receivedAt}>{dateTime(e.receivedAt)}</time>
                      </td>
                      {onMap && (
                        <td className="cell-actions">
                          {e.repo && (
                            <button
                              type="button"
                              className="button button-small"
                              onClick={() => onMap(e.repo ?? '')}
                              aria-label={`Map ${e.repo} to a service`}
                            >
                              Map…
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination offset={props.offset} limit={props.limit} total={total} onChange={props.onPage} />
          </div>
        )
      }
    </ResourceView>
  );
}
