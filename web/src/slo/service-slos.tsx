import { Link } from 'react-router';
import { EmptyState } from '../components/empty-state.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { BudgetBar } from './budget-bar.js';
import { formatTarget } from './format.js';
import type { ServiceErrorBudgets } from './model.js';
import { apiPath, sloImportPath, sloPath } from './paths.js';

/** The "SLOs" section of a service page: each SLO's remaining error budget, linking to its page. */
export function ServiceSlos({ service }: { service: string }) {
  const budgets = useResource<ServiceErrorBudgets>(apiPath.serviceBudgets(service));
  return (
    <section className="section" aria-labelledby="service-slos">
      <h2 id="service-slos">SLOs</h2>
      <ResourceView resource={budgets}>
        {({ slos }) =>
          slos.length === 0 ? (
            <EmptyState title="No SLO covers this service.">
              <p>
                <Link to={sloImportPath}>Import an OpenSLO definition</Link> for it.
              </p>
            </EmptyState>
          ) : (
            <ul className="slo-cards" data-testid="service-slos">
              {slos.map((s) => (
                <li key={s.slo} className="slo-card">
                  <div className="slo-card-head">
                    <Link to={sloPath(s.slo)}>{s.displayName || s.slo}</Link>
                    <span className="muted">
                      Attainment {formatTarget(s.attainment)} · objective {formatTarget(s.target)}
                    </span>
                  </div>
                  <BudgetBar remaining={s.remainingFraction} label={`Error budget left of ${s.slo}`} />
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </section>
  );
}
