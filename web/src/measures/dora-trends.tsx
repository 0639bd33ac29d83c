import { type ChartPoint, TrendChart } from '../components/trend-chart.js';
import { formatDay, formatDayRange } from './format.js';
import { metrics } from './metrics.js';
import type { DoraTrend } from './model.js';

/** One small chart per metric, a point per week of the window (the first and last may be partial). */
export function DoraTrends({ trend }: { trend: DoraTrend }) {
  return (
    <div className="chart-grid">
      {metrics.map((m) => {
        const points: ChartPoint[] = trend.points.map((p) => {
          const value = m.trend.value(p);
          const when = formatDayRange(p.fromDay, p.toDay);
          return {
            key: p.start,
            label: formatDay(p.fromDay),
            value,
            description: `${when}: ${value === null ? 'nothing to measure' : m.trend.format(value)}`,
          };
        });
        return (
          <figure className="chart-card" key={m.key}>
            <figcaption>{m.trend.title}</figcaption>
            <TrendChart
              title={m.trend.title}
              kind={m.trend.kind}
              points={points}
              integer={m.trend.kind === 'bar'}
              format={m.trend.kind === 'bar' ? String : m.trend.format}
            />
          </figure>
        );
      })}
    </div>
  );
}
