/**
 * openslo/v1alpha and openslo.com/v2alpha documents, rewritten into the v1 wire shape so that one
 * schema and one mapping serve all three versions. Only the fields that moved are touched; anything
 * unexpected is passed on unchanged for the v1 schema to report.
 */

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The kinds each version defines; v1alpha had only SLO and Service. */
export const kindsByVersion: Record<string, readonly string[]> = {
  'openslo/v1alpha': ['SLO', 'Service'],
  'openslo/v1': [
    'SLO',
    'SLI',
    'Service',
    'DataSource',
    'AlertPolicy',
    'AlertCondition',
    'AlertNotificationTarget',
  ],
  'openslo.com/v2alpha': [
    'SLO',
    'SLI',
    'Service',
    'DataSource',
    'AlertPolicy',
    'AlertCondition',
    'AlertNotificationTarget',
  ],
};

const unitLetters: Record<string, string> = {
  Minute: 'm',
  Hour: 'h',
  Day: 'd',
  Week: 'w',
  Month: 'M',
  Quarter: 'Q',
  Year: 'Y',
};

/** v1alpha metric: `{source, queryType, query}` → v1 `{metricSource: {type, spec}}`. */
function v1alphaMetric(m: unknown): unknown {
  if (!isMap(m)) return m;
  const { source, query, ...rest } = m;
  return { metricSource: { type: source, spec: { query, ...rest } } };
}

export function fromV1alpha(kind: string, name: string, spec: Json): Json {
  if (kind !== 'SLO') return spec;
  const { indicator, timeWindows, objectives, ...rest } = spec;
  const out: Json = { ...rest };
  if (isMap(indicator) && isMap(indicator.thresholdMetric)) {
    out.indicator = {
      metadata: { name },
      spec: { thresholdMetric: v1alphaMetric(indicator.thresholdMetric) },
    };
  } else if (indicator !== undefined) out.indicator = indicator;
  if (Array.isArray(timeWindows)) {
    out.timeWindow = timeWindows.map((w) => {
      if (!isMap(w)) return w;
      const { unit, count, isRolling, calendar } = w;
      // Sloth's examples give only count and unit: with no calendar the window can only be rolling.
      return {
        duration: `${count}${unitLetters[String(unit)] ?? unit}`,
        isRolling: isRolling ?? !calendar,
        calendar,
      };
    });
  }
  if (Array.isArray(objectives)) {
    // v1alpha put a ratio on each objective; v1 calls that a composite objective with its own indicator.
    out.objectives = objectives.map((o, i) => {
      if (!isMap(o) || !isMap(o.ratioMetrics)) return o;
      const { ratioMetrics, ...objective } = o;
      const { incremental, good, bad, total } = ratioMetrics;
      const ratioMetric: Json = { counter: incremental, total: v1alphaMetric(total) };
      if (good !== undefined) ratioMetric.good = v1alphaMetric(good);
      if (bad !== undefined) ratioMetric.bad = v1alphaMetric(bad);
      return { ...objective, indicator: { metadata: { name: `${name}-${i}` }, spec: { ratioMetric } } };
    });
  }
  return out;
}

/** v2alpha metric: `{dataSourceRef | dataSourceSpec, spec}` → v1 `{metricSource}`. */
function v2alphaMetric(m: unknown): unknown {
  if (!isMap(m)) return m;
  const { dataSourceRef, dataSourceSpec, spec } = m;
  const type = isMap(dataSourceSpec) ? dataSourceSpec.type : undefined;
  return { metricSource: { metricSourceRef: dataSourceRef, type, spec } };
}

function v2alphaSli(spec: unknown): unknown {
  if (!isMap(spec)) return spec;
  const out: Json = { ...spec };
  if (spec.thresholdMetric !== undefined) out.thresholdMetric = v2alphaMetric(spec.thresholdMetric);
  if (isMap(spec.ratioMetric)) {
    const ratio: Json = { ...spec.ratioMetric };
    for (const key of ['good', 'bad', 'total', 'raw']) {
      if (ratio[key] !== undefined) ratio[key] = v2alphaMetric(ratio[key]);
    }
    out.ratioMetric = ratio;
  }
  return out;
}

function v2alphaInlineSli(sli: unknown): unknown {
  return isMap(sli) ? { ...sli, spec: v2alphaSli(sli.spec) } : sli;
}

export function fromV2alpha(kind: string, spec: Json): Json {
  if (kind === 'SLI') return v2alphaSli(spec) as Json;
  if (kind !== 'SLO') return spec;
  const { serviceRef, sli, sliRef, objectives, ...rest } = spec;
  const out: Json = { ...rest, service: serviceRef };
  if (sli !== undefined) out.indicator = v2alphaInlineSli(sli);
  if (sliRef !== undefined) out.indicatorRef = sliRef;
  if (Array.isArray(objectives)) {
    out.objectives = objectives.map((o) => {
      if (!isMap(o)) return o;
      const { sli: own, sliRef: ownRef, ...objective } = o;
      return { ...objective, indicator: own && v2alphaInlineSli(own), indicatorRef: ownRef };
    });
  }
  return out;
}
