/**
 * Which commits a deployment shipped: those reachable from its sha and not from the previous
 * successful deployment's sha — `git rev-list X ^P`. Like git, it walks newest-first by commit time,
 * painting what P reaches as uninteresting, and stops once only uninteresting commits remain queued.
 */
export interface GraphCommit {
  parents: readonly string[];
  committedAt: number;
}

export interface ShippedResult {
  shas: string[];
  /** a parent was referenced but is not in the graph: the answer may change when it arrives */
  missing: boolean;
}

/** Extra commits walked after the queue turned all-uninteresting, absorbing clock skew (git uses 5). */
const slop = 5;

export function shippedCommits(opts: {
  graph: ReadonlyMap<string, GraphCommit>;
  head: string;
  base?: string;
}): ShippedResult {
  const { graph, head, base } = opts;
  if (!graph.has(head)) return { shas: [], missing: true };
  const uninteresting = new Map<string, boolean>();
  const queued = new Set<string>();
  const heap = new CommitHeap(graph);
  let interestingQueued = 0;
  let missing = false;

  const push = (sha: string, flag: boolean) => {
    const seen = uninteresting.get(sha);
    if (seen === undefined) {
      uninteresting.set(sha, flag);
      if (!graph.has(sha)) {
        missing = true;
        return;
      }
      heap.push(sha);
      queued.add(sha);
      if (!flag) interestingQueued++;
    } else if (flag && !seen) {
      uninteresting.set(sha, true);
      if (queued.has(sha)) interestingQueued--;
    }
  };

  push(head, false);
  if (base) push(base, true);
  let extra = slop;
  while (heap.size > 0) {
    if (interestingQueued === 0 && extra-- <= 0) break;
    if (interestingQueued > 0) extra = slop;
    const sha = heap.pop();
    queued.delete(sha);
    const flag = uninteresting.get(sha)!;
    if (!flag) interestingQueued--;
    for (const p of graph.get(sha)!.parents) push(p, flag);
  }
  // Everything reached and never painted uninteresting was shipped.
  const shas: string[] = [];
  for (const [sha, flag] of uninteresting) if (!flag && graph.has(sha)) shas.push(sha);
  return { shas, missing };
}

/** A max-heap on (commit time, sha): newest first, deterministic on ties. */
class CommitHeap {
  readonly #items: string[] = [];
  constructor(private readonly graph: ReadonlyMap<string, GraphCommit>) {}

  get size(): number {
    return this.#items.length;
  }

  #before(a: string, b: string): boolean {
    const ta = this.graph.get(a)!.committedAt;
    const tb = this.graph.get(b)!.committedAt;
    return ta > tb || (ta === tb && a > b);
  }

  push(sha: string): void {
    const items = this.#items;
    items.push(sha);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): string {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.#before(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.#before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}
