import { describe, expect, it } from 'vitest';
import { alignDown, splitRange } from './range-chunks.js';

describe('splitRange', () => {
  it('cuts a range into adjacent pieces of at most maxSteps steps', () => {
    expect(splitRange({ start: 0, end: 250, stepMs: 10 }, 10)).toEqual([
      { start: 0, end: 100, stepMs: 10 },
      { start: 100, end: 200, stepMs: 10 },
      { start: 200, end: 250, stepMs: 10 },
    ]);
  });

  it('gives nothing for an empty range', () => {
    expect(splitRange({ start: 100, end: 100, stepMs: 10 }, 10)).toEqual([]);
  });

  it('keeps a 7-day minute backfill under Prometheus 11,000 points per request', () => {
    const pieces = splitRange({ start: 0, end: 7 * 1440 * 60_000, stepMs: 60_000 }, 11_000);
    expect(pieces).toHaveLength(1); // 10,080 minutes
    expect(splitRange({ start: 0, end: 8 * 1440 * 60_000, stepMs: 60_000 }, 11_000)).toHaveLength(2);
  });
});

describe('alignDown', () => {
  it('rounds to the step boundary at or before, also before 1970', () => {
    expect(alignDown(125_000, 60_000)).toBe(120_000);
    expect(alignDown(-1, 60_000)).toBe(-60_000);
  });
});
