import { InputError } from '../../core/errors.js';
import type { DataSource, MetricSource, Sli } from '../model.js';

/** An SLI the Prometheus puller can read, with the one data source all its queries go to. */
export interface PullTarget {
  readonly sli: Sli;
  readonly dataSource: DataSource;
}

export interface TargetSelection {
  readonly targets: readonly PullTarget[];
  /** SLIs that look like Prometheus SLIs but cannot be pulled, with the reason, for the log. */
  readonly skipped: readonly { readonly sli: string; readonly reason: string }[];
}

const isPrometheus = (type: string | undefined) => type?.toLowerCase() === 'prometheus';

export function metricSources(sli: Sli): MetricSource[] {
  if (sli.metric.type === 'threshold') return [sli.metric.metric];
  const r = sli.metric.ratio;
  if (r.type === 'raw') return [r.raw];
  return r.type === 'good' ? [r.good, r.total] : [r.bad, r.total];
}

/**
 * Picks the SLIs whose metric sources all read one Prometheus data source. A source names it by
 * `dataSourceRef`; an inline `type: Prometheus` without a ref uses `defaultDataSource`, if given.
 * SLIs of other data sources (Datadog, CloudWatch, …) are not ours and are left out silently.
 */
export function pullTargets(options: {
  readonly slis: readonly Sli[];
  readonly dataSources: readonly DataSource[];
  readonly defaultDataSource?: string;
}): TargetSelection {
  const byName = new Map(options.dataSources.map((d) => [d.name, d]));
  const targets: PullTarget[] = [];
  const skipped: { sli: string; reason: string }[] = [];
  for (const sli of options.slis) {
    const refs = metricSources(sli).map((m) => ({
      type: m.type,
      ref: m.dataSourceRef ?? (isPrometheus(m.type) ? options.defaultDataSource : undefined),
    }));
    const sources = refs.map((r) => (r.ref === undefined ? undefined : byName.get(r.ref)));
    const prometheus = refs.some((r) => isPrometheus(r.type)) || sources.some((d) => isPrometheus(d?.type));
    if (!prometheus) continue;
    const names = new Set(refs.map((r) => r.ref));
    const first = sources[0];
    if (names.size !== 1 || first === undefined) {
      const reason =
        names.size > 1
          ? `its queries read several data sources (${[...names].join(', ')})`
          : `its data source ${refs[0]?.ref ?? '(none named)'} is not defined`;
      skipped.push({ sli: sli.name, reason });
    } else if (!isPrometheus(first.type)) {
      skipped.push({ sli: sli.name, reason: `data source ${first.name} is ${first.type}, not Prometheus` });
    } else {
      targets.push({ sli, dataSource: first });
    }
  }
  return { targets, skipped };
}

/** OpenSLO's Prometheus DataSource keeps its address in `connectionDetails.url`. */
export function prometheusUrl(dataSource: DataSource): string {
  const url = dataSource.connectionDetails.url;
  if (typeof url !== 'string' || url === '') {
    throw new InputError(`data source ${dataSource.name} has no Prometheus address`, [
      { path: '/connectionDetails/url', message: 'a URL such as http://prometheus:9090 is required' },
    ]);
  }
  return url;
}
