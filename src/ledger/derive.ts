import { providerTenantId } from '../access/roles.js';
import { inTransaction, type Store, type TenantDb } from '../store/database.js';
import { fromJson } from '../store/tables.js';
import { classifyDeployment } from './classify.js';
import { normaliseRepoUrl } from './facts.js';
import { type GraphCommit, shippedCommits } from './shipped.js';

/** How many dirty deployments one pass takes per tenant; the rest wait for the next pass. */
const passSize = 5000;

interface DeploymentLite {
  deployment_id: string;
  service: string | null;
  repo: string | null;
  environment: string;
  sha: string | null;
  status: string;
  finished_at: number | null;
  intent: string | null;
  ref: string | null;
  version: string | null;
  description: string | null;
  dirty_gen: number;
}

/**
 * Derives, for each dirty deployment: the previous successful deployment of the same service and
 * environment, the commits it shipped (reachable from its sha, not from the previous one's), and
 * whether it was planned, a rollback or a hotfix. The result depends only on the stored facts,
 * never on the order they arrived in. Returns how many deployments were derived.
 */
export async function derivePending(db: TenantDb, now: number = Date.now()): Promise<number> {
  // One transaction per pass: one commit (and one fsync) instead of one per statement.
  return inTransaction(db, (trx) => derivePass(trx, now));
}

async function derivePass(db: TenantDb, now: number): Promise<number> {
  const dirty = await db
    .selectFrom('deployments')
    .select(liteColumns)
    .where('derive_state', '=', 'dirty')
    .orderBy('deployment_id')
    .limit(passSize)
    .execute();
  if (dirty.length === 0) return 0;
  const groups = new Map<string, DeploymentLite[]>();
  for (const d of dirty) groups.set(groupKey(d), [...(groups.get(groupKey(d)) ?? []), d]);
  const serviceRepos = await catalogRepos(db);
  const graphs = new Map<string, Graph>();
  const results: Derived[] = [];
  for (const members of groups.values()) {
    const successes = await successesFrom(db, members);
    for (const d of members) {
      const repo = d.repo ?? (d.service ? serviceRepos.get(d.service) : undefined) ?? null;
      let graph = repo ? graphs.get(repo) : undefined;
      if (repo && !graph && d.status === 'success') {
        graph = await loadGraph(db, repo);
        graphs.set(repo, graph);
      }
      results.push(deriveOne(d, successes, repo, graph));
    }
  }
  await store(db, results, now);
  return dirty.length;
}

const liteColumns = [
  'deployment_id',
  'service',
  'repo',
  'environment',
  'sha',
  'status',
  'finished_at',
  'intent',
  'ref',
  'version',
  'description',
  'dirty_gen',
] as const;

type Graph = Map<string, GraphCommit & { authoredAt: number; workItems: string }>;

interface Derived {
  d: DeploymentLite;
  state: string;
  kind: string;
  previousId: string | null;
  shipped:
    | { sha: string; repo: string; authored_at: number; committed_at: number; work_items: string }[]
    | null;
}

/**
 * The group's successful deployments from the last one before its earliest dirty member onwards:
 * enough to find every dirty member's predecessor without reading the whole history.
 */
async function successesFrom(db: TenantDb, members: DeploymentLite[]): Promise<DeploymentLite[]> {
  const first = members[0]!;
  const times = members.map((m) => m.finished_at).filter((t): t is number => t != null);
  if (times.length === 0) return [];
  const from = Math.min(...times);
  const base = db
    .selectFrom('deployments')
    .select(liteColumns)
    .where('environment', '=', first.environment)
    .where('status', '=', 'success')
    .where((eb) =>
      first.service
        ? eb('service', '=', first.service)
        : eb.and([eb('service', 'is', null), eb('repo', '=', first.repo ?? '')]),
    );
  const [before, after] = await Promise.all([
    base
      .where('finished_at', '<', from)
      .orderBy('finished_at', 'desc')
      .orderBy('deployment_id', 'desc')
      .limit(1)
      .execute(),
    base.where('finished_at', '>=', from).execute(),
  ]);
  return [...before, ...after].sort(
    (a, b) => a.finished_at! - b.finished_at! || cmp(a.deployment_id, b.deployment_id),
  );
}

function deriveOne(
  d: DeploymentLite,
  successes: DeploymentLite[],
  repo: string | null,
  graph: Graph | undefined,
): Derived {
  const kindOf = (olderThanPrevious: boolean) => classifyDeployment({ ...d, olderThanPrevious });
  if (d.status !== 'success' || d.finished_at == null) {
    return { d, state: 'not-success', kind: kindOf(false), previousId: null, shipped: null };
  }
  const at = successes.findIndex((s) => s.deployment_id === d.deployment_id);
  const previous = at > 0 ? successes[at - 1]! : undefined;
  if (!previous) return { d, state: 'first', kind: kindOf(false), previousId: null, shipped: null };
  if (!d.sha || !previous.sha || !repo || !graph) {
    return { d, state: 'no-sha', kind: kindOf(false), previousId: previous.deployment_id, shipped: null };
  }
  const { shas, missing } = shippedCommits({ graph, head: d.sha, base: previous.sha });
  const olderThanPrevious = !missing && shas.length === 0 && previous.sha !== d.sha;
  return {
    d,
    state: missing ? 'missing-commits' : 'ok',
    kind: kindOf(olderThanPrevious),
    previousId: previous.deployment_id,
    shipped: shas.map((sha) => {
      const c = graph.get(sha)!;
      return { sha, repo, authored_at: c.authoredAt, committed_at: c.committedAt, work_items: c.workItems };
    }),
  };
}

/** Writes a pass's results; a deployment that turned dirty again meanwhile keeps its dirty state. */
async function store(db: TenantDb, results: Derived[], now: number) {
  const ids = results.map((r) => r.d.deployment_id);
  for (let i = 0; i < ids.length; i += 400) {
    await db
      .deleteFrom('deployment_changes')
      .where('deployment_id', 'in', ids.slice(i, i + 400))
      .execute();
  }
  const rows = results.flatMap((r) =>
    (r.shipped ?? []).map((c) => ({ deployment_id: r.d.deployment_id, ...c })),
  );
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('deployment_changes')
      .values(rows.slice(i, i + 400))
      .execute();
  }
  for (const r of results) {
    await db
      .updateTable('deployments')
      .set({
        derive_state: r.state,
        kind: r.kind,
        previous_id: r.previousId,
        shipped_count: r.shipped ? r.shipped.length : null,
        changed_at: now,
      })
      .where('deployment_id', '=', r.d.deployment_id)
      .where('dirty_gen', '=', r.d.dirty_gen)
      .execute();
  }
}

async function loadGraph(db: TenantDb, repo: string) {
  const rows = await db
    .selectFrom('commits')
    .select(['sha', 'parents', 'committed_at', 'authored_at', 'work_items'])
    .where('repo', '=', repo)
    .execute();
  return new Map(
    rows.map((r) => [
      r.sha,
      {
        parents: fromJson<string[]>(r.parents, []),
        committedAt: r.committed_at,
        authoredAt: r.authored_at,
        workItems: r.work_items,
      },
    ]),
  );
}

/** A deployment without a repository of its own ships from its service's first catalog repository. */
async function catalogRepos(db: TenantDb): Promise<Map<string, string>> {
  const rows = await db.selectFrom('services').select(['name', 'repository_urls']).execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const first = normaliseRepoUrl(fromJson<string[]>(r.repository_urls, [])[0]);
    if (first) out.set(r.name, first);
  }
  return out;
}

function groupKey(d: { service: string | null; repo: string | null; environment: string }): string {
  return `${d.service ?? ''}\u0000${d.service ? '' : (d.repo ?? '')}\u0000${d.environment}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every tenant with dirty deployments, for the background pass that one process runs under a lease. */
export async function deriveAllTenants(store: Store, now: () => number = Date.now): Promise<number> {
  const tenants = await store.system
    .selectFrom('deployments')
    .select('tenant_id')
    .distinct()
    .where('derive_state', '=', 'dirty')
    .execute();
  let n = 0;
  for (const t of tenants) {
    if (t.tenant_id === providerTenantId) continue;
    const db = store.forTenant(t.tenant_id);
    for (let got = await derivePending(db, now()); got > 0; got = await derivePending(db, now())) n += got;
  }
  return n;
}
