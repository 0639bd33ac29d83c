import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { alertWindows } from './alert-windows.js';
import { evaluateAlerts } from './alerts.js';
import { alertEpisodes } from './episodes.js';
import { MIN, series } from './testing.js';

const windowsDir = new URL('../../../../shared/corpus/sloth/windows/', import.meta.url);

describe('alertWindows', () => {
  it('has the exact factors of the SRE Workbook table for 30 and 28 days', () => {
    expect(alertWindows(30).map((w) => w.factor)).toEqual([14.4, 6, 3, 1]);
    const f28 = alertWindows(28).map((w) => w.factor);
    expect(f28.slice(0, 3)).toEqual([13.44, 5.6, 2.8]);
    expect(f28[3]).toBeCloseTo(14 / 15, 15);
  });

  it('matches Sloth’s google-28d and google-30d window files', () => {
    for (const file of ['google-28d.yaml', 'google-30d.yaml']) {
      const spec = parse(readFileSync(new URL(file, windowsDir), 'utf8')).spec;
      const days = Number(String(spec.sloPeriod).replace('d', ''));
      const fromYaml = (['page', 'ticket'] as const).flatMap((severity) =>
        (['quick', 'slow'] as const).map((speed) => ({
          severity,
          budgetPercent: spec[severity][speed].errorBudgetPercent,
          long: spec[severity][speed].longWindow,
          short: spec[severity][speed].shortWindow,
        })),
      );
      expect(
        alertWindows(days).map(({ severity, budgetPercent, long, short }) => ({
          severity,
          budgetPercent,
          long,
          short,
        })),
      ).toEqual(fromYaml);
    }
  });
});

const B = Date.parse('2024-05-01T00:00:00Z');
/** 1 000 events a minute for 3 days before B and 400 minutes after; minutes [B, B+30) lose `bad` each. */
const burst = (bad: number) =>
  series(B - 4320 * MIN, 4720, (i) => ({ good: i >= 4320 && i < 4350 ? 1000 - bad : 1000, total: 1000 }));

describe('evaluateAlerts', () => {
  it('pages when both windows of a pair exceed factor × (1 − objective), 3 minutes into a full outage', () => {
    const r = evaluateAlerts(burst(1000), { objective: 0.999, periodDays: 30, now: B + 3 * MIN });
    expect(r.page.firing).toBe(true);
    const [quick, slow] = r.page.pairs;
    expect(quick).toMatchObject({ long: '1h', short: '5m', factor: 14.4, firing: true });
    expect(quick!.shortRate).toBeCloseTo(3 / 5, 12);
    expect(quick!.longRate).toBeCloseTo(3 / 60, 12);
    expect(quick!.threshold).toBeCloseTo(0.0144, 12);
    expect(slow!.longRate).toBeCloseTo(3 / 360, 12); // > 6 × 0.001
    expect(slow!.firing).toBe(true);
    // 1d: 3/1440 < 0.003 and 3d: 3/4320 < 0.001, though both short windows exceed theirs.
    expect(r.ticket.firing).toBe(false);
    expect(r.ticket.pairs.map((p) => [p.shortRate! > p.threshold, p.longRate! > p.threshold])).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it('never fires without data', () => {
    const r = evaluateAlerts([], { objective: 0.999, periodDays: 30, now: B });
    expect(r.page.firing || r.ticket.firing).toBe(false);
    expect(r.page.pairs[0]).toMatchObject({ longRate: null, shortRate: null, firing: false });
  });
});

describe('alertEpisodes', () => {
  const walk = (bad: number, to = B + 400 * MIN) =>
    alertEpisodes(burst(bad), { objective: 0.999, periodDays: 30, from: B, to });

  it('opens and closes at the hand-computed minutes for a 30-minute full outage on 99.9 % / 30d', () => {
    const r = walk(1000);
    // Page: 1 bad minute gives 1/60 > 0.0144 on 1h and 1/5 on 5m → B+1. It ends when the 30m
    // window of the slow pair (factor 6) holds no bad minute: B+30+30.
    expect(r.page).toEqual([{ start: B + 1 * MIN, end: B + 60 * MIN }]);
    // Ticket: 1d needs k/1440 > 0.003 and 3d k/4320 > 0.001, both k > 4.32 → B+5. The 6h short
    // window of the slow pair empties 360 minutes after the outage ends: B+30+360.
    expect(r.ticket).toEqual([{ start: B + 5 * MIN, end: B + 390 * MIN }]);
  });

  it('pages only when a 5 % error burst has spent 2 % of the budget in the hour', () => {
    const r = walk(50);
    // 1h: 50k/60 000 > 0.0144 ⇔ k > 17.28 → B+18. After the burst, 5m holds (5 − j) × 0.01 > 0.0144
    // ⇔ j ≤ 3, so the page ends at B+30+4. 6h never reaches 0.006 (1.5/360), nor 1d/3d theirs.
    expect(r.page).toEqual([{ start: B + 18 * MIN, end: B + 34 * MIN }]);
    expect(r.ticket).toEqual([]);
  });

  it('leaves an episode open when it still fires at the end of the walk', () => {
    expect(walk(1000, B + 30 * MIN).page).toEqual([{ start: B + MIN, end: null }]);
  });
});
