import { EmptyState } from '../components/empty-state.js';
import { useDateTime } from '../components/format.js';
import { formatBurnRate, formatShare, formatSpan } from './format.js';
import type { SloAlert } from './model.js';
import { SeverityBadge } from './severity-badge.js';

/** Active alerts first (the API orders newest first), then the past ones. */
export function AlertsTable({ alerts }: { alerts: SloAlert[] }) {
  const dateTime = useDateTime();
  if (alerts.length === 0) return <EmptyState title="No alert has fired for this SLO." />;
  const sorted = [...alerts.filter((a) => a.active), ...alerts.filter((a) => !a.active)];
  return (
    <div className="table-wrap">
      <table className="table" data-testid="alerts-table">
        <caption className="visually-hidden">Alerts of this SLO</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">State</th>
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col" className="numeric">
              Duration
            </th>
            <th scope="col" className="numeric">
              Burn rate 1h / 6h at start
            </th>
            <th scope="col" className="numeric">
              Budget left at start
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((a) => {
            const end = a.endedAt ? Date.parse(a.endedAt) : Date.now();
            const rates = a.details.burnRates ?? {};
            return (
              <tr key={a.id} className={a.active ? 'row-firing' : ''}>
                <th scope="row">
                  <SeverityBadge severity={a.severity} active={a.active} />
                </th>
                <td>{a.active ? <strong className="state-firing">Firing</strong> : 'Resolved'}</td>
                <td>
                  <time dateTime={a.startedAt}>{dateTime(a.startedAt)}</time>
                </td>
                <td>
                  {a.endedAt ? (
                    <time dateTime={a.endedAt}>{dateTime(a.endedAt)}</time>
                  ) : (
                    <span className="muted">ongoing</span>
                  )}
                </td>
                <td className="numeric">{formatSpan(end - Date.parse(a.startedAt))}</td>
                <td className="numeric">
                  {formatBurnRate(rates['1h'])} / {formatBurnRate(rates['6h'])}
                </td>
                <td className="numeric">{formatShare(a.details.budgetRemaining ?? null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
