import { InputError } from '../../core/errors.js';
import type { CalendarUnit, WindowSpec } from './types.js';

export const MINUTE_MS = 60_000;

/** OpenSLO duration shorthand units (OpenSLO v1 README: "Durations: m h d w M Q Y"). */
export type DurationUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

export interface Duration {
  readonly count: number;
  readonly unit: DurationUnit;
}

const fixedMs: Partial<Record<DurationUnit, number>> = {
  m: MINUTE_MS,
  h: 60 * MINUTE_MS,
  d: 1440 * MINUTE_MS,
  w: 7 * 1440 * MINUTE_MS,
};

const calendarUnits: Partial<Record<DurationUnit, CalendarUnit>> = {
  d: 'Day',
  w: 'Week',
  M: 'Month',
  Q: 'Quarter',
  Y: 'Year',
};

/** Parses `28d`, `1M`, `5m`… Case matters: `m` is minutes, `M` months. */
export function parseDuration(text: string): Duration {
  const match = /^([1-9]\d*)([mhdwMQY])$/.exec(text.trim());
  if (!match)
    throw new InputError(`duration "${text}" is not a positive count followed by m, h, d, w, M, Q or Y`);
  return { count: Number(match[1]), unit: match[2] as DurationUnit };
}

/** Length of a fixed duration in milliseconds; months, quarters and years have none. */
export function durationMs(text: string): number {
  const { count, unit } = parseDuration(text);
  const ms = fixedMs[unit];
  if (ms === undefined) throw new InputError(`duration "${text}" has no fixed length; use a calendar window`);
  return count * ms;
}

/** Short label of a whole number of minutes, the way Sloth writes windows (`5m`, `6h`, `3d`). */
export function minutesLabel(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** An OpenSLO `timeWindow` entry as a window spec. */
export function windowSpec(tw: {
  duration: string;
  isRolling?: boolean;
  calendar?: { startTime: string; timeZone: string };
}): WindowSpec {
  if (tw.isRolling !== false && !tw.calendar) return { kind: 'rolling', durationMs: durationMs(tw.duration) };
  if (!tw.calendar) throw new InputError('a calendar window needs calendar.startTime and calendar.timeZone');
  const { count, unit } = parseDuration(tw.duration);
  const calendarUnit = calendarUnits[unit];
  if (!calendarUnit) throw new InputError(`duration "${tw.duration}" is not a calendar unit (d, w, M, Q, Y)`);
  return { kind: 'calendar', unit: calendarUnit, count, ...tw.calendar };
}
