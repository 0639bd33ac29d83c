import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal.js';

// Reference values from an independent implementation (scipy.stats.norm 1.17); their leading digits are those of printed tables.
describe('standard normal', () => {
  it('Φ matches the table', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.841344746068543, 13);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 13);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 13);
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427178e-16, 22);
    expect(normalCdf(-40)).toBe(0);
  });

  it('Φ⁻¹ inverts Φ', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 11);
    for (const p of [1e-9, 0.01, 0.2, 0.7, 0.999999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
