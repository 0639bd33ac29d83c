import { providerTenantId } from '../access/roles.js';
import type { Store, TenantDb } from '../store/database.js';
import { fromJson } from '../store/tables.js';
import { classifyDeployment } from './classify.js';
import { normaliseRepoUrl } from './facts.js';
import { type GraphCommit, shippedCommits } from './shipped.js';

/** How many dirty deployments one pass takes per tenant; the rest wait for the next pass. */
const passSize = 500;

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
export async function derivePending(db: TenantDb): Promise<number> {
  const dirty = await db
    .selectFrom('deployments')
    .select(['deployment_id', 'service', 'repo', 'environment'])
    .where('derive_state', '=', 'dirty')
    .orderBy('deployment_id')
    .limit(passSize)
    .execute();
  if (dirty.length === 0) return 0;
  const groups = new Map<
    string,
    { service: string | null; repo: string | null; environment: string; ids: Set<string> }
  >();
  for (const d of dirty) {
    const key = groupKey(d);
    const g = groups.get(key) ?? {
      service: d.service,
      repo: d.repo,
      environment: d.environment,
      ids: new Set(),
    };
    g.ids.add(d.deployment_id);
    groups.set(key, g);
  }
  const graphs = new Map<string, Map<string, GraphCommit & { authoredAt: number; workItems: string }>>();
  const serviceRepos = await catalogRepos(db);
  for (const g of groups.values()) {
    const all = await db
      .selectFrom('deployments')
      .select([
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
      ])
      .where('environment', '=', g.environment)
      .where((eb) =>
        g.service
          ? eb('service', '=', g.service)
          : eb.and([eb('service', 'is', null), eb('repo', '=', g.repo ?? '')]),
      )
      .execute();
    const successes = all
      .filter((d) => d.status === 'success' && d.finished_at != null)
      .sort((a, b) => a.finished_at! - b.finished_at! || cmp(a.deployment_id, b.deployment_id));
    for (const d of all.filter((x) => g.ids.has(x.deployment_id))) {
      const repo = d.repo ?? (d.service ? serviceRepos.get(d.service) : undefined) ?? null;
      let graph = repo ? graphs.get(repo) : undefined;
      if (repo && !graph) {
        graph = await loadGraph(db, repo);
        graphs.set(repo, graph);
      }
      await deriveOne(db, d, successes, repo, graph);
    }
  }
  return dirty.length;
}

async function deriveOne(
  db: TenantDb,
  d: DeploymentLite,
  successes: DeploymentLite[],
  repo: string | null,
  graph: Map<string, GraphCommit & { authoredAt: number; workItems: string }> | undefined,
) {
  await db.deleteFrom('deployment_changes').where('deployment_id', '=', d.deployment_id).execute();
  const done = (
    state: string,
    extra: { kind?: string | null; previous_id?: string | null; shipped_count?: number | null } = {},
  ) =>
    db
      .updateTable('deployments')
      .set({
        derive_state: state,
        kind: extra.kind ?? null,
        previous_id: extra.previous_id ?? null,
        shipped_count: extra.shipped_count ?? null,
      })
      .where('deployment_id', '=', d.deployment_id)
      .where('dirty_gen', '=', d.dirty_gen)
      .execute();
  const kindOf = (olderThanPrevious: boolean) => classifyDeployment({ ...d, olderThanPrevious });
  if (d.status !== 'success' || d.finished_at == null) return done('not-success', { kind: kindOf(false) });
  const at = successes.findIndex((s) => s.deployment_id === d.deployment_id);
  const previous = at > 0 ? successes[at - 1]! : undefined;
  if (!previous) return done('first', { kind: kindOf(false) });
  if (!d.sha || !previous.sha || !repo || !graph)
    return done('no-sha', { kind: kindOf(false), previous_id: previous.deployment_id });
  const { shas, missing } = shippedCommits({ graph, head: d.sha, base: previous.sha });
  const olderThanPrevious = !missing && shas.length === 0 && previous.sha !== d.sha;
  for (let i = 0; i < shas.length; i += 400) {
    await db
      .insertInto('deployment_changes')
      .values(
        shas.slice(i, i + 400).map((sha) => {
          const c = graph.get(sha)!;
          return {
            deployment_id: d.deployment_id,
            sha,
            repo,
            authored_at: c.authoredAt,
            committed_at: c.committedAt,
            work_items: c.workItems,
          };
        }),
      )
      .execute();
  }
  return done(missing ? 'missing-commits' : 'ok', {
    kind: kindOf(olderThanPrevious),
    previous_id: previous.deployment_id,
    shipped_count: shas.length,
  });
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
export async function deriveAllTenants(store: Store): Promise<number> {
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
    for (let got = await derivePending(db); got > 0; got = await derivePending(db)) n += got;
  }
  return n;
}
