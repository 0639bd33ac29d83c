import { Fragment } from 'react';
import { EmptyState } from '../components/empty-state.js';
import { useDateTime } from '../components/format.js';
import type { Delivery, NotificationTarget } from './model.js';

const shown = 50;
const eventLabel: Record<string, string> = {
  'slo.alert.opened': 'Alert opened',
  'slo.alert.resolved': 'Alert resolved',
};

/** Each notification, newest first, with every attempt to deliver it. */
export function DeliveriesTable({
  deliveries,
  targets,
}: {
  deliveries: Delivery[];
  targets: NotificationTarget[];
}) {
  const dateTime = useDateTime();
  if (deliveries.length === 0) return <EmptyState title="No notification has been sent yet." />;
  const targetName = (id: string) => targets.find((t) => t.id === id)?.name ?? 'removed target';
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="deliveries-table">
          <caption className="visually-hidden">Recent deliveries</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Target</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.slice(0, shown).map((d) => (
              <tr key={d.id}>
                <th scope="row">{eventLabel[d.event] ?? d.event}</th>
                <td>{targetName(d.targetId)}</td>
                <td>
                  <span className={`badge badge-delivery-${d.status}`}>{d.status}</span>
                </td>
                <td className="cell-wrap">
                  {d.attempts.length === 0 ? (
                    <span className="muted">not yet attempted</span>
                  ) : (
                    <ol className="attempts">
                      {d.attempts.map((a) => (
                        <li key={a.attempt}>
                          <time dateTime={a.at}>{dateTime(a.at)}</time>{' '}
                          {a.ok ? (
                            <span className="attempt-ok">
                              delivered{a.responseCode ? ` (HTTP ${a.responseCode})` : ''}
                            </span>
                          ) : (
                            <Fragment>
                              <span className="attempt-failed">{a.error ?? `HTTP ${a.responseCode}`}</span>
                              {a.nextRetryAt && (
                                <span className="muted">
                                  {' '}
                                  · retry <time dateTime={a.nextRetryAt}>{dateTime(a.nextRetryAt)}</time>
                                </span>
                              )}
                            </Fragment>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deliveries.length > shown && (
        <p className="muted table-note">
          The latest {shown} of {deliveries.length} deliveries.
        </p>
      )}
    </>
  );
}
