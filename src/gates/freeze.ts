import type { FreezeWindow } from './policy-model.js';
import { clockMinutes, wallClock } from './zoned-time.js';

/** Describes a window the way the decision's message shows it. */
export function describeWindow(w: FreezeWindow): string {
  const label = w.reason ? ` (${w.reason})` : '';
  if (w.weekly) return `weekly ${w.weekly.days.join(',')} ${w.weekly.from}–${w.weekly.to}${label}`;
  if (w.monthEnd) return `last ${w.monthEnd.lastDays} day(s) of the month${label}`;
  return `${w.from} – ${w.to}${label}`;
}

/**
 * The freeze windows in force at `t`. One-off windows are [from, to) instants; weekly windows are
 * [from, to) local times on the listed days; month-end windows cover the last N local days.
 */
export function activeWindows(windows: readonly FreezeWindow[], t: number, timeZone: string): FreezeWindow[] {
  const local = wallClock(t, timeZone);
  return windows.filter((w) => {
    if (w.weekly) {
      return (
        w.weekly.days.includes(local.weekday) &&
        local.minutes >= clockMinutes(w.weekly.from) &&
        local.minutes < clockMinutes(w.weekly.to)
      );
    }
    if (w.monthEnd) return local.day > local.daysInMonth - w.monthEnd.lastDays;
    return t >= Date.parse(w.from!) && t < Date.parse(w.to!);
  });
}
