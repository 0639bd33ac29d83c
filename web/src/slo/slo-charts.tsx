import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { burnThresholds, formatBurnRate, formatShare } from './format.js';
import type { BudgetAnswer, Burndown, BurnRateSeries } from './model.js';
import { apiPath } from './paths.js';
import { type ReferenceLine, SeriesChart, type SeriesPoint } from './series-chart.js';
import { useTimeFormat } from './use-time-format.js';

const DAY = 86_400_000;
/** The burn-rate API answers at most 31 days. */
const MAX_SPAN = 31 * DAY;

/** Remaining error budget from the window's start to now: how it was spent, and when. */
export function BurndownChart({ budget }: { budget: BudgetAnswer }) {
  const series = useResource<Burndown>(apiPath.burndown(budget.slo, 360));
  const formatTime = useTimeFormat();
  return (
    <figure className="chart-card chart-card-wide">
      <figcaption>Error budget remaining</figcaption>
      <ResourceView resource={series}>
        {(s) => {
          if (!s.window || s.points.length === 0) return <p className="muted">No budget to chart yet.</p>;
          const points: SeriesPoint[] = s.points.map((p) => ({
            t: Date.parse(p.t),
            value: p.remainingFraction,
          }));
          const start = Date.parse(s.window.start);
          const end = Date.parse(s.window.end);
          const measured = points.filter((p) => p.value !== null);
          const last = measured[measured.length - 1];
          const lowest = measured.reduce<SeriesPoint | undefined>(
            (m, p) => (m === undefined || (p.value ?? 0) < (m.value ?? 0) ? p : m),
            undefined,
          );
          const description = last
            ? `From ${formatTime(start, { axis: 'full' })} to ${formatTime(end, { axis: 'full' })}. ` +
              `Now ${formatShare(last.value)} of the error budget remains` +
              (lowest && lowest !== last
                ? `; lowest ${formatShare(lowest.value)} on ${formatTime(lowest.t, { axis: 'full' })}.`
                : '.')
            : 'No data in this window.';
          return (
            <SeriesChart
              title="Error budget remaining over the window"
              description={description}
              points={points}
              domain={{ start, end }}
              format={(v) => `${Math.round(v * 100)} %`}
              formatValue={(v) => `${formatShare(v)} remaining`}
              formatTime={formatTime}
              atLeast={1}
              area
              references={measured.some((p) => (p.value ?? 0) < 0) ? [exhaustedLine] : []}
              testId="burndown-chart"
            />
          );
        }}
      </ResourceView>
    </figure>
  );
}

const exhaustedLine: ReferenceLine = { value: 0, label: 'exhausted', tone: 'page' };

/**
 * The 1h burn rate through the window, against the multiwindow alert thresholds: a page fires
 * while the 1h rate stays above 14.4 (with its 5m confirmation), and so on down to a 1× ticket.
 */
export function BurnRateChart({ budget }: { budget: BudgetAnswer }) {
  const to = Date.parse(budget.at);
  const start = budget.window ? Date.parse(budget.window.start) : to - DAY;
  const from = Math.max(start, to - MAX_SPAN);
  const series = useResource<BurnRateSeries>(
    apiPath.burnRate(budget.slo, {
      window: '1h',
      from: new Date(from).toISOString(),
      to: budget.at,
      points: Math.min(2000, Math.max(48, Math.round((to - from) / 3_600_000))),
    }),
  );
  const formatTime = useTimeFormat();
  const periodDays = budget.window
    ? (Date.parse(budget.window.end) - Date.parse(budget.window.start)) / DAY
    : 30;
  const references: ReferenceLine[] = burnThresholds(periodDays).map((t) => ({
    value: t.factor,
    label: `${formatBurnRate(t.factor)} ${t.severity}`,
    tone: t.severity,
  }));
  return (
    <figure className="chart-card chart-card-wide">
      <figcaption>
        Burn rate, 1h window
        <span className="chart-legend">
          <span className="legend-page">page thresholds</span>
          <span className="legend-ticket">ticket thresholds</span>
        </span>
      </figcaption>
      <ResourceView resource={series}>
        {(s) => {
          const points: SeriesPoint[] = s.points.map((p) => ({ t: Date.parse(p.t), value: p.burnRate }));
          const measured = points.filter((p) => p.value !== null);
          const peak = measured.reduce<SeriesPoint | undefined>(
            (m, p) => (m === undefined || (p.value ?? 0) > (m.value ?? 0) ? p : m),
            undefined,
          );
          const last = measured[measured.length - 1];
          const thresholds = references.map((r) => r.label).join(', ');
          const description = peak
            ? `Now ${formatBurnRate(last?.value)}; peak ${formatBurnRate(peak.value)} on ${formatTime(peak.t, { axis: 'full' })}. ` +
              `Alert thresholds: ${thresholds}.`
            : `No data in this window. Alert thresholds: ${thresholds}.`;
          return (
            <SeriesChart
              title="Burn rate over 1 hour, through the window"
              description={description}
              points={points}
              domain={{ start: from, end: to }}
              format={(v) => `${v}×`}
              formatValue={formatBurnRate}
              formatTime={formatTime}
              references={references}
              testId="burn-rate-chart"
            />
          );
        }}
      </ResourceView>
    </figure>
  );
}
