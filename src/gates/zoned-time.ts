import { type Weekday, weekdays } from './policy-model.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock of an instant in an IANA zone (Intl's data, so daylight saving is right). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  /** minutes since local midnight */
  minutes: number;
  daysInMonth: number;
}

export function wallClock(t: number, timeZone: string): WallClock {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(t)) p[part.type] = part.value;
  const year = Number(p.year);
  const month = Number(p.month);
  return {
    year,
    month,
    day: Number(p.day),
    weekday: p.weekday!.slice(0, 3).toLowerCase() as Weekday,
    minutes: Number(p.hour) * 60 + Number(p.minute),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

/** `HH:MM` as minutes since midnight (`24:00` is 1440). */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function isWeekday(s: string): s is Weekday {
  return (weekdays as readonly string[]).includes(s);
}
