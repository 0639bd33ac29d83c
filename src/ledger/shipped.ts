/**
 * Which commits a deployment shipped: those reachable from its sha and not from the previous
 * successful deployment's sha — `git rev-list X ^P`. Like git with a commit-graph, it walks in
 * descending generation number (1 + the highest generation of the parents), painting what P reaches
 * as uninteresting, and stops once only uninteresting commits remain queued. Generation numbers,
 * unlike commit times, cannot be skewed: a child always ranks above its parents.
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

export function shippedCommits(opts: {
  graph: ReadonlyMap<string, GraphCommit>;
  head: string;
  base?: string;
}): ShippedResult {
  const { graph, head, base } = opts;
  if (!graph.has(head)) return { shas: [], missing: true };
  const uninteresting = new Map<string, boolean>();
  const queued = new Set<string>();
  const heap = new CommitHeap(graph, generations(graph));
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
  while (heap.size > 0 && interestingQueued > 0) {
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

const generationCache = new WeakMap<ReadonlyMap<string, GraphCommit>, Map<string, number>>();

/** Generation numbers of a whole graph (missing parents count as generation 0), computed once per graph. */
export function generations(graph: ReadonlyMap<string, GraphCommit>): Map<string, number> {
  const cached = generationCache.get(graph);
  if (cached && cached.size === graph.size) return cached;
  const gen = new Map<string, number>();
  for (const root of graph.keys()) {
    if (gen.has(root)) continue;
    const stack = [root];
    while (stack.length > 0) {
      const sha = stack[stack.length - 1]!;
      if (gen.has(sha)) {
        stack.pop();
        continue;
      }
      let ready = true;
      let max = 0;
      for (const p of graph.get(sha)!.parents) {
        if (!graph.has(p)) continue;
        const g = gen.get(p);
        if (g === undefined) {
          ready = false;
          stack.push(p);
        } else if (g > max) max = g;
      }
      if (ready) {
        gen.set(sha, max + 1);
        stack.pop();
      }
    }
  }
  generationCache.set(graph, gen);
  return gen;
}

/** A max-heap on (generation, commit time, sha): children before parents, deterministic on ties. */
class CommitHeap {
  readonly #items: string[] = [];
  constructor(
    private readonly graph: ReadonlyMap<string, GraphCommit>,
    private readonly gen: Map<string, number>,
  ) {}

  get size(): number {
    return this.#items.length;
  }

  #before(a: string, b: string): boolean {
    const ga = this.gen.get(a)!;
    const gb = this.gen.get(b)!;
    if (ga !== gb) return ga > gb;
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
