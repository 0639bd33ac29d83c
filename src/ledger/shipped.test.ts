import { describe, expect, it } from 'vitest';
import { type GraphCommit, shippedCommits } from './shipped.js';

/** Builds a graph from `sha:time:parent,parent` lines. */
function graph(spec: string): Map<string, GraphCommit> {
  const g = new Map<string, GraphCommit>();
  for (const line of spec.trim().split(/\s+/)) {
    const [sha, t, parents] = line.split(':');
    g.set(sha!, { committedAt: Number(t), parents: parents ? parents.split(',') : [] });
  }
  return g;
}

describe('shippedCommits (rev-list head ^base)', () => {
  // a ← b ← c ← d (main);  b ← x ← y, merged into e = merge(d, y)
  const g = graph('a:1 b:2:a c:3:b d:4:c x:3:b y:5:x e:6:d,y f:7:e');

  it('ships what the head reaches beyond the base', () => {
    expect(shippedCommits({ graph: g, head: 'd', base: 'b' }).shas.sort()).toEqual(['c', 'd']);
  });

  it('ships the merged branch with its merge commit', () => {
    expect(shippedCommits({ graph: g, head: 'f', base: 'd' }).shas.sort()).toEqual(['e', 'f', 'x', 'y']);
  });

  it('ships nothing when the head is the base or one of its ancestors (a rollback)', () => {
    expect(shippedCommits({ graph: g, head: 'd', base: 'd' }).shas).toEqual([]);
    expect(shippedCommits({ graph: g, head: 'c', base: 'f' }).shas).toEqual([]);
  });

  it('ships everything reachable without a base', () => {
    expect(shippedCommits({ graph: g, head: 'd' }).shas.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reports missing parents and an unknown head', () => {
    const partial = graph('c:3:b d:4:c');
    expect(shippedCommits({ graph: partial, head: 'd', base: 'b' })).toEqual({
      shas: ['d', 'c'],
      missing: true,
    });
    expect(shippedCommits({ graph: partial, head: 'zz' })).toEqual({ shas: [], missing: true });
  });

  it('is right under any clock skew', () => {
    // c and d were committed "before" their ancestors by skewed clocks.
    const skewed = graph('a:10 b:30:a c:20:b d:5:c e:50:d');
    expect(shippedCommits({ graph: skewed, head: 'e', base: 'b' }).shas.sort()).toEqual(['c', 'd', 'e']);
    // A side branch whose commits claim to be ancient is still painted by the base.
    const side = graph('a:100 b:200:a x:1:a y:2:x m:300:b,y n:400:m');
    expect(shippedCommits({ graph: side, head: 'n', base: 'm' }).shas).toEqual(['n']);
    expect(shippedCommits({ graph: side, head: 'n', base: 'b' }).shas.sort()).toEqual(['m', 'n', 'x', 'y']);
  });

  it('walks a long linear history without quadratic cost', () => {
    const big = new Map<string, GraphCommit>();
    for (let i = 0; i < 50_000; i++) big.set(`c${i}`, { committedAt: i, parents: i ? [`c${i - 1}`] : [] });
    expect(shippedCommits({ graph: big, head: 'c49999', base: 'c10000' }).shas).toHaveLength(39_999);
  });
});
