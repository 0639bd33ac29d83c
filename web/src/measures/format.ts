/** Human units for DORA numbers: "2d 4h", "42.9 %", "1.3 / day", and day ranges. */

const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** Two units at most, the larger first: 45s, 12m, 3h 45m, 2d 4h; a unit that rounds to zero is left out. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? '−' : '';
  if (s < 60) return `${sign}${s}s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${sign}${minutes}m`;
  if (minutes < 24 * 60) return `${sign}${join(Math.floor(minutes / 60), 'h', minutes % 60, 'm')}`;
  const hours = Math.round(s / 3600);
  return `${sign}${join(Math.floor(hours / 24), 'd', hours % 24, 'h')}`;
}

function join(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small ? `${big}${bigUnit} ${small}${smallUnit}` : `${big}${bigUnit}`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${oneDecimal.format(rate * 100)} %`;
}

/** Deployments per day, or per week or month when that reads better than a small fraction. */
export function formatFrequency(perDay: number): string {
  if (perDay === 0) return '0 / day';
  if (perDay >= 1) return `${oneDecimal.format(perDay)} / day`;
  if (perDay * 7 >= 1) return `${oneDecimal.format(perDay * 7)} / week`;
  return `${oneDecimal.format(perDay * 30)} / month`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Days are calendar dates in the tenant's time zone; formatting them at UTC midnight keeps the date.
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** "2–8 Nov 2026" in the browser's locale. */
export function formatDayRange(from: string, to: string): string {
  return from === to ? dayFormat.format(utc(from)) : dayFormat.formatRange(utc(from), utc(to));
}

export function formatDay(day: string, opts: { year?: boolean } = {}): string {
  return (opts.year ? dayFormat : shortDay).format(utc(day));
}
