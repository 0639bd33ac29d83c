import { InputError } from '../../core/errors.js';
import { durationDays, isRef, type MetricSource, type Objective, type Sli, type Slo } from '../model.js';
import {
  type AlertWindow,
  type AlertWindows,
  burnRateFactor,
  formatPromDuration,
  googleWindows,
  parsePromDuration,
} from './windows.js';

export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}
export interface AlertingRule {
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export interface RuleGroup {
  name: string;
  rules: (RecordingRule | AlertingRule)[];
}

export interface SeverityAlert {
  disable?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
/** Sloth's alerting block: one alert name, a page and a ticket variant. */
export interface SloAlerting {
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  page?: SeverityAlert;
  ticket?: SeverityAlert;
}

export interface PrometheusRulesOptions {
  /** Default: the SRE Workbook windows for the SLO's rolling period (30 days when it has none). */
  windows?: AlertWindows;
  /** Without it, only recording rules are generated. */
  alerting?: SloAlerting;
  /** Added to every recording rule, after the SLO's own labels. */
  extraLabels?: Record<string, string>;
  /** Extra `sloth_slo_info` labels: how the rules were produced (Sloth: mode, spec, version). */
  info?: Record<string, string>;
}

/**
 * Prometheus recording and alerting rules for an SLO, named and shaped as Sloth generates them
 * (github.com/slok/sloth), so dashboards and alerts built for Sloth work unchanged. An SLO with
 * several objectives, or objectives with their own indicator, gets one rule set per objective,
 * suffixed `-<index>` as Sloth does for OpenSLO.
 */
export function prometheusRules(slo: Slo, opts: PrometheusRulesOptions = {}): RuleGroup[] {
  const windows = opts.windows ?? googleWindows(periodDays(slo));
  const single = slo.objectives.length === 1 && !slo.objectives[0]!.indicator;
  return slo.objectives.flatMap((objective, i) => {
    const indicator = objective.indicator ?? slo.indicator;
    if (!indicator || isRef(indicator)) {
      throw new InputError(`SLO ${slo.name}: the indicator must be inlined before generating rules`);
    }
    const name = single ? slo.name : `${slo.name}-${i}`;
    return rulesFor({
      slo,
      name,
      objective,
      errorQuery: errorRatioQuery(indicator, slo.name),
      windows,
      opts,
    });
  });
}

function periodDays(slo: Slo): number {
  const w = slo.timeWindow;
  if (!w) return 30; // Sloth's default period
  const days = w.type === 'rolling' ? durationDays(w.duration) : undefined;
  if (days === undefined || !Number.isInteger(days)) {
    throw new InputError(`SLO ${slo.name}: Prometheus rules need a rolling window of whole days or weeks`);
  }
  return days;
}

const query = (source: MetricSource, slo: string): string => {
  const type = source.type?.toLowerCase();
  if ((type !== undefined && type !== 'prometheus') || source.query === undefined) {
    throw new InputError(
      `SLO ${slo}: Prometheus rules need Prometheus queries, not ${source.type ?? 'none'}`,
    );
  }
  return source.query;
};

/** The error-ratio query with a `{{.window}}` placeholder, in the exact text Sloth writes. */
function errorRatioQuery(sli: Sli, slo: string): string {
  if (sli.metric.type !== 'ratio')
    throw new InputError(`SLO ${slo}: only ratio SLIs become Prometheus rules`);
  const r = sli.metric.ratio;
  switch (r.type) {
    case 'bad':
      return `(${query(r.bad, slo)})\n/\n(${query(r.total, slo)})\n`;
    case 'good':
      return `(\n  1 - (\n    (\n      ${query(r.good, slo)}\n    )\n    /\n    (\n      ${query(r.total, slo)}\n    )\n  )\n)`;
    case 'raw':
      return r.rawType === 'failure' ? `(${query(r.raw, slo)})` : `(1 - (${query(r.raw, slo)}))`;
  }
}

const selector = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`;

const labelText = (v: string | string[]) => (Array.isArray(v) ? v.join(',') : v);

interface RulesInput {
  slo: Slo;
  name: string;
  objective: Objective;
  errorQuery: string;
  windows: AlertWindows;
  opts: PrometheusRulesOptions;
}

function rulesFor({ slo, name, objective, errorQuery, windows, opts }: RulesInput): RuleGroup[] {
  const id = `${slo.service}-${name}`;
  const ids = { sloth_id: id, sloth_service: slo.service, sloth_slo: name };
  const sel = selector(ids);
  const base = {
    ...Object.fromEntries(Object.entries(slo.labels ?? {}).map(([k, v]) => [k, labelText(v)])),
    ...opts.extraLabels,
    ...ids,
  };
  // Sloth works from the percentage: 99.9/100 and (100-99.9)/100 are the values its rules hold.
  const percent = objective.targetPercent ?? objective.target * 100;
  const objectiveRatio = percent / 100;
  const budget = (100 - percent) / 100;

  const pairs = [windows.page.quick, windows.page.slow, windows.ticket.quick, windows.ticket.slow];
  const period = formatPromDuration(windows.periodDays * 864e5);
  const shortest = [...new Set(pairs.flatMap((p) => [p.shortWindow, p.longWindow]))].sort(
    (a, b) => parsePromDuration(a) - parsePromDuration(b),
  );
  const first = shortest[0]!;
  const sli: RecordingRule[] = shortest.map((w) => ({
    record: `slo:sli_error:ratio_rate${w}`,
    expr: errorQuery.replace(/\{\{\s*\.window\s*\}\}/g, w),
    labels: { ...base, sloth_window: w },
  }));
  // The period ratio averages the shortest-window ratios, so every slice weighs the same.
  sli.push({
    record: `slo:sli_error:ratio_rate${period}`,
    expr: `sum_over_time(slo:sli_error:ratio_rate${first}${sel}[${period}])\n/ ignoring (sloth_window)\ncount_over_time(slo:sli_error:ratio_rate${first}${sel}[${period}])\n`,
    labels: { ...base, sloth_window: period },
  });

  const burn = (window: string) =>
    `slo:sli_error:ratio_rate${window}${sel}\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio${sel}\n`;
  const meta: RecordingRule[] = [
    { record: 'slo:objective:ratio', expr: `vector(${objectiveRatio})`, labels: base },
    { record: 'slo:error_budget:ratio', expr: `vector(1-${objectiveRatio})`, labels: base },
    { record: 'slo:time_period:days', expr: `vector(${windows.periodDays})`, labels: base },
    { record: 'slo:current_burn_rate:ratio', expr: burn(first), labels: base },
    { record: 'slo:period_burn_rate:ratio', expr: burn(period), labels: base },
    {
      record: 'slo:period_error_budget_remaining:ratio',
      expr: `1 - slo:period_burn_rate:ratio${sel}`,
      labels: base,
    },
    {
      record: 'sloth_slo_info',
      expr: 'vector(1)',
      labels: { ...base, ...opts.info, sloth_objective: String(percent) },
    },
  ];

  const groups: RuleGroup[] = [
    { name: `sloth-slo-sli-recordings-${id}`, rules: sli },
    { name: `sloth-slo-meta-recordings-${id}`, rules: meta },
  ];
  const alerts = alertRules({ alerting: opts.alerting, windows, sel, budget });
  if (alerts.length > 0) groups.push({ name: `sloth-slo-alerts-${id}`, rules: alerts });
  return groups;
}

function alertRules(input: {
  alerting: SloAlerting | undefined;
  windows: AlertWindows;
  sel: string;
  budget: number;
}): AlertingRule[] {
  const { alerting, windows, sel, budget } = input;
  if (!alerting) return [];
  const over = (window: string, factor: number) =>
    `max(slo:sli_error:ratio_rate${window}${sel} > (${factor} * ${budget})) without (sloth_window)`;
  const pair = (w: AlertWindow) => {
    const factor = burnRateFactor(windows, w);
    return `(\n    ${over(w.shortWindow, factor)}\n    and\n    ${over(w.longWindow, factor)}\n)`;
  };
  const severities = [
    ['page', alerting.page, windows.page],
    ['ticket', alerting.ticket, windows.ticket],
  ] as const;
  return severities
    .filter(([, config]) => !config?.disable)
    .map(([severity, config, pairs]) => ({
      alert: alerting.name,
      expr: `${pair(pairs.quick)}\nor\n${pair(pairs.slow)}\n`,
      labels: { ...alerting.labels, ...config?.labels, sloth_severity: severity },
      annotations: {
        title: `(${severity}) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.`,
        summary:
          '{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.',
        ...alerting.annotations,
        ...config?.annotations,
      },
    }));
}
