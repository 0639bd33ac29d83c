import { describe, expect, it } from 'vitest';
import { mergeSorted, percentileCont, percentilesOf } from './percentile.js';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1_103_515_245 + 12_345) % 2_147_483_648;
    return a / 2_147_483_648;
  };
}

describe('percentilesOf', () => {
  it('gives what percentileCont gives on the merged, sorted lists', () => {
    const rnd = random(7);
    for (let round = 0; round < 300; round++) {
      const lists = Array.from({ length: Math.floor(rnd() * 8) }, () =>
        Array.from({ length: Math.floor(rnd() * 12) }, () => Math.floor(rnd() * (round % 3 ? 50 : 1e6))).sort(
          (a, b) => a - b,
        ),
      );
      const merged = mergeSorted(lists);
      const ps = [0.5, 0.9, 0.1, 0.99, 0, 1];
      expect(percentilesOf(lists, ps)).toEqual(ps.map((p) => percentileCont(merged, p)));
    }
  });

  it('is null for no values, and the value itself for one', () => {
    expect(percentilesOf([[], []], [0.5])).toEqual([null]);
    expect(percentilesOf([[], [42]], [0.5, 0.9])).toEqual([42, 42]);
    expect(
      percentilesOf(
        [
          [1, 2],
          [3, 10],
        ],
        [0.5],
      ),
    ).toEqual([2.5]);
  });
});
