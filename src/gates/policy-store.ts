import { iso } from '../access/model.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { TenantDb } from '../store/database.js';
import { fromJson, toJson } from '../store/tables.js';
import type { Policy } from './policy-model.js';

export interface StoredPolicy {
  name: string;
  version: number;
  source: string;
  model: Policy;
  createdAt: string;
  createdBy: string;
}

type Row = {
  name: string;
  version: number;
  source: string;
  model: string;
  created_at: number;
  created_by: string;
};
const toPolicy = (r: Row): StoredPolicy => ({
  name: r.name,
  version: r.version,
  source: r.source,
  model: fromJson<Policy>(r.model, {} as Policy),
  createdAt: iso(r.created_at),
  createdBy: r.created_by,
});

/** Appends a version: the first save is version 1, every later one the next number. */
export async function savePolicy(
  db: TenantDb,
  p: { name: string; source: string; model: Policy; by: string; now: number },
): Promise<StoredPolicy> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const last = await db
      .selectFrom('gate_policy_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('name', '=', p.name)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const res = await db
      .insertInto('gate_policy_versions')
      .values({
        name: p.name,
        version,
        source: p.source,
        model: toJson(p.model),
        created_at: p.now,
        created_by: p.by,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    // A concurrent save took this number: read again and take the next one.
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) return (await getPolicy(db, p.name, version))!;
  }
  throw new ConflictError(`policy ${p.name} is being saved concurrently; try again`);
}

export async function getPolicy(
  db: TenantDb,
  name: string,
  version?: number,
): Promise<StoredPolicy | undefined> {
  let q = db.selectFrom('gate_policy_versions').selectAll().where('name', '=', name);
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  return row ? toPolicy(row) : undefined;
}

export async function requirePolicy(db: TenantDb, name: string, version?: number): Promise<StoredPolicy> {
  const p = await getPolicy(db, name, version);
  if (!p) throw new NotFoundError(`policy ${name}${version ? ` version ${version}` : ''} not found`);
  return p;
}

/** The latest version of every policy, by name. */
export async function latestPolicies(db: TenantDb): Promise<StoredPolicy[]> {
  const rows = await db
    .selectFrom('gate_policy_versions')
    .selectAll()
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute();
  const out: StoredPolicy[] = [];
  for (const r of rows) if (out.at(-1)?.name !== r.name) out.push(toPolicy(r));
  return out;
}

export async function policyVersions(db: TenantDb, name: string): Promise<StoredPolicy[]> {
  const rows = await db
    .selectFrom('gate_policy_versions')
    .selectAll()
    .where('name', '=', name)
    .orderBy('version', 'desc')
    .execute();
  if (rows.length === 0) throw new NotFoundError(`policy ${name} not found`);
  return rows.map(toPolicy);
}

/**
 * The policy that governs a change: among those whose scope matches, the most specific (most
 * scope dimensions set), ties broken by name. Unscoped policies apply to everything.
 */
export function selectPolicy(
  policies: readonly StoredPolicy[],
  c: { service: string; owner: string | null; environment: string },
): StoredPolicy | undefined {
  const matching = policies.filter(({ model: { scope } }) => {
    if (scope.services && !scope.services.includes(c.service)) return false;
    if (scope.teams && (!c.owner || !scope.teams.includes(c.owner))) return false;
    if (scope.environments && !scope.environments.includes(c.environment)) return false;
    return true;
  });
  const specificity = (p: StoredPolicy) =>
    [p.model.scope.services, p.model.scope.teams, p.model.scope.environments].filter(Boolean).length;
  return [...matching].sort((a, b) => specificity(b) - specificity(a) || (a.name < b.name ? -1 : 1))[0];
}
