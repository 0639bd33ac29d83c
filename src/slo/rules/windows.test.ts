import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { burnRateFactor, formatPromDuration, googleWindows, parsePromDuration } from './windows.js';

const windowsDir = fileURLToPath(new URL('../../../../shared/corpus/sloth/windows/', import.meta.url));

describe('alert windows', () => {
  it('matches the windows Sloth ships for 28 and 30 days', () => {
    for (const days of [28, 30]) {
      const { spec } = parse(readFileSync(`${windowsDir}google-${days}d.yaml`, 'utf8'));
      const { periodDays, ...pairs } = googleWindows(days);
      expect(spec.sloPeriod).toBe(`${periodDays}d`);
      expect(spec.page).toEqual(pairs.page);
      expect(spec.ticket).toEqual(pairs.ticket);
    }
  });

  it('gives the SRE Workbook factors: 14.4/6/3/1 for 30 days, 13.44/5.6/2.8/0.933 for 28', () => {
    const factors = (days: number) => {
      const w = googleWindows(days);
      return [w.page.quick, w.page.slow, w.ticket.quick, w.ticket.slow].map((p) => burnRateFactor(w, p));
    };
    expect(factors(30)).toEqual([14.4, 6, 3, 1]);
    expect(factors(28).map((f) => Number(f.toFixed(3)))).toEqual([13.44, 5.6, 2.8, 0.933]);
  });

  it('formats durations as Prometheus does', () => {
    expect(
      ['5m', '1d', '30d', '28d', '7d', '36h'].map((d) => formatPromDuration(parsePromDuration(d))),
    ).toEqual(['5m', '1d', '30d', '4w', '1w', '1d12h']);
    expect(() => parsePromDuration('1 h')).toThrow('"1 h" is not a Prometheus duration');
  });
});
