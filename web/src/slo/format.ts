import type { BudgetingMethod, Objective, Sli, TimeWindow } from './model.js';

/** Human units for SLO numbers: "99.9 %", "50.0 %", "19.5×", "30 days, rolling". */

const upTo3 = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
const exactly1 = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** An objective or attainment, with the digits nines need: 0.999 → "99.9 %", 0.99969 → "99.969 %". */
export function formatTarget(fraction: number | null): string {
  return fraction === null ? '—' : `${upTo3.format(fraction * 100)} %`;
}

/** A share of the budget, always one decimal: 0.5 → "50.0 %". */
export function formatShare(fraction: number | null): string {
  return fraction === null ? '—' : `${exactly1.format(fraction * 100)} %`;
}

/** Burn rate as a multiple of the sustainable rate: 1× spends the budget in exactly one window. */
export function formatBurnRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  if (rate === 0) return '0×';
  return `${rate < 1 ? rate.toFixed(2) : exactly1.format(rate)}×`;
}

/** Budget in its unit: events are counted, the slice methods budget minutes. */
export function formatAmount(value: number, unit: 'events' | 'minutes'): string {
  const n = Math.round(value);
  return `${whole.format(n)} ${unit === 'events' ? (n === 1 ? 'event' : 'events') : n === 1 ? 'minute' : 'minutes'}`;
}

const durationUnits: Record<string, [string, string]> = {
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  M: ['month', 'months'],
  Q: ['quarter', 'quarters'],
  Y: ['year', 'years'],
};

/** "30d" → "30 days". */
export function formatDurationShorthand(d: string): string {
  const n = Number(d.slice(0, -1));
  const unit = durationUnits[d.slice(-1)];
  return unit ? `${n} ${n === 1 ? unit[0] : unit[1]}` : d;
}

export function formatWindow(w: TimeWindow | undefined): string {
  if (!w) return '—';
  if (w.type === 'rolling') return `${formatDurationShorthand(w.duration)}, rolling`;
  const unit = w.unit.toLowerCase();
  return `${w.count} ${w.count === 1 ? unit : `${unit}s`}, calendar${w.timeZone ? ` (${w.timeZone})` : ''}`;
}

/** The short form for a table cell: "30d rolling". */
export function formatWindowShort(w: TimeWindow | undefined): string {
  if (!w) return '—';
  return w.type === 'rolling' ? `${w.duration} rolling` : `${w.count} ${w.unit.toLowerCase()} calendar`;
}

export function describeMethod(method: BudgetingMethod, o: Objective | undefined): string {
  if (method === 'Occurrences') return 'Occurrences: every bad event spends budget';
  const slice = o?.timeSliceWindow ?? '1m';
  const window = typeof slice === 'number' ? `${slice}s` : slice;
  if (method === 'Timeslices')
    return `Timeslices: a ${window} slice is good when at least ${formatTarget(o?.timeSliceTarget ?? null)} of it is good; bad slices spend minutes`;
  return `RatioTimeslices: the average of ${window} slice ratios`;
}

const opText: Record<string, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥' };

/** What an SLI counts, in one line. */
export function describeSli(sli: Sli, o: Objective | undefined): string {
  if (sli.metric.type === 'threshold') {
    const cmp = o?.op && o.value !== undefined ? ` ${opText[o.op]} ${o.value}` : '';
    return `Threshold: samples${cmp} are good`;
  }
  const r = sli.metric.ratio;
  if (r.type === 'good') return 'Ratio: good events ÷ total events';
  if (r.type === 'bad') return 'Ratio: 1 − bad events ÷ total events';
  return `Ratio computed by the data source (${r.rawType === 'success' ? 'success' : 'failure'} ratio)`;
}

export type BudgetTone = 'ok' | 'warn' | 'danger' | 'exhausted' | 'none';

/** Green above half, amber down to a fifth, red below, "exhausted" once nothing is left. */
export function budgetTone(remaining: number | null): BudgetTone {
  if (remaining === null) return 'none';
  if (remaining <= 0) return 'exhausted';
  if (remaining < 0.2) return 'danger';
  if (remaining < 0.5) return 'warn';
  return 'ok';
}

export interface BurnThreshold {
  severity: 'page' | 'ticket';
  factor: number;
  /** The alert's window pair, e.g. "1h / 5m". */
  windows: string;
}

// SRE Workbook ch. 5 multiwindow, multi-burn-rate alerts (src/slo/budget/alert-windows.ts):
// factor = budget share × period ÷ long window, so 14.4, 6, 3 and 1 for a 30-day window.
const alertPairs = [
  { severity: 'page', percent: 2, longHours: 1, windows: '1h / 5m' },
  { severity: 'page', percent: 5, longHours: 6, windows: '6h / 30m' },
  { severity: 'ticket', percent: 10, longHours: 24, windows: '1d / 2h' },
  { severity: 'ticket', percent: 10, longHours: 72, windows: '3d / 6h' },
] as const;

export function burnThresholds(periodDays: number): BurnThreshold[] {
  return alertPairs.map((p) => ({
    severity: p.severity,
    factor: Math.round(((p.percent * periodDays * 24) / (100 * p.longHours)) * 1000) / 1000,
    windows: p.windows,
  }));
}

/** "2h 5m", "3d 4h": the two largest units of a span. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}
