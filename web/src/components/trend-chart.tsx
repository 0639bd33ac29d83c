import { useWidth } from './use-width.js';

export interface ChartPoint {
  key: string;
  /** Under the axis, e.g. "2 Nov". */
  label: string;
  /** What a screen reader and the tooltip say, e.g. "Week of 2 Nov: 7 deployments". */
  description: string;
  /** Null where there is nothing to measure: a gap, not a zero. */
  value: number | null;
}

const height = 140;
const pad = { top: 10, right: 10, bottom: 24, left: 52 };
const plotH = height - pad.top - pad.bottom;

/**
 * A small bar or line chart as inline SVG. The picture is hidden from assistive technology, which
 * reads the same series as a list of descriptions instead; each point's tooltip says the same.
 */
export function TrendChart(props: {
  title: string;
  kind: 'bar' | 'line';
  points: readonly ChartPoint[];
  /** Labels the axis, e.g. 4 → "4" or 0.25 → "25 %". */
  format(value: number): string;
  /** The values are counts: the axis shows whole numbers. */
  integer?: boolean;
}) {
  const { title, kind, points, format } = props;
  // Drawn at the width it is shown at, so text keeps its size in any layout.
  const [width, ref] = useWidth(320);
  const plotW = width - pad.left - pad.right;
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const max = Math.max(...values, 0);
  // Counts get whole ticks (0, 4, 8 rather than 0, 3.5, 7).
  const top = props.integer ? Math.max(2, Math.ceil(max / 2) * 2) : max || 1;
  const step = plotW / Math.max(points.length, 1);
  const x = (i: number) => pad.left + step * (i + 0.5);
  const y = (v: number) => pad.top + plotH - (v / top) * plotH;
  const labelEvery = Math.ceil(points.length / Math.max(1, Math.floor(plotW / 56)));
  return (
    <div className="chart-wrap" data-testid="trend-chart" ref={ref}>
      <svg
        className={`chart chart-kind-${kind}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        focusable="false"
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f} className="chart-rule">
            <line x1={pad.left} x2={width - pad.right} y1={y(top * f)} y2={y(top * f)} />
            <text x={pad.left - 6} y={y(top * f)} dy="0.32em" textAnchor="end">
              {format(top * f)}
            </text>
          </g>
        ))}
        {kind === 'line' && <Lines points={points} x={x} y={y} />}
        {points.map((p, i) => (
          <g key={p.key} className="chart-point" data-value={p.value ?? ''}>
            {/* The tooltip; a full-height target shows it anywhere in the point's column. */}
            <title>{p.description}</title>
            <rect className="chart-hit" x={x(i) - step / 2} y={pad.top} width={step} height={plotH} />
            {p.value !== null &&
              (kind === 'bar' ? (
                <rect
                  className="chart-bar"
                  x={x(i) - Math.min(step * 0.3, 14)}
                  y={y(p.value)}
                  width={Math.min(step * 0.6, 28)}
                  height={Math.max(pad.top + plotH - y(p.value), p.value > 0 ? 1 : 0)}
                  rx="2"
                />
              ) : (
                <circle className="chart-dot" cx={x(i)} cy={y(p.value)} r="3.2" />
              ))}
            {i % labelEvery === 0 && (
              <text className="chart-label" x={x(i)} y={height - 6} textAnchor="middle">
                {p.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      {/* What assistive technology reads instead of the picture: the series as text. */}
      <ul className="visually-hidden" aria-label={title}>
        {points.map((p) => (
          <li key={p.key}>{p.description}</li>
        ))}
      </ul>
    </div>
  );
}

/** Joins neighbouring measured points; a week without a value breaks the line. */
function Lines(props: { points: readonly ChartPoint[]; x(i: number): number; y(v: number): number }) {
  const runs: string[] = [];
  let run: string[] = [];
  props.points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length > 1) runs.push(run.join(' '));
      run = [];
    } else run.push(`${props.x(i)},${props.y(p.value)}`);
  });
  if (run.length > 1) runs.push(run.join(' '));
  return (
    <g>
      {runs.map((r) => (
        <polyline key={r} className="chart-path" points={r} />
      ))}
    </g>
  );
}
