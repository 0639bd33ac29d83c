import { describe, expect, it } from 'vitest';
import { addDays, dayStart, daysBetween, localDay, weekOf } from './zoned.js';

describe('zoned days', () => {
  it('finds the local day of an instant', () => {
    expect(localDay(Date.parse('2026-03-28T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-03-29');
    expect(localDay(Date.parse('2026-03-28T23:30:00Z'), 'UTC')).toBe('2026-03-28');
    expect(localDay(Date.parse('2026-03-29T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-28');
  });

  it('starts days at local midnight across daylight-saving changes', () => {
    // Amsterdam moves to CEST on 2026-03-29: that day lasts 23 hours.
    expect(new Date(dayStart('2026-03-29', 'Europe/Amsterdam')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(dayStart('2026-03-30', 'Europe/Amsterdam')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    // Back to CET on 2026-10-25: 25 hours.
    expect(dayStart('2026-10-26', 'Europe/Amsterdam') - dayStart('2026-10-25', 'Europe/Amsterdam')).toBe(
      25 * 3_600_000,
    );
    expect(new Date(dayStart('2026-06-01', 'Asia/Kolkata')).toISOString()).toBe('2026-05-31T18:30:00.000Z');
  });

  it('handles a zone whose midnight does not exist on the day of the change', () => {
    // Santiago springs forward at 00:00 on 2026-09-06: the day begins at 01:00 local.
    const start = dayStart('2026-09-06', 'America/Santiago');
    expect(localDay(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDay(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('counts weeks from Monday and walks days', () => {
    expect(weekOf('2026-11-22')).toBe('2026-11-16');
    expect(weekOf('2026-11-16')).toBe('2026-11-16');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});
