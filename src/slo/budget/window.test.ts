import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../core/errors.js';
import { durationMs, minutesLabel, parseDuration, windowSpec } from './duration.js';
import type { WindowSpec } from './types.js';
import { windowAt } from './window.js';

const iso = (t: number) => new Date(t).toISOString();
const at = (spec: WindowSpec, now: string) => {
  const w = windowAt(spec, Date.parse(now));
  return [iso(w.start), iso(w.end)];
};
const calendar = (
  unit: 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year',
  timeZone: string,
  startTime = '2024-01-01',
) => ({ kind: 'calendar', unit, count: 1, startTime, timeZone }) as const;
const HOUR = 3_600_000;

describe('OpenSLO durations', () => {
  it('parses the shorthand units, minutes lower-case and months upper-case', () => {
    expect(parseDuration('28d')).toEqual({ count: 28, unit: 'd' });
    expect(parseDuration('1M')).toEqual({ count: 1, unit: 'M' });
    expect(durationMs('5m')).toBe(300_000);
    expect(durationMs('2w')).toBe(14 * 24 * HOUR);
    expect(durationMs('30d')).toBe(43_200 * 60_000);
    expect(() => durationMs('1M')).toThrow(InputError);
    expect(() => parseDuration('0d')).toThrow(InputError);
    expect(() => parseDuration('3 days')).toThrow(InputError);
    expect([5, 30, 60, 120, 1440, 4320].map(minutesLabel)).toEqual(['5m', '30m', '1h', '2h', '1d', '3d']);
  });

  it('reads the time windows of the OpenSLO budgeting-method examples', () => {
    const dir = new URL('../../../../shared/corpus/openslo/spec-examples/budgeting-method/', import.meta.url);
    const tw = (file: string) => parse(readFileSync(new URL(file, dir), 'utf8')).spec.timeWindow[0];
    expect(windowSpec(tw('occurences-slo.yaml'))).toEqual({ kind: 'rolling', durationMs: 14 * 24 * HOUR });
    expect(windowSpec(tw('ratio-timeslices.yaml'))).toEqual({ kind: 'rolling', durationMs: 14 * 24 * HOUR });
    // `duration: 1m` on a calendar window is one minute, not a month: there is no such period.
    expect(() => windowSpec(tw('timeslices-slo.yaml'))).toThrow(/not a calendar unit/);
    expect(
      windowSpec({
        duration: '1Q',
        isRolling: false,
        calendar: { startTime: '2024-01-01', timeZone: 'UTC' },
      }),
    ).toEqual(calendar('Quarter', 'UTC'));
  });
});

describe('windowAt', () => {
  it('rolls back a fixed duration from now', () => {
    expect(at({ kind: 'rolling', durationMs: durationMs('30d') }, '2024-03-31T12:00:00Z')).toEqual([
      '2024-03-01T12:00:00.000Z',
      '2024-03-31T12:00:00.000Z',
    ]);
  });

  it('bounds a month in the zone across the spring DST change (Amsterdam, 743 hours)', () => {
    const march = windowAt(calendar('Month', 'Europe/Amsterdam'), Date.parse('2024-03-31T12:00:00Z'));
    expect([iso(march.start), iso(march.end)]).toEqual([
      '2024-02-29T23:00:00.000Z',
      '2024-03-31T22:00:00.000Z',
    ]);
    expect(march.end - march.start).toBe((31 * 24 - 1) * HOUR);
    // Local 1 April 00:30 CEST is 31 March 22:30 UTC: already April.
    expect(at(calendar('Month', 'Europe/Amsterdam'), '2024-03-31T22:30:00Z')[0]).toBe(
      '2024-03-31T22:00:00.000Z',
    );
    const october = windowAt(calendar('Month', 'Europe/Amsterdam'), Date.parse('2024-10-15T00:00:00Z'));
    expect(october.end - october.start).toBe((31 * 24 + 1) * HOUR);
  });

  it('bounds quarters, weeks, days and years in the zone', () => {
    expect(at(calendar('Quarter', 'Europe/Amsterdam'), '2024-05-15T10:00:00Z')).toEqual([
      '2024-03-31T22:00:00.000Z',
      '2024-06-30T22:00:00.000Z',
    ]);
    expect(at(calendar('Quarter', 'Europe/Amsterdam'), '2024-02-10T00:00:00Z')).toEqual([
      '2023-12-31T23:00:00.000Z',
      '2024-03-31T22:00:00.000Z',
    ]);
    // 2024-01-01 is a Monday; the week of Sunday 31 March loses an hour.
    expect(at(calendar('Week', 'Europe/Amsterdam'), '2024-03-31T12:00:00Z')).toEqual([
      '2024-03-24T23:00:00.000Z',
      '2024-03-31T22:00:00.000Z',
    ]);
    expect(at(calendar('Day', 'Asia/Kolkata'), '2024-03-31T20:00:00Z')).toEqual([
      '2024-03-31T18:30:00.000Z',
      '2024-04-01T18:30:00.000Z',
    ]);
    expect(at(calendar('Year', 'UTC', '2020-07-01'), '2024-03-31T00:00:00Z')).toEqual([
      '2023-07-01T00:00:00.000Z',
      '2024-07-01T00:00:00.000Z',
    ]);
  });

  it('starts periods at the wall time of startTime, before and after a DST change', () => {
    // OpenSLO example startTime 12:00 New York; the US moved to EDT on 2024-03-10.
    const spec = calendar('Month', 'America/New_York', '2022-01-01 12:00:00');
    expect(at(spec, '2024-03-10T20:00:00Z')).toEqual([
      '2024-03-01T17:00:00.000Z',
      '2024-04-01T16:00:00.000Z',
    ]);
    expect(at(spec, '2024-03-01T16:59:00Z')[0]).toBe('2024-02-01T17:00:00.000Z');
  });

  it('counts multi-unit periods from the anchor and clamps a 31st to short months', () => {
    const twoMonths = { ...calendar('Month', 'UTC', '2024-01-31'), count: 2 };
    expect(at(twoMonths, '2024-04-15T00:00:00Z')).toEqual([
      '2024-03-31T00:00:00.000Z',
      '2024-05-31T00:00:00.000Z',
    ]);
    expect(at({ ...calendar('Month', 'UTC', '2024-01-31') }, '2024-03-01T00:00:00Z')).toEqual([
      '2024-02-29T00:00:00.000Z',
      '2024-03-31T00:00:00.000Z',
    ]);
    expect(at({ ...calendar('Day', 'UTC'), count: 7 }, '2023-12-30T00:00:00Z')).toEqual([
      '2023-12-25T00:00:00.000Z',
      '2024-01-01T00:00:00.000Z',
    ]);
  });

  it('rejects unknown zones and malformed start times', () => {
    expect(() => windowAt(calendar('Month', 'Mars/Olympus'), 0)).toThrow(InputError);
    expect(() => windowAt(calendar('Month', 'UTC', '01/01/2024'), 0)).toThrow(InputError);
  });
});
