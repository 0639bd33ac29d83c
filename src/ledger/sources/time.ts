/**
 * One timestamp parser for every source. GitLab alone sends `2015-05-17 18:08:09 UTC`,
 * `2019-03-21T11:15:24+01:00`, `2015-05-17T18:08:09+0200`, `2021-04-28 21:50:00 +0200` and, in its
 * own documentation, `2015-04-08T21: 00:25-07:00`. Returns epoch ms, or undefined for anything else
 * (the caller reports it) — never throws.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    // GitHub sends some times (repository.pushed_at) as epoch seconds.
    return value < 1e11 ? value * 1000 : value;
  }
  if (typeof value !== 'string') return undefined;
  const s = value
    .trim()
    .replace(/:\s+(?=\d)/g, ':') // `21: 00:25` → `21:00:25`
    .replace(/\s*(?:UTC|GMT)$/i, 'Z')
    .replace(/\s+(?=[+-]\d{2}:?\d{2}$)/, ''); // `21:50:00 +0200` → `21:50:00+0200`
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '00', frac = '', zone = 'Z'] = m;
  // A time without a zone is taken as UTC: every source we read that omits it means UTC.
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = frac ? frac.slice(0, 4).padEnd(4, '0') : '';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec}${ms}${offset}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  // Date.parse rolls 31 February over into March; a real date survives the round trip.
  const back = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d)) return undefined;
  return t;
}

/** RFC 3339 date-time (what CDEvents and CloudEvents require): full date, time, and a zone. */
export function isRfc3339(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(value)) return false;
  return parseTimestamp(value) !== undefined;
}
