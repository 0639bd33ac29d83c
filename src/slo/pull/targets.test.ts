import { describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.js';
import type { DataSource, MetricSource, Sli } from '../model.js';
import type { PullLog } from './pull-once.js';
import { prometheusUrl, pullTargets } from './targets.js';

const ds = (name: string, type: string): DataSource => ({
  kind: 'DataSource',
  name,
  type,
  connectionDetails: { url: `http://${name}:9090` },
});
const src = (m: Partial<MetricSource>): MetricSource => ({ query: 'up', spec: {}, ...m });
const sli = (name: string, good: MetricSource, total: MetricSource): Sli => ({
  kind: 'SLI',
  name,
  metric: { type: 'ratio', ratio: { type: 'good', good, total } },
});
const dataSources = [ds('prom', 'Prometheus'), ds('dd', 'Datadog')];

describe('pullTargets', () => {
  it('keeps SLIs reading one Prometheus data source and says why it skips the others', () => {
    const { targets, skipped } = pullTargets({
      dataSources,
      slis: [
        sli('ok', src({ dataSourceRef: 'prom' }), src({ dataSourceRef: 'prom' })),
        sli('datadog', src({ dataSourceRef: 'dd' }), src({ dataSourceRef: 'dd' })),
        sli('mixed', src({ dataSourceRef: 'prom' }), src({ dataSourceRef: 'other' })),
        sli('inline', src({ type: 'Prometheus' }), src({ type: 'Prometheus' })),
      ],
    });
    expect(targets.map((t) => [t.sli.name, t.dataSource.name])).toEqual([['ok', 'prom']]);
    expect(skipped).toEqual([
      { sli: 'mixed', reason: 'its queries read several data sources (prom, other)' },
      { sli: 'inline', reason: 'its data source (none named) is not defined' },
    ]);
  });

  it('sends inline Prometheus sources to the default data source', () => {
    const inline = sli('inline', src({ type: 'prometheus' }), src({ type: 'prometheus' }));
    const { targets } = pullTargets({ dataSources, slis: [inline], defaultDataSource: 'prom' });
    expect(targets.map((t) => t.dataSource.name)).toEqual(['prom']);
  });
});

describe('prometheusUrl', () => {
  it('names the missing field', () => {
    expect(() => prometheusUrl({ ...ds('p', 'Prometheus'), connectionDetails: {} })).toThrow(
      /p has no Prometheus address/,
    );
  });
});

it('accepts the application logger as the puller log', () => {
  const log: PullLog = createLogger('silent');
  expect(typeof log.warn).toBe('function');
});
