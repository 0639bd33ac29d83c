import { stringify } from 'yaml';
import {
  type AlertCondition,
  type AlertNotificationTarget,
  type AlertPolicy,
  isRef,
  type MetricSource,
  type Objective,
  type Ref,
  type Sli,
  type Slo,
  type SloObject,
  type TimeWindow,
} from '../model.js';
import { prune } from './to-model.js';

type Json = Record<string, unknown>;

/** Writes objects as multi-document OpenSLO v1 YAML; parseOpenSlo reads it back to the same objects. */
export function exportOpenSlo(objects: readonly SloObject[]): string {
  // YAML 1.1 output quotes strings such as `2022-01-01 12:00:00` that 1.1 readers would turn into dates.
  return objects.map((o) => stringify(toWire(o), { version: '1.1', lineWidth: 0 })).join('---\n');
}

function toWire(object: SloObject): Json {
  const { kind } = object;
  return { apiVersion: 'openslo/v1', kind, metadata: metadata(object), spec: spec(object) };
}

function metadata(o: { name: string; displayName?: string; labels?: Json; annotations?: Json }): Json {
  return prune({ name: o.name, displayName: o.displayName, labels: o.labels, annotations: o.annotations });
}

function spec(o: SloObject): Json {
  const description = o.description;
  switch (o.kind) {
    case 'Service':
      return prune({ description });
    case 'DataSource':
      return prune({ description, type: o.type, connectionDetails: o.connectionDetails });
    case 'SLI':
      return sliSpec(o);
    case 'SLO':
      return sloSpec(o);
    case 'AlertPolicy':
      return policySpec(o);
    case 'AlertCondition':
      return conditionSpec(o);
    case 'AlertNotificationTarget':
      return prune({ description, target: o.target });
  }
}

const source = (m: MetricSource): Json => ({
  metricSource: prune({
    metricSourceRef: m.dataSourceRef,
    type: m.type,
    spec: m.query === undefined ? m.spec : { ...m.spec, query: m.query },
  }),
});

function sliSpec(sli: Sli): Json {
  if (sli.metric.type === 'threshold')
    return prune({ description: sli.description, thresholdMetric: source(sli.metric.metric) });
  const r = sli.metric.ratio;
  const ratioMetric =
    r.type === 'raw'
      ? { counter: r.counter, rawType: r.rawType, raw: source(r.raw) }
      : r.type === 'good'
        ? { counter: r.counter, good: source(r.good), total: source(r.total) }
        : { counter: r.counter, bad: source(r.bad), total: source(r.total) };
  return prune({ description: sli.description, ratioMetric: prune(ratioMetric) });
}

const inlineSli = (sli: Sli) => ({ metadata: metadata(sli), spec: sliSpec(sli) });

const units = { Minute: 'm', Hour: 'h', Day: 'd', Week: 'w', Month: 'M', Quarter: 'Q', Year: 'Y' } as const;

function timeWindow(w: TimeWindow): Json {
  if (w.type === 'rolling') return { duration: w.duration, isRolling: true };
  const calendar =
    w.startTime === undefined && w.timeZone === undefined
      ? undefined
      : prune({ startTime: w.startTime, timeZone: w.timeZone });
  return prune({ duration: `${w.count}${units[w.unit]}`, isRolling: false, calendar });
}

function objective(o: Objective): Json {
  const { indicator, ...rest } = o;
  return prune({
    ...rest,
    indicator: indicator && !isRef(indicator) ? inlineSli(indicator) : undefined,
    indicatorRef: indicator && isRef(indicator) ? indicator.ref : undefined,
  });
}

function sloSpec(slo: Slo): Json {
  const i = slo.indicator;
  return prune({
    description: slo.description,
    service: slo.service,
    indicator: i && !isRef(i) ? inlineSli(i) : undefined,
    indicatorRef: i && isRef(i) ? i.ref : undefined,
    timeWindow: slo.timeWindow && [timeWindow(slo.timeWindow)],
    budgetingMethod: slo.budgetingMethod,
    objectives: slo.objectives.map(objective),
    alertPolicies: slo.alertPolicies.length
      ? slo.alertPolicies.map((p) => (isRef(p) ? { alertPolicyRef: p.ref } : inline(p, policySpec(p))))
      : undefined,
  });
}

const inline = (o: AlertPolicy | AlertCondition | AlertNotificationTarget, s: Json) => ({
  kind: o.kind,
  metadata: metadata(o),
  spec: s,
});

function policySpec(p: AlertPolicy): Json {
  const ref = (key: string) => (r: Ref) => ({ [key]: r.ref });
  return prune({
    description: p.description,
    alertWhenNoData: p.alertWhenNoData,
    alertWhenResolved: p.alertWhenResolved,
    alertWhenBreaching: p.alertWhenBreaching,
    conditions: p.conditions.map((c) => (isRef(c) ? ref('conditionRef')(c) : inline(c, conditionSpec(c)))),
    notificationTargets: p.notificationTargets.map((t) =>
      isRef(t) ? ref('targetRef')(t) : inline(t, prune({ description: t.description, target: t.target })),
    ),
  });
}

function conditionSpec(c: AlertCondition): Json {
  return prune({ description: c.description, severity: c.severity, condition: c.condition });
}
