import { useState } from 'react';
import { Link } from 'react-router';
import { LevelBadge } from './level-badge.js';
import { isUnconfirmed, levelOf, type Metric, metrics } from './metrics.js';
import type { DoraNumbers, MetricKey } from './model.js';
import { type DoraQuery, doraLink } from './paths.js';

type Row = DoraNumbers & { service: string };
type SortKey = 'service' | MetricKey;

/** The number each column sorts by; no value (nothing measured) sorts last either way. */
const sortValue: Record<MetricKey, (n: DoraNumbers) => number | null> = {
  deploymentFrequency: (n) => n.deploymentFrequency.perDay,
  changeLeadTime: (n) => n.changeLeadTime.medianSeconds,
  changeFailRate: (n) => n.changeFailRate.rate,
  recoveryTime: (n) => n.recoveryTime.medianSeconds,
  reworkRate: (n) => n.reworkRate.rate,
};

/** Each service of the scope with its five numbers and levels; a row opens that service's dashboard. */
export function ServicesBreakdown({ groups, query }: { groups: Row[]; query: DoraQuery }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'service',
    descending: false,
  });
  const rows = [...groups].sort((a, b) => compare(a, b, sort));
  const sortBy = (key: SortKey) =>
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : key === 'deploymentFrequency' }));
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined;

  return (
    <div className="table-wrap">
      <table className="table table-dora">
        <caption className="visually-hidden">DORA metrics by service</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort('service')}>
              <SortButton
                label="Service"
                active={sort.key === 'service'}
                descending={sort.descending}
                onClick={() => sortBy('service')}
              />
            </th>
            {metrics.map((m) => (
              <th scope="col" key={m.key} aria-sort={ariaSort(m.key)} className="numeric">
                <SortButton
                  label={shortTitle[m.key]}
                  active={sort.key === m.key}
                  descending={sort.descending}
                  onClick={() => sortBy(m.key)}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.service}>
              <th scope="row">
                <Link to={doraLink({ ...query, service: g.service, team: undefined })}>{g.service}</Link>
              </th>
              {metrics.map((m) => (
                <td key={m.key} className="numeric">
                  <Cell metric={m} numbers={g} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const shortTitle: Record<MetricKey, string> = {
  deploymentFrequency: 'Deploys',
  changeLeadTime: 'Lead time',
  changeFailRate: 'Fail rate',
  recoveryTime: 'Recovery',
  reworkRate: 'Rework',
};

function Cell({ metric: m, numbers: n }: { metric: Metric; numbers: DoraNumbers }) {
  return (
    <span className="dora-cell">
      <span className="dora-cell-value">{m.value(n)}</span>
      {m.levelKey && <LevelBadge level={levelOf(n, m)} unconfirmed={isUnconfirmed(n, m)} />}
    </span>
  );
}

function SortButton(props: { label: string; active: boolean; descending: boolean; onClick(): void }) {
  return (
    <button type="button" className="sort-button" onClick={props.onClick}>
      {props.label}
      <span className="sort-indicator" aria-hidden="true">
        {props.active ? (props.descending ? '↓' : '↑') : '↕'}
      </span>
    </button>
  );
}

function compare(a: Row, b: Row, sort: { key: SortKey; descending: boolean }): number {
  const direction = sort.descending ? -1 : 1;
  if (sort.key === 'service') return a.service.localeCompare(b.service) * direction;
  const x = sortValue[sort.key](a);
  const y = sortValue[sort.key](b);
  if (x === y) return a.service.localeCompare(b.service);
  if (x === null) return 1;
  if (y === null) return -1;
  return (x - y) * direction;
}
