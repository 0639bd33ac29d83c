import { type PointerEvent, useId, useState } from 'react';
import { useWidth } from '../components/use-width.js';

export interface SeriesPoint {
  /** Epoch milliseconds. */
  t: number;
  /** Null where nothing was measured: a gap in the line, not a zero. */
  value: number | null;
}

/** A horizontal line across the plot, e.g. an alert threshold. */
export interface ReferenceLine {
  value: number;
  label: string;
  tone: 'page' | 'ticket' | 'neutral';
}

const pad = { top: 12, right: 88, bottom: 26, left: 48 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A time series as inline SVG: a line (optionally filled), reference lines and a crosshair that
 * reads out the nearest point. Assistive technology gets the chart as an image named by `title`
 * and described by `description`, which should state what a sighted reader takes from it.
 */
export function SeriesChart(props: {
  title: string;
  description: string;
  points: readonly SeriesPoint[];
  domain: { start: number; end: number };
  /** Labels the axis, e.g. "10×". */
  format(value: number): string;
  /** What the crosshair reads out, e.g. "9.7×"; the axis format unless given. */
  formatValue?(value: number): string;
  formatTime(t: number, opts: { axis: 'day' | 'hour' | 'full' }): string;
  references?: readonly ReferenceLine[];
  /** The y axis reaches at least this far (e.g. 1 for a share). */
  atLeast?: number;
  area?: boolean;
  height?: number;
  testId?: string;
}) {
  const { points, domain, format, formatTime, references = [] } = props;
  const id = useId();
  const height = props.height ?? 220;
  const [width, ref] = useWidth(640);
  const [hover, setHover] = useState<number | null>(null);
  const plotW = Math.max(40, width - pad.left - pad.right);
  const plotH = height - pad.top - pad.bottom;

  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const lo = Math.min(0, ...values);
  const hiData = Math.max(props.atLeast ?? 0, ...values, ...references.map((r) => r.value * 1.08));
  const ticks = niceTicks(lo, hiData || 1);
  const top = ticks[ticks.length - 1] ?? 1;
  const bottom = ticks[0] ?? 0;
  const span = Math.max(1, domain.end - domain.start);
  const x = (t: number) => pad.left + ((t - domain.start) / span) * plotW;
  const y = (v: number) => pad.top + plotH - ((v - bottom) / (top - bottom || 1)) * plotH;

  const timeTicks = timeAxis(domain, plotW);
  const path = linePath(points, x, y);
  const base = y(Math.max(bottom, 0));
  const labels = spreadLabels(references.map((r) => y(r.value)));

  function move(e: PointerEvent<SVGSVGElement>) {
    const box = e.currentTarget.getBoundingClientRect();
    const t = domain.start + ((e.clientX - box.left - pad.left) / plotW) * span;
    let best: number | null = null;
    points.forEach((p, i) => {
      if (p.value === null) return;
      if (best === null || Math.abs(p.t - t) < Math.abs((points[best]?.t ?? 0) - t)) best = i;
    });
    setHover(best);
  }

  const h = hover === null ? undefined : points[hover];
  return (
    <div className="series-wrap" ref={ref} data-testid={props.testId}>
      <svg
        className="series"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        onPointerMove={move}
        onPointerLeave={() => setHover(null)}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        <g className="series-grid">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={pad.left} x2={pad.left + plotW} y1={y(v)} y2={y(v)} />
              <text x={pad.left - 8} y={y(v)} dy="0.32em" textAnchor="end">
                {format(v)}
              </text>
            </g>
          ))}
          {timeTicks.ticks.map((t) => (
            <text key={t} className="series-time" x={x(t)} y={height - 8} textAnchor="middle">
              {formatTime(t, { axis: timeTicks.unit })}
            </text>
          ))}
        </g>
        {props.area && path && (
          <path
            className="series-area"
            d={`${path} V ${base} H ${x(firstMeasured(points)?.t ?? domain.start)} Z`}
          />
        )}
        {path && <path className="series-line" d={path} />}
        {references.map((r, i) => (
          <g
            key={`${r.label}-${r.value}`}
            className={`series-ref series-ref-${r.tone}`}
            data-testid="reference-line"
            data-value={r.value}
          >
            <line x1={pad.left} x2={pad.left + plotW} y1={y(r.value)} y2={y(r.value)} />
            <text x={pad.left + plotW + 6} y={labels[i]} dy="0.32em">
              {r.label}
            </text>
          </g>
        ))}
        {h && h.value !== null && (
          <g className="series-hover">
            <line x1={x(h.t)} x2={x(h.t)} y1={pad.top} y2={pad.top + plotH} />
            <circle cx={x(h.t)} cy={y(h.value)} r="3.5" />
            <Tooltip
              x={x(h.t)}
              y={pad.top}
              flip={x(h.t) > pad.left + plotW / 2}
              lines={[formatTime(h.t, { axis: 'full' }), (props.formatValue ?? format)(h.value)]}
            />
          </g>
        )}
      </svg>
    </div>
  );
}

function Tooltip(props: { x: number; y: number; flip: boolean; lines: string[] }) {
  const w = Math.max(...props.lines.map((l) => l.length)) * 6.4 + 16;
  const left = props.flip ? props.x - w - 8 : props.x + 8;
  return (
    <g className="series-tooltip">
      <rect x={left} y={props.y} width={w} height={props.lines.length * 15 + 8} rx="4" />
      {props.lines.map((l, i) => (
        <text
          key={l}
          x={left + 8}
          y={props.y + 16 + i * 15}
          className={i === 1 ? 'series-tooltip-value' : ''}
        >
          {l}
        </text>
      ))}
    </g>
  );
}

function firstMeasured(points: readonly SeriesPoint[]): SeriesPoint | undefined {
  return points.find((p) => p.value !== null);
}

/** One path of M/L commands; a null point lifts the pen. */
function linePath(points: readonly SeriesPoint[], x: (t: number) => number, y: (v: number) => number) {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.value === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** About five round ticks from `lo` to at least `hi` (steps of 1, 2, 2.5 or 5 × 10ⁿ). */
function niceTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step * 0.999; v += step) out.push(round(v));
  return out;
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;

/** Ticks at whole days (or hours for a short range), spaced so labels do not collide. */
function timeAxis(domain: { start: number; end: number }, plotW: number) {
  const span = domain.end - domain.start;
  const fit = Math.max(2, Math.floor(plotW / 72));
  const unit: 'day' | 'hour' = span > 2 * DAY ? 'day' : 'hour';
  const sizes =
    unit === 'day' ? [1, 2, 3, 7, 14, 30].map((d) => d * DAY) : [1, 2, 3, 6, 12].map((h) => h * HOUR);
  const step = sizes.find((s) => span / s <= fit) ?? sizes[sizes.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil(domain.start / step) * step; t <= domain.end; t += step) ticks.push(t);
  return { unit, ticks };
}

/** Reference labels at least 12 px apart, kept in their lines' order. */
function spreadLabels(ys: number[]): number[] {
  const order = ys.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = [...ys];
  let last = Number.NEGATIVE_INFINITY;
  for (const [v, i] of order) {
    const at = Math.max(v, last + 12);
    out[i] = at;
    last = at;
  }
  return out;
}
