import { describe, expect, it } from 'vitest';
import { sampleValue } from './query-range.js';

describe('sampleValue', () => {
  it('reads the special values Prometheus writes as Go does', () => {
    expect(sampleValue('NaN')).toBeNaN();
    expect(sampleValue('+Inf')).toBe(Number.POSITIVE_INFINITY);
    expect(sampleValue('-Inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(sampleValue('1.5e+03')).toBe(1500);
    expect(sampleValue('')).toBeUndefined();
    expect(sampleValue('abc')).toBeUndefined();
  });
});
