import { loadRows, summarize } from '../measures/query.js';
import { resolveWindow } from '../measures/window.js';
import { errorBudgetsOfService } from '../slo/service.js';
import type { TenantDb } from '../store/database.js';
import { fromJson } from '../store/tables.js';
import type { RuleType } from './policy-model.js';
import type { GateFacts } from './rules.js';

const DAY_MS = 86_400_000;
/** Commit walks stop here: a larger change scores the full size part anyway. */
const maxWalk = 2000;

/** The commit a version was built from: the newest artifact or deployment of the service naming it. */
export async function shaOfVersion(db: TenantDb, service: string, version: string): Promise<string | null> {
  const artifact = await db
    .selectFrom('artifacts')
    .select('sha')
    .where('service', '=', service)
    .where('version', '=', version)
    .where('sha', 'is not', null)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (artifact?.sha) return artifact.sha;
  const deployment = await db
    .selectFrom('deployments')
    .select('sha')
    .where('service', '=', service)
    .where('version', '=', version)
    .where('sha', 'is not', null)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  return deployment?.sha ?? null;
}

export async function shaOfRun(db: TenantDb, runId: string): Promise<string | null> {
  const run = await db.selectFrom('runs').select('sha').where('run_id', '=', runId).executeTakeFirst();
  return run?.sha ?? null;
}

/** Latest run per name of a sha; test cases are left out (suites stand for them). */
async function runsOfSha(db: TenantDb, sha: string): Promise<GateFacts['runs']> {
  const rows = await db
    .selectFrom('runs')
    .select(['run_id', 'name', 'category', 'status', 'as_of'])
    .where('sha', '=', sha)
    .where('category', '!=', 'case')
    .orderBy('as_of')
    .execute();
  const latest = new Map<string, GateFacts['runs'][number]>();
  for (const r of rows)
    latest.set(r.name ?? r.run_id, { name: r.name ?? r.run_id, category: r.category, status: r.status });
  return [...latest.values()];
}

/** The service and every component it depends on, directly or through others. */
export async function withDependencies(db: TenantDb, service: string): Promise<string[]> {
  const seen = new Set([service]);
  let frontier = [service];
  while (frontier.length && seen.size < 500) {
    const rows = await db
      .selectFrom('service_dependencies')
      .select('target_name')
      .where('service', 'in', frontier)
      .where('target_kind', '=', 'component')
      .execute();
    frontier = rows.map((r) => r.target_name).filter((n) => !seen.has(n));
    for (const n of frontier) seen.add(n);
  }
  return [...seen];
}

async function openIncidents(db: TenantDb, services: string[]): Promise<GateFacts['incidents']> {
  const rows = await db
    .selectFrom('source_incidents')
    .select(['incident_id', 'service', 'severity', 'title'])
    .where('service', 'in', services)
    .where('status', '!=', 'resolved')
    .where('resolved_at', 'is', null)
    .orderBy('incident_id')
    .execute();
  return rows.map((r) => ({ id: r.incident_id, service: r.service!, severity: r.severity, title: r.title }));
}

/** Commits reachable from `sha` that `base` does not reach: what this deployment ships; null when unknown. */
async function commitsSince(db: TenantDb, sha: string, base: string): Promise<number | null> {
  if (sha === base) return 0;
  const seen = new Set<string>();
  let frontier = [sha];
  while (frontier.length) {
    const rows = await db
      .selectFrom('commits')
      .select(['sha', 'parents'])
      .where('sha', 'in', frontier)
      .execute();
    if (rows.length < frontier.length) return null;
    const next: string[] = [];
    for (const r of rows) {
      seen.add(r.sha);
      for (const p of fromJson<string[]>(r.parents, [])) if (p !== base && !seen.has(p)) next.push(p);
    }
    if (seen.size > maxWalk) return maxWalk;
    frontier = [...new Set(next)];
  }
  return seen.size;
}

async function riskInputs(
  db: TenantDb,
  q: { service: string; environment: string; sha: string | null; now: number; timeZone: string },
): Promise<GateFacts['risk']> {
  const last = await db
    .selectFrom('deployments')
    .select(['sha', 'finished_at', 'started_at', 'as_of'])
    .where('service', '=', q.service)
    .where('environment', '=', q.environment)
    .where('status', '=', 'success')
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  const at = last ? (last.finished_at ?? last.started_at ?? last.as_of) : null;
  const commits = last?.sha && q.sha ? await commitsSince(db, q.sha, last.sha) : null;
  const window = resolveWindow({ last: 30 }, { now: q.now, timeZone: q.timeZone });
  const rows = await loadRows(db, {
    services: [q.service],
    environment: q.environment,
    window,
    start: 'committed',
  });
  const { numbers } = summarize(rows, { window, start: 'committed', version: '2023' });
  return {
    commits,
    daysSinceLastDeployment: at === null ? null : Math.max(0, (q.now - at) / DAY_MS),
    changeFailRate: numbers.changeFailRate.rate,
  };
}

/** Loads what the policy's rules read, and only that. */
export async function loadFacts(
  db: TenantDb,
  q: {
    service: string;
    environment: string;
    sha: string | null;
    now: number;
    timeZone: string;
    needs: Set<RuleType>;
  },
): Promise<GateFacts> {
  const [runs, budgets, incidents, risk] = await Promise.all([
    q.needs.has('required-checks') && q.sha ? runsOfSha(db, q.sha) : [],
    q.needs.has('error-budget')
      ? errorBudgetsOfService(db, q.service, q.now).then((b) =>
          b.slos.flatMap((s) =>
            s.objectives.map((o) => ({
              slo: s.slo,
              objective: o.objective,
              remainingFraction: o.remainingFraction,
            })),
          ),
        )
      : [],
    q.needs.has('open-incidents') ? withDependencies(db, q.service).then((s) => openIncidents(db, s)) : [],
    q.needs.has('change-risk')
      ? riskInputs(db, q)
      : { commits: null, daysSinceLastDeployment: null, changeFailRate: null },
  ]);
  return {
    service: q.service,
    environment: q.environment,
    sha: q.sha,
    now: q.now,
    timeZone: q.timeZone,
    runs,
    budgets,
    incidents,
    risk,
  };
}
