import { Link } from 'react-router';
import { servicePath } from '../catalog/paths.js';
import { EmptyState } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { BudgetBar } from './budget-bar.js';
import { formatBurnRate, formatTarget, formatWindowShort } from './format.js';
import type { Items, SloAlert, SloDetail, SloSummary } from './model.js';
import { apiPath, exportUrl, sloImportPath, sloNotificationsPath, sloPath } from './paths.js';
import { SeverityBadge } from './severity-badge.js';
import { useTenantParam } from './use-tenant-param.js';

/** Every SLO of the tenant, grouped by service, with how much error budget each has left. */
export function SlosPage() {
  const slos = useResource<Items<SloSummary>>(apiPath.slos);
  const tenant = useTenantParam();
  return (
    <>
      <PageHeader
        title="Service level objectives"
        kicker="Reliability"
        actions={
          <>
            <Link className="button" to={sloNotificationsPath}>
              Notifications
            </Link>
            <a className="button" href={exportUrl(tenant)} download="slos.yaml">
              Export OpenSLO
            </a>
            <Link className="button button-primary" to={sloImportPath}>
              Import OpenSLO
            </Link>
          </>
        }
      >
        <p className="muted">
          Attainment and remaining error budget over each SLO's window; burn rate over the last hour, where 1×
          spends the budget exactly in one window.
        </p>
      </PageHeader>
      <ResourceView resource={slos}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No SLOs yet.">
              <p>
                <Link to={sloImportPath}>Import OpenSLO definitions</Link>, then push SLI samples to
                /api/v1/sli-samples.
              </p>
            </EmptyState>
          ) : (
            <SlosTable slos={items} />
          )
        }
      </ResourceView>
    </>
  );
}

function byService(slos: SloSummary[]): [string, SloSummary[]][] {
  const groups = new Map<string, SloSummary[]>();
  for (const s of slos) groups.set(s.service, [...(groups.get(s.service) ?? []), s]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function SlosTable({ slos }: { slos: SloSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-slos">
        <caption className="visually-hidden">SLOs by service</caption>
        <thead>
          <tr>
            <th scope="col">SLO</th>
            <th scope="col" className="numeric">
              Objective
            </th>
            <th scope="col">Window</th>
            <th scope="col" className="numeric">
              Attainment
            </th>
            <th scope="col">Error budget left</th>
            <th scope="col" className="numeric">
              Burn rate (1h)
            </th>
            <th scope="col">Alerts</th>
          </tr>
        </thead>
        {byService(slos).map(([service, group]) => (
          <tbody key={service}>
            <tr className="row-group">
              <th scope="rowgroup" colSpan={7}>
                <Link to={servicePath(service)}>{service}</Link>
                <span className="count"> · {group.length === 1 ? '1 SLO' : `${group.length} SLOs`}</span>
              </th>
            </tr>
            {group.map((s) => (
              <SloRow key={s.name} slo={s} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The list has the budget; the window, the 1h burn rate and the firing alerts come per SLO. */
function SloRow({ slo: s }: { slo: SloSummary }) {
  const detail = useResource<SloDetail>(apiPath.slo(s.name));
  const alerts = useResource<Items<SloAlert>>(apiPath.alerts(s.name));
  const firing = alerts.data?.items.filter((a) => a.active) ?? [];
  const burn = detail.data?.budgets[0]?.burnRates['1h'];
  return (
    <tr data-slo={s.name}>
      <th scope="row">
        <Link to={sloPath(s.name)}>{s.name}</Link>
        {s.displayName && s.displayName !== s.name && <span className="cell-sub">{s.displayName}</span>}
      </th>
      <td className="numeric" data-testid="slo-objective">
        {formatTarget(s.target)}
      </td>
      <td>{detail.data ? formatWindowShort(detail.data.slo.timeWindow) : ''}</td>
      <td className="numeric" data-testid="slo-attainment">
        {formatTarget(s.attainment)}
      </td>
      <td className="cell-budget">
        <BudgetBar remaining={s.remainingFraction} label={`Error budget left of ${s.name}`} />
      </td>
      <td className="numeric" data-testid="slo-burn-rate">
        {detail.data ? (
          <span className={burn !== null && burn !== undefined && burn >= 1 ? 'burn-high' : ''}>
            {formatBurnRate(burn)}
          </span>
        ) : (
          ''
        )}
      </td>
      <td data-testid="slo-alerts">
        {alerts.data &&
          (firing.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <span className="badges-inline">
              {firing.map((a) => (
                <SeverityBadge key={a.id} severity={a.severity} />
              ))}
            </span>
          ))}
      </td>
    </tr>
  );
}
