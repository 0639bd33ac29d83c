/**
 * Input and output shapes of the SLO budget mathematics. They are deliberately minimal so the SLO
 * model (OpenSLO documents, stores) can map onto them; nothing here knows about YAML or SQL.
 */

/**
 * One UTC minute of an SLI as the store keeps it (last write per SLI and minute wins).
 * Ratio SLI: good and total events. Threshold SLI: samples meeting the objective's op/value, and all
 * samples. A time slice judged elsewhere can be passed as good 1 or 0 out of total 1.
 */
export interface MinuteCounts {
  /** Start of the minute, epoch milliseconds, a multiple of 60 000. */
  readonly t: number;
  readonly good: number;
  readonly total: number;
}

/** OpenSLO v1 `budgetingMethod` with the parameters each one needs. */
export type BudgetingMethod =
  | { readonly kind: 'Occurrences' }
  | {
      readonly kind: 'Timeslices';
      /** Share of good events a slice needs to count as good (OpenSLO `timeSliceTarget`). */
      readonly timeSliceTarget: number;
      /** Slice length in minutes (OpenSLO `timeSliceWindow`); must divide 60. */
      readonly sliceMinutes: number;
    }
  | { readonly kind: 'RatioTimeslices'; readonly sliceMinutes: number };

/** An objective: its target in [0, 1) and how its budget is counted. */
export interface Objective {
  /** OpenSLO `target`, e.g. 0.999. */
  readonly target: number;
  readonly method: BudgetingMethod;
}

export type CalendarUnit = 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year';

/** OpenSLO `timeWindow`: rolling over a fixed duration, or calendar-aligned in a time zone. */
export type WindowSpec =
  | { readonly kind: 'rolling'; readonly durationMs: number }
  | {
      readonly kind: 'calendar';
      readonly unit: CalendarUnit;
      readonly count: number;
      /** Local wall-clock start of the first period, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]`. */
      readonly startTime: string;
      /** IANA zone, e.g. `Europe/Amsterdam`. */
      readonly timeZone: string;
    };

/** Half-open interval [start, end) of epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * Sums of budget units over an interval: events (Occurrences), judged slices (Timeslices: good is
 * 0 or 1 per slice) or slice ratios (RatioTimeslices: good is the slice's ratio). `minutes` counts
 * minutes that had a stored row, for data coverage.
 */
export interface Sums {
  readonly good: number;
  readonly total: number;
  readonly minutes: number;
}

/** Answers "sums over [start, end)"; built from minutes or from rollups. */
export type RangeSum = (interval: Interval) => Sums;
