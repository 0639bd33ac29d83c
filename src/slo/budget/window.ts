import { InputError } from '../../core/errors.js';
import { addDays, dayStart } from '../../measures/zoned.js';
import type { CalendarUnit, Interval, WindowSpec } from './types.js';

interface Wall {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly ms: number; // time of day
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new InputError(`time zone "${tz}" is not an IANA zone`);
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Local wall clock of an instant, as if that wall time were UTC (milliseconds). */
function wallMs(t: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(t)) p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

function wallOf(t: number, tz: string): Wall {
  const w = new Date(wallMs(t, tz));
  const y = w.getUTCFullYear();
  const m = w.getUTCMonth() + 1;
  const d = w.getUTCDate();
  return { y, m, d, ms: w.getTime() - Date.UTC(y, m - 1, d) };
}

/** The instant of a local wall time; the day's start comes from measures/zoned (DST-safe). */
function instantOf(w: Wall, tz: string): number {
  formatter(tz); // validates the zone before zoned.ts uses it
  const day = new Date(Date.UTC(w.y, w.m - 1, w.d)).toISOString().slice(0, 10);
  let t = dayStart(day, tz);
  if (w.ms === 0) return t;
  t += w.ms;
  // Correct for a DST shift between midnight and the wall time.
  for (let i = 0; i < 2; i++) t += Date.UTC(w.y, w.m - 1, w.d) + w.ms - wallMs(t, tz);
  return t;
}

function parseStart(text: string): Wall {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) throw new InputError(`calendar startTime "${text}" is not YYYY-MM-DD[ HH:MM[:SS]]`);
  const [y, mo, d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, ...number[]];
  return { y, m: mo!, d: d!, ms: ((h! * 60 + min!) * 60 + s!) * 1000 };
}

const monthsPer: Partial<Record<CalendarUnit, number>> = { Month: 1, Quarter: 3, Year: 12 };

/** Period i of a calendar window, as a wall time: the anchor moved by i × count units. */
function periodStart(anchor: Wall, unit: CalendarUnit, step: number): Wall {
  const months = monthsPer[unit];
  if (months === undefined) {
    const day = addDays(`${anchor.y}-${pad(anchor.m)}-${pad(anchor.d)}`, step * (unit === 'Week' ? 7 : 1));
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return { y, m, d, ms: anchor.ms };
  }
  const index = anchor.y * 12 + anchor.m - 1 + step * months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(anchor.d, lastDay), ms: anchor.ms }; // a 31st anchor clamps to short months
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The window an SLO is judged over at `now`: rolling is [now − duration, now); calendar is the
 * period that contains now, periods repeating every `count` units from startTime in the zone.
 */
export function windowAt(spec: WindowSpec, now: number): Interval {
  if (spec.kind === 'rolling') return { start: now - spec.durationMs, end: now };
  if (!Number.isInteger(spec.count) || spec.count < 1)
    throw new InputError('calendar count must be 1 or more');
  const anchor = parseStart(spec.startTime);
  const at = (i: number) => instantOf(periodStart(anchor, spec.unit, i * spec.count), spec.timeZone);
  // Estimate the period index from the wall clock, then step to the exact one.
  const w = wallOf(now, spec.timeZone);
  const months = monthsPer[spec.unit];
  const approx =
    months === undefined
      ? (Date.UTC(w.y, w.m - 1, w.d) - Date.UTC(anchor.y, anchor.m - 1, anchor.d)) /
        (86_400_000 * (spec.unit === 'Week' ? 7 : 1))
      : (w.y * 12 + w.m - (anchor.y * 12 + anchor.m)) / months;
  let i = Math.floor(approx / spec.count);
  while (at(i) > now) i--;
  while (at(i + 1) <= now) i++;
  return { start: at(i), end: at(i + 1) };
}
