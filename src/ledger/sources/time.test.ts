import { describe, expect, it } from 'vitest';
import { isRfc3339, parseTimestamp } from './time.js';

describe('parseTimestamp', () => {
  it('reads GitLab "UTC" suffixed times', () => {
    expect(parseTimestamp('2015-05-17 18:08:09 UTC')).toBe(Date.UTC(2015, 4, 17, 18, 8, 9));
  });
  it('reads ISO 8601 with a colon offset', () => {
    // 11:15:24 at +01:00 is 10:15:24 UTC
    expect(parseTimestamp('2019-03-21T11:15:24+01:00')).toBe(Date.UTC(2019, 2, 21, 10, 15, 24));
  });
  it('reads an offset without a colon', () => {
    expect(parseTimestamp('2015-05-17T18:08:09+0200')).toBe(Date.UTC(2015, 4, 17, 16, 8, 9));
  });
  it('reads a space-separated offset (GitLab deployment status_changed_at)', () => {
    expect(parseTimestamp('2021-04-28 21:50:00 +0200')).toBe(Date.UTC(2021, 3, 28, 19, 50, 0));
  });
  it('reads the GitLab documentation quirk with a space after a colon', () => {
    // 21:00:25 at -07:00 is 04:00:25 UTC the next day
    expect(parseTimestamp('2015-04-08T21: 00:25-07:00')).toBe(Date.UTC(2015, 3, 9, 4, 0, 25));
  });
  it('keeps milliseconds and Z', () => {
    expect(parseTimestamp('2023-03-20T14:27:05.315384Z')).toBe(Date.UTC(2023, 2, 20, 14, 27, 5, 315));
    expect(parseTimestamp('2021-02-23T02:41:37.886Z')).toBe(Date.UTC(2021, 1, 23, 2, 41, 37, 886));
  });
  it('reads epoch seconds (GitHub pushed_at) and epoch ms', () => {
    expect(parseTimestamp(1557933565)).toBe(1557933565000);
    expect(parseTimestamp(1557933565000)).toBe(1557933565000);
  });
  it('returns undefined, never throws, on garbage', () => {
    for (const bad of [
      '',
      'yesterday',
      '2015-13-01T00:00:00Z',
      '2015-02-31 10:00:00 UTC',
      null,
      {},
      '2015-05-17',
    ]) {
      expect(parseTimestamp(bad)).toBeUndefined();
    }
  });
});

describe('isRfc3339', () => {
  it('wants a full date-time with a zone', () => {
    expect(isRfc3339('2023-03-20T14:27:05.315384Z')).toBe(true);
    expect(isRfc3339('2023-03-20T14:27:05+01:00')).toBe(true);
    expect(isRfc3339('2023-03-20 14:27:05 UTC')).toBe(false);
    expect(isRfc3339('2023-03-20T14:27:05')).toBe(false);
  });
});
