/**
 * Multiwindow, multi-burn-rate alert parameters (Google SRE Workbook, "Alerting on SLOs", as Sloth
 * implements them in internal/alert/windows).
 */

export interface AlertWindow {
  /** Share of the period's error budget this window pair may burn before it fires, in percent. */
  errorBudgetPercent: number;
  /** Prometheus durations, e.g. `5m`, `1h`. */
  shortWindow: string;
  longWindow: string;
}

export interface AlertWindows {
  periodDays: number;
  page: { quick: AlertWindow; slow: AlertWindow };
  ticket: { quick: AlertWindow; slow: AlertWindow };
}

/** The workbook's recommended windows; Sloth uses the same ones for 28- and 30-day periods. */
export function googleWindows(periodDays: number): AlertWindows {
  return {
    periodDays,
    page: {
      quick: { errorBudgetPercent: 2, shortWindow: '5m', longWindow: '1h' },
      slow: { errorBudgetPercent: 5, shortWindow: '30m', longWindow: '6h' },
    },
    ticket: {
      quick: { errorBudgetPercent: 10, shortWindow: '2h', longWindow: '1d' },
      slow: { errorBudgetPercent: 10, shortWindow: '6h', longWindow: '3d' },
    },
  };
}

const units: Record<string, number> = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5, y: 31536e6 };

/** Milliseconds in a Prometheus duration such as `1d12h` or `30m`. */
export function parsePromDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+)(ms|[smhdwy])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new Error(`"${text}" is not a Prometheus duration`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}

/** Formats like Prometheus' model.Duration: years and weeks only when exact (`90d`, not `12w6d`). */
export function formatPromDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, exact] of [
    ['y', true],
    ['w', true],
    ['d', false],
    ['h', false],
    ['m', false],
    ['s', false],
    ['ms', false],
  ] as const) {
    const size = units[unit]!;
    if (exact && rest % size !== 0) continue;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

/**
 * Burn-rate factor of a window pair: (period ÷ long window) × budget share — 14.4 for 2 % of a
 * 30-day budget in one hour (SRE Workbook, table 5-8).
 */
export function burnRateFactor(windows: AlertWindows, window: AlertWindow): number {
  const period = windows.periodDays * units.d!;
  return (period / parsePromDuration(window.longWindow)) * (window.errorBudgetPercent / 100);
}
