import { InputError } from '../core/errors.js';
import type { BudgetingMethod, WindowSpec } from './budget/index.js';
import { durationMs, MINUTE_MS } from './budget/index.js';
import { isRef, type Objective, type Sli, type Slo, type TimeWindow } from './model.js';

/**
 * How each objective of an SLO is measured: which SLI it reads, which stored series of that SLI
 * (a threshold SLI has one per op/value), and the budget method its rollups are kept in.
 */
export interface ObjectiveSeries {
  readonly objective: number;
  readonly sli: string;
  /** '' for ratio SLIs; `op value` for threshold SLIs (samples meeting `value op`). */
  readonly series: string;
  readonly sliType: 'ratio' | 'threshold';
  readonly method: BudgetingMethod;
  readonly target: number;
}

/** Name of the SLI an objective reads (its own indicator for composites, else the SLO's). */
export function indicatorName(slo: Slo, objective: Objective): string | undefined {
  const indicator = objective.indicator ?? slo.indicator;
  if (!indicator) return undefined;
  return isRef(indicator) ? indicator.ref : indicator.name;
}

/** The SLI definition an objective reads: inline, or a stored one found by `lookup`. */
export function indicatorOf(
  slo: Slo,
  objective: Objective,
  lookup: (name: string) => Sli | undefined,
): Sli | undefined {
  const indicator = objective.indicator ?? slo.indicator;
  if (!indicator) return undefined;
  return isRef(indicator) ? lookup(indicator.ref) : indicator;
}

export function thresholdSeries(o: Pick<Objective, 'op' | 'value'>): string | undefined {
  return o.op !== undefined && o.value !== undefined ? `${o.op} ${o.value}` : undefined;
}

/** OpenSLO `timeSliceWindow`: a duration (`1m`, `5m`) or, as a number, seconds. */
function sliceMinutes(o: Objective): number {
  const w = o.timeSliceWindow;
  if (w === undefined) return 1;
  return typeof w === 'number' ? w / 60 : durationMs(w) / MINUTE_MS;
}

export function methodOf(slo: Slo, o: Objective): BudgetingMethod {
  switch (slo.budgetingMethod) {
    case 'Occurrences':
      return { kind: 'Occurrences' };
    case 'Timeslices':
      return { kind: 'Timeslices', timeSliceTarget: o.timeSliceTarget ?? 1, sliceMinutes: sliceMinutes(o) };
    case 'RatioTimeslices':
      return { kind: 'RatioTimeslices', sliceMinutes: sliceMinutes(o) };
  }
}

/**
 * Every objective's series. An objective whose SLI is unknown, or a threshold objective without
 * op and value, is reported (path and reason) instead: it has nothing to measure.
 */
export function objectiveSeries(
  slo: Slo,
  lookup: (name: string) => Sli | undefined,
): { series: ObjectiveSeries[]; issues: { path: string; message: string }[] } {
  const series: ObjectiveSeries[] = [];
  const issues: { path: string; message: string }[] = [];
  slo.objectives.forEach((o, i) => {
    const name = indicatorName(slo, o);
    const sli = indicatorOf(slo, o, lookup);
    if (!name || !sli) {
      issues.push({ path: `/objectives/${i}/indicator`, message: `SLI ${name ?? '(none)'} does not exist` });
      return;
    }
    let method: BudgetingMethod;
    try {
      method = methodOf(slo, o);
    } catch (err) {
      issues.push({ path: `/objectives/${i}/timeSliceWindow`, message: (err as Error).message });
      return;
    }
    if (sli.metric.type === 'threshold') {
      const key = thresholdSeries(o);
      if (!key) {
        issues.push({ path: `/objectives/${i}/op`, message: 'a threshold SLI needs op and value' });
        return;
      }
      series.push({ objective: i, sli: name, series: key, sliType: 'threshold', method, target: o.target });
    } else {
      series.push({ objective: i, sli: name, series: '', sliType: 'ratio', method, target: o.target });
    }
  });
  return { series, issues };
}

const calendarUnits = { Day: 'Day', Week: 'Week', Month: 'Month', Quarter: 'Quarter', Year: 'Year' } as const;

/** The model's time window as the budget mathematics wants it; 30 days rolling when absent. */
export function windowSpecOf(w: TimeWindow | undefined): WindowSpec {
  if (!w) return { kind: 'rolling', durationMs: 30 * 1440 * MINUTE_MS };
  if (w.type === 'rolling') return { kind: 'rolling', durationMs: durationMs(w.duration) };
  const unit = calendarUnits[w.unit as keyof typeof calendarUnits];
  if (!unit) throw new InputError(`a calendar window of ${w.unit}s cannot be budgeted; use Day or longer`);
  return {
    kind: 'calendar',
    unit,
    count: w.count,
    // Weeks start on Monday (2000-01-03), the rest on the first of the month.
    startTime: w.startTime ?? (unit === 'Week' ? '2000-01-03' : '2000-01-01'),
    timeZone: w.timeZone ?? 'UTC',
  };
}
