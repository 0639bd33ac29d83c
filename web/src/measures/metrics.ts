import { formatDuration, formatFrequency, formatPercent, plural } from './format.js';
import type { DoraNumbers, EventMetric, Level, MetricKey } from './model.js';

type LevelKey = Exclude<keyof DoraNumbers['levels'], 'version' | 'note' | 'unconfirmed'>;

/** How the console shows one of the five numbers: its value, the counts behind it, its drill-down. */
export interface Metric {
  key: MetricKey;
  title: string;
  /** The levels table rates four of the five; rework rate has no published levels. */
  levelKey: LevelKey | null;
  eventMetric: EventMetric;
  value(n: DoraNumbers): string;
  counts(n: DoraNumbers): string[];
  /** "See the 7 deployments", or null when there is nothing to see. */
  linkText(n: DoraNumbers): string | null;
  /** For the trend chart: a count is drawn as bars, a time or a rate as a line. */
  trend: {
    title: string;
    kind: 'bar' | 'line';
    value(n: DoraNumbers): number | null;
    format(v: number): string;
  };
}

const see = (n: number, what: string, many?: string) => (n > 0 ? `See the ${plural(n, what, many)}` : null);

export const metrics: readonly Metric[] = [
  {
    key: 'deploymentFrequency',
    title: 'Deployment frequency',
    levelKey: 'deploymentFrequency',
    eventMetric: 'deployments',
    value: (n) => formatFrequency(n.deploymentFrequency.perDay),
    counts: ({ deploymentFrequency: f }) => [
      `${plural(f.deployments, 'deployment')} on ${plural(f.deploymentDays, 'day')}`,
      `median ${plural(f.medianDeploymentDaysPerWeek, 'deployment day')} a week`,
    ],
    linkText: (n) => see(n.deploymentFrequency.deployments, 'deployment'),
    trend: {
      title: 'Deployments per week',
      kind: 'bar',
      value: (n) => n.deploymentFrequency.deployments,
      format: (v) => plural(v, 'deployment'),
    },
  },
  {
    key: 'changeLeadTime',
    title: 'Change lead time',
    levelKey: 'leadTime',
    eventMetric: 'lead-time',
    value: (n) => formatDuration(n.changeLeadTime.medianSeconds),
    counts: ({ changeLeadTime: l }) => {
      const x = l.excluded;
      const left = [
        x.firstDeployments && `${plural(x.firstDeployments, 'first deployment')} excluded`,
        x.unknownBaseline && `${plural(x.unknownBaseline, 'deployment')} without a baseline excluded`,
        x.nonPositive && `${x.nonPositive} not before the deployment dropped`,
        x.withoutPullRequest && `${x.withoutPullRequest} without a pull request`,
      ].filter(Boolean);
      return [
        `measured ${l.measured} of ${plural(l.changes, 'change')}`,
        ...(left.length ? [left.join('; ')] : []),
        ...(l.p90Seconds === null ? [] : [`p90 ${formatDuration(l.p90Seconds)}`]),
      ];
    },
    linkText: (n) => see(n.changeLeadTime.changes, 'change'),
    trend: {
      title: 'Median lead time per week',
      kind: 'line',
      value: (n) => n.changeLeadTime.medianSeconds,
      format: formatDuration,
    },
  },
  {
    key: 'changeFailRate',
    title: 'Change fail rate',
    levelKey: 'changeFailRate',
    eventMetric: 'change-failures',
    value: (n) => formatPercent(n.changeFailRate.rate),
    counts: ({ changeFailRate: c }) => [
      `${c.failedDeployments} of ${plural(c.deployments, 'deployment')} failed`,
    ],
    linkText: (n) => see(n.changeFailRate.failedDeployments, 'failed deployment'),
    trend: {
      title: 'Change fail rate per week',
      kind: 'line',
      value: (n) => n.changeFailRate.rate,
      format: formatPercent,
    },
  },
  {
    key: 'recoveryTime',
    title: 'Failed deployment recovery time',
    levelKey: 'recoveryTime',
    eventMetric: 'recovery',
    value: (n) => formatDuration(n.recoveryTime.medianSeconds),
    counts: ({ recoveryTime: r }) => [
      `median of ${plural(r.recovered, 'recovered failure')}${r.notRecovered ? `; ${r.notRecovered} not recovered` : ''}`,
    ],
    linkText: (n) => see(n.recoveryTime.recovered + n.recoveryTime.notRecovered, 'recovery', 'recoveries'),
    trend: {
      title: 'Median recovery time per week',
      kind: 'line',
      value: (n) => n.recoveryTime.medianSeconds,
      format: formatDuration,
    },
  },
  {
    key: 'reworkRate',
    title: 'Deployment rework rate',
    levelKey: null,
    eventMetric: 'rework',
    value: (n) => formatPercent(n.reworkRate.rate),
    counts: ({ reworkRate: r }) => [
      `${r.unplannedDeployments} of ${plural(r.deployments, 'deployment')} unplanned`,
    ],
    linkText: (n) => see(n.reworkRate.unplannedDeployments, 'unplanned deployment'),
    trend: {
      title: 'Rework rate per week',
      kind: 'line',
      value: (n) => n.reworkRate.rate,
      format: formatPercent,
    },
  },
];

export function levelOf(n: DoraNumbers, m: Metric): Level | null {
  return m.levelKey ? n.levels[m.levelKey] : null;
}

/** True when the levels table marks this metric, or this metric's level, as not published by DORA. */
export function isUnconfirmed(n: DoraNumbers, m: Metric): boolean {
  const level = levelOf(n, m);
  if (!m.levelKey || !level) return false;
  const u = n.levels.unconfirmed;
  return u.includes(m.levelKey) || u.includes(`${m.levelKey}.${level}`);
}
