import { Link } from 'react-router';
import { servicePath } from '../catalog/paths.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../components/use-resource.js';
import { describeMethod, describeSli, formatTarget, formatWindow } from './format.js';
import type { MetricSource, Ref, Sli, SliDetail, Slo } from './model.js';
import { apiPath } from './paths.js';

const isRef = (i: Ref | Sli | undefined): i is Ref => i !== undefined && 'ref' in i;

/** What the SLO promises: its indicator, objectives, window and how the budget is counted. */
export function SloDefinition({ slo }: { slo: Slo }) {
  const indicator = slo.indicator;
  const stored = useResource<SliDetail>(isRef(indicator) ? apiPath.sli(indicator.ref) : null);
  const sli = isRef(indicator) ? stored.data?.sli : indicator;
  const first = slo.objectives[0];
  return (
    <section className="panel" aria-labelledby="slo-definition">
      <h2 id="slo-definition">Definition</h2>
      <dl className="facts" data-testid="slo-definition">
        <dt>Service</dt>
        <dd>
          <Link to={servicePath(slo.service)}>{slo.service}</Link>
        </dd>
        <dt>Indicator</dt>
        <dd>
          {indicator === undefined ? (
            'Composite: one indicator per objective'
          ) : sli ? (
            <>
              <code>{sli.name}</code>
              {sli.description && <span className="cell-sub">{sli.description}</span>}
              <span className="cell-sub">{describeSli(sli, first)}</span>
            </>
          ) : stored.error ? (
            <code>{isRef(indicator) ? indicator.ref : ''}</code>
          ) : (
            <Loading />
          )}
        </dd>
        <dt>{slo.objectives.length === 1 ? 'Objective' : 'Objectives'}</dt>
        <dd>
          <ul className="plain-list">
            {slo.objectives.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: objectives are addressed by position
              <li key={i}>
                <strong>{formatTarget(o.target)}</strong>
                {o.displayName && o.displayName !== formatTarget(o.target) && (
                  <span className="muted"> · {o.displayName}</span>
                )}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Window</dt>
        <dd>{formatWindow(slo.timeWindow)}</dd>
        <dt>Budgeting</dt>
        <dd>{describeMethod(slo.budgetingMethod, first)}</dd>
        <dt>Alert policies</dt>
        <dd>
          {slo.alertPolicies.length === 0 ? (
            <span className="muted">None: every notification target receives its alerts</span>
          ) : (
            slo.alertPolicies.map((p) => ('ref' in p ? p.ref : p.name)).join(', ')
          )}
        </dd>
      </dl>
      {sli && <Queries sli={sli} />}
    </section>
  );
}

function Queries({ sli }: { sli: Sli }) {
  const sources: [string, MetricSource][] =
    sli.metric.type === 'threshold'
      ? [['Metric', sli.metric.metric]]
      : sli.metric.ratio.type === 'good'
        ? [
            ['Good', sli.metric.ratio.good],
            ['Total', sli.metric.ratio.total],
          ]
        : sli.metric.ratio.type === 'bad'
          ? [
              ['Bad', sli.metric.ratio.bad],
              ['Total', sli.metric.ratio.total],
            ]
          : [['Ratio', sli.metric.ratio.raw]];
  const shown = sources.filter(([, s]) => s.query);
  if (shown.length === 0) return null;
  return (
    <details className="queries">
      <summary>Queries{shown[0]?.[1].type ? ` (${shown[0][1].type})` : ''}</summary>
      <dl>
        {shown.map(([label, s]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="query-text">
              <code>{s.query}</code>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
