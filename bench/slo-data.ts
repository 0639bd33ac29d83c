/**
 * Synthetic SLO data for `npm run bench -- slo`: N ratio SLIs (`sli-0000` …), one Occurrences SLO
 * each (`slo-0000` …, 30-day rolling window), and one sample per SLI and minute. Counts are
 * integers, so every sum is exact and rollup answers must equal the raw scan's to the last bit.
 */
import { minuteRollup } from '../src/slo/budget/index.js';

export const tenant = 'bench';
export const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface SloScale {
  slos: number;
  days: number;
  /** Minutes per SLI written through the real path (the rest are bulk-loaded). */
  sliceMinutes: number;
  /** First minute of the data; half past an hour, so windows have edge minutes to read. */
  start: number;
}

export const sliName = (i: number) => `sli-${String(i).padStart(4, '0')}`;
export const sloName = (i: number) => `slo-${String(i).padStart(4, '0')}`;
export const minutesOf = (s: SloScale) => s.days * 1440;
export const targetOf = (i: number) => [0.99, 0.995, 0.999][i % 3]!;

/** Good and total events of SLI i in its k-th minute: steady traffic, a trickle of errors, rare outages. */
export function counts(i: number, k: number): { good: number; total: number } {
  const total = 100 + ((i * 7 + k * 13) % 50);
  const outage = (k + i * 31) % 997 < 3;
  const bad = outage ? total >> 2 : (k * (i + 1)) % 17 === 0 ? 1 : 0;
  return { good: total - bad, total };
}

export function definitionsYaml(scale: SloScale): string {
  const docs: string[] = [];
  for (let i = 0; i < scale.slos; i++) {
    docs.push(`apiVersion: openslo/v1
kind: SLI
metadata:
  name: ${sliName(i)}
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(requests_total{svc="${i}",code!~"5.."}[{{.window}}]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(requests_total{svc="${i}"}[{{.window}}]))
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${sloName(i)}
spec:
  service: svc-${i}
  indicatorRef: ${sliName(i)}
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: ${targetOf(i)}
`);
  }
  return docs.join('---\n');
}

export interface Bucket {
  t: number;
  good: number;
  total: number;
  minutes: number;
}

/**
 * The minutes of SLI i from minute `from` to `to` (indexes), with the hour and day rollups the
 * code writes for them (budget/rollup.ts `minuteRollup`, Occurrences: plain sums and a minute count).
 */
export function sliRows(i: number, scale: SloScale, from: number, to: number) {
  const minutes: { t: number; good: number; total: number }[] = [];
  const hours = new Map<number, Bucket>();
  for (let k = from; k < to; k++) {
    const t = scale.start + k * MINUTE_MS;
    const c = counts(i, k);
    minutes.push({ t, ...c });
    const h = Math.floor(t / HOUR_MS) * HOUR_MS;
    const b = hours.get(h);
    if (b) {
      b.good += c.good;
      b.total += c.total;
      b.minutes++;
    } else hours.set(h, { t: h, ...c, minutes: 1 });
  }
  const days = new Map<number, Bucket>();
  for (const h of hours.values()) {
    const d = Math.floor(h.t / DAY_MS) * DAY_MS;
    const b = days.get(d);
    if (b) {
      b.good += h.good;
      b.total += h.total;
      b.minutes += h.minutes;
    } else days.set(d, { ...h, t: d });
  }
  return { minutes, hours: [...hours.values()], days: [...days.values()] };
}

/** The loader's rollups must be the code's: checked on one SLI before anything is timed. */
export function checkRollupsMatchCode(scale: SloScale): void {
  const rows = sliRows(1, scale, 0, Math.min(minutesOf(scale), 3 * 1440 + 77));
  const code = minuteRollup(rows.minutes, { kind: 'Occurrences' });
  if (JSON.stringify(code) !== JSON.stringify({ hours: rows.hours, days: rows.days }))
    throw new Error('bench slo: the loader computes rollups differently from budget/rollup.ts');
}
