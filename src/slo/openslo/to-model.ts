import type {
  AlertCondition,
  AlertNotificationTarget,
  AlertPolicy,
  CalendarUnit,
  MetricSource,
  Objective,
  RatioMetric,
  Ref,
  Sli,
  Slo,
  SloObject,
  TimeWindow,
} from '../model.js';
import type { V1Kind, V1Metadata, V1Spec } from './v1-schema.js';

/** Maps one validated v1 wire object onto the model; unset optional fields are left out. */
export function toModel(kind: V1Kind, metadata: V1Metadata, spec: V1Spec<V1Kind>): SloObject {
  switch (kind) {
    case 'Service':
      return { kind, ...meta(metadata, spec as V1Spec<'Service'>) };
    case 'DataSource': {
      const s = spec as V1Spec<'DataSource'>;
      // go-sdk writes connectionDetails as a list of one-key mappings; they mean one mapping.
      const details = Array.isArray(s.connectionDetails)
        ? Object.assign({}, ...s.connectionDetails)
        : s.connectionDetails;
      return { kind, ...meta(metadata, s), type: s.type, connectionDetails: details };
    }
    case 'SLI':
      return toSli(metadata, spec as V1Spec<'SLI'>);
    case 'SLO':
      return toSlo(metadata, spec as V1Spec<'SLO'>);
    case 'AlertPolicy':
      return toAlertPolicy(metadata, spec as V1Spec<'AlertPolicy'>);
    case 'AlertCondition':
      return toAlertCondition(metadata, spec as V1Spec<'AlertCondition'>);
    case 'AlertNotificationTarget':
      return toTarget(metadata, spec as V1Spec<'AlertNotificationTarget'>);
  }
}

function meta(m: V1Metadata, spec: { description?: string | undefined }) {
  return prune({
    name: m.name,
    displayName: m.displayName,
    description: spec.description,
    labels: m.labels,
    annotations: m.annotations,
  });
}

/** Drops keys whose value is undefined, so that equal objects compare equal however they were built. */
export function prune<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

type WireMetric = {
  metricSource: {
    metricSourceRef?: string | undefined;
    type?: string | undefined;
    spec: Record<string, unknown>;
  };
};

function toSource({ metricSource: m }: WireMetric): MetricSource {
  // The query is the text the puller and rules generator run; Prometheus sources may call it promql.
  const { query, promql, ...spec } = m.spec;
  const text = typeof query === 'string' ? query : typeof promql === 'string' ? promql : undefined;
  const rest = text === undefined ? m.spec : spec;
  return prune({ type: m.type, dataSourceRef: m.metricSourceRef, query: text, spec: rest });
}

function toSli(metadata: V1Metadata, spec: V1Spec<'SLI'>): Sli {
  const base = { kind: 'SLI' as const, ...meta(metadata, spec) };
  if (spec.thresholdMetric)
    return { ...base, metric: { type: 'threshold', metric: toSource(spec.thresholdMetric) } };
  const r = spec.ratioMetric!;
  const counter = r.counter;
  let ratio: RatioMetric;
  if (r.raw) ratio = { type: 'raw', counter, rawType: r.rawType!, raw: toSource(r.raw) };
  else if (r.good) ratio = { type: 'good', counter, good: toSource(r.good), total: toSource(r.total!) };
  else ratio = { type: 'bad', counter, bad: toSource(r.bad!), total: toSource(r.total!) };
  return { ...base, metric: { type: 'ratio', ratio: prune(ratio) } };
}

type InlineSli = { metadata: V1Metadata; spec: V1Spec<'SLI'> };
const indicator = (inline: InlineSli | undefined, ref: string | undefined): Sli | Ref | undefined =>
  inline ? toSli(inline.metadata, inline.spec) : ref !== undefined ? { ref } : undefined;

const calendarUnits: Record<string, CalendarUnit> = {
  m: 'Minute',
  h: 'Hour',
  d: 'Day',
  w: 'Week',
  M: 'Month',
  Q: 'Quarter',
  Y: 'Year',
};

function toTimeWindow(w: NonNullable<V1Spec<'SLO'>['timeWindow']>[number]): TimeWindow {
  if (w.isRolling === true) return { type: 'rolling', duration: w.duration };
  return prune({
    type: 'calendar' as const,
    count: Number(w.duration.slice(0, -1)),
    unit: calendarUnits[w.duration.slice(-1)]!,
    startTime: w.calendar?.startTime,
    timeZone: w.calendar?.timeZone,
  });
}

function toSlo(metadata: V1Metadata, spec: V1Spec<'SLO'>): Slo {
  const objectives = spec.objectives.map(
    (o): Objective =>
      prune({
        displayName: o.displayName,
        op: o.op,
        value: o.value,
        target: o.target ?? o.targetPercent! / 100,
        targetPercent: o.targetPercent,
        timeSliceTarget: o.timeSliceTarget,
        timeSliceWindow: o.timeSliceWindow,
        compositeWeight: o.compositeWeight,
        indicator: indicator(o.indicator, o.indicatorRef),
      }),
  );
  const window = spec.timeWindow?.[0];
  return prune({
    kind: 'SLO' as const,
    ...meta(metadata, spec),
    service: spec.service,
    indicator: indicator(spec.indicator, spec.indicatorRef),
    timeWindow: window && toTimeWindow(window),
    budgetingMethod: spec.budgetingMethod,
    objectives,
    alertPolicies: (spec.alertPolicies ?? []).map((p): AlertPolicy | Ref =>
      typeof p === 'string'
        ? { ref: p }
        : 'alertPolicyRef' in p
          ? { ref: p.alertPolicyRef }
          : toAlertPolicy(p.metadata, p.spec),
    ),
  });
}

type Inline<S> = { kind?: string | undefined; metadata?: V1Metadata | undefined; spec?: S | undefined };

function toAlertPolicy(metadata: V1Metadata, spec: V1Spec<'AlertPolicy'>): AlertPolicy {
  return prune({
    kind: 'AlertPolicy' as const,
    ...meta(metadata, spec),
    alertWhenNoData: spec.alertWhenNoData,
    alertWhenResolved: spec.alertWhenResolved,
    alertWhenBreaching: spec.alertWhenBreaching,
    conditions: spec.conditions.map(
      (c: Inline<V1Spec<'AlertCondition'>> & { conditionRef?: string | undefined }) =>
        c.conditionRef !== undefined ? { ref: c.conditionRef } : toAlertCondition(c.metadata!, c.spec!),
    ),
    notificationTargets: spec.notificationTargets.map(
      (t: Inline<V1Spec<'AlertNotificationTarget'>> & { targetRef?: string | undefined }) =>
        t.targetRef !== undefined ? { ref: t.targetRef } : toTarget(t.metadata!, t.spec!),
    ),
  });
}

function toAlertCondition(metadata: V1Metadata, spec: V1Spec<'AlertCondition'>): AlertCondition {
  return {
    kind: 'AlertCondition',
    ...meta(metadata, spec),
    severity: spec.severity,
    condition: prune({ ...spec.condition }),
  };
}

function toTarget(metadata: V1Metadata, spec: V1Spec<'AlertNotificationTarget'>): AlertNotificationTarget {
  return { kind: 'AlertNotificationTarget', ...meta(metadata, spec), target: spec.target };
}
