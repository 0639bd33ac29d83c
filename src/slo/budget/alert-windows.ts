import { InputError } from '../../core/errors.js';
import { minutesLabel } from './duration.js';

export type Severity = 'page' | 'ticket';

export interface AlertWindow {
  readonly severity: Severity;
  /** Share of the period's budget this pair catches being spent, in percent. */
  readonly budgetPercent: number;
  readonly long: string;
  readonly short: string;
  readonly longMinutes: number;
  readonly shortMinutes: number;
  /** Burn-rate factor = budget share × period ÷ long window. */
  readonly factor: number;
}

// SRE Workbook ch. 5 "recommended parameters", as in Sloth internal/alert/windows/google-*.yaml.
const pairs: readonly Omit<AlertWindow, 'long' | 'short' | 'factor'>[] = [
  { severity: 'page', budgetPercent: 2, longMinutes: 60, shortMinutes: 5 },
  { severity: 'page', budgetPercent: 5, longMinutes: 360, shortMinutes: 30 },
  { severity: 'ticket', budgetPercent: 10, longMinutes: 1440, shortMinutes: 120 },
  { severity: 'ticket', budgetPercent: 10, longMinutes: 4320, shortMinutes: 360 },
];

/** The multiwindow, multi-burn-rate table for an SLO period (30d: 14.4, 6, 3, 1; 28d: 13.44, 5.6, 2.8, 0.933…). */
export function alertWindows(periodDays: number): AlertWindow[] {
  if (!(periodDays > 0)) throw new InputError('periodDays must be positive');
  const periodMinutes = periodDays * 1440;
  return pairs.map((p) => ({
    ...p,
    long: minutesLabel(p.longMinutes),
    short: minutesLabel(p.shortMinutes),
    // Integer numerator over integer denominator so 14.4 comes out as the literal 14.4.
    factor: (p.budgetPercent * periodMinutes) / (100 * p.longMinutes),
  }));
}
