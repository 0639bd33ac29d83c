import { Link, useParams } from 'react-router';
import { servicePath } from '../catalog/paths.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { AlertsTable } from './alerts-table.js';
import { BudgetPanel } from './budget-panel.js';
import type { BudgetAnswer, Items, SloAlert, SloDetail } from './model.js';
import { apiPath, rulesUrl, slosPath } from './paths.js';
import { SeverityBadge } from './severity-badge.js';
import { BurndownChart, BurnRateChart } from './slo-charts.js';
import { SloDefinition } from './slo-definition.js';
import { useTenantParam } from './use-tenant-param.js';

/** One SLO: what it promises, how much budget is left, how fast it burns, and its alerts. */
export function SloPage() {
  const { name = '' } = useParams();
  const detail = useResource<SloDetail>(apiPath.slo(name));
  return <ResourceView resource={detail}>{(d) => <SloView detail={d} />}</ResourceView>;
}

function SloView({ detail: { slo } }: { detail: SloDetail }) {
  const budget = useResource<BudgetAnswer>(apiPath.budget(slo.name));
  const alerts = useResource<Items<SloAlert>>(apiPath.alerts(slo.name));
  const tenant = useTenantParam();
  const firing = alerts.data?.items.filter((a) => a.active) ?? [];
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={slosPath}>SLOs</Link> <span aria-hidden="true">/</span> {slo.service}
      </nav>
      <PageHeader
        title={slo.displayName || slo.name}
        kicker="Service level objective"
        actions={
          <a className="button" href={rulesUrl(slo.name, tenant)} download={`${slo.name}-rules.yaml`}>
            Download Prometheus rules
          </a>
        }
      >
        <p className="slo-subtitle">
          {slo.displayName && slo.displayName !== slo.name && <code className="entity-name">{slo.name}</code>}
          <span>
            Service <Link to={servicePath(slo.service)}>{slo.service}</Link>
          </span>
          {firing.map((a) => (
            <span key={a.id} className="firing" data-testid="firing-alert">
              <SeverityBadge severity={a.severity} /> alert firing
            </span>
          ))}
        </p>
        {slo.description && <p className="lead">{slo.description}</p>}
      </PageHeader>

      <div className="slo-top">
        <SloDefinition slo={slo} />
        <ResourceView resource={budget}>{(b) => <BudgetPanel budget={b} />}</ResourceView>
      </div>

      {budget.data && (
        <section className="section" aria-labelledby="slo-charts">
          <h2 id="slo-charts">Over the window</h2>
          <div className="slo-charts">
            <BurndownChart budget={budget.data} />
            <BurnRateChart budget={budget.data} />
          </div>
        </section>
      )}

      <section className="section" aria-labelledby="slo-alerts">
        <h2 id="slo-alerts">Alerts</h2>
        <p className="muted">
          Multiwindow, multi-burn-rate alerts: a page when the budget burns fast enough to lose 2 % in an hour
          or 5 % in six, a ticket for 10 % in a day or three.
        </p>
        <ResourceView resource={alerts}>{({ items }) => <AlertsTable alerts={items} />}</ResourceView>
      </section>
    </>
  );
}
