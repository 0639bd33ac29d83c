import type { ExpressionBuilder } from 'kysely';
import { iso } from '../access/model.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { TenantDb } from '../store/database.js';
import { fromJson, type Tables } from '../store/tables.js';
import type { GateDecisionsTable } from './tables.js';

export type DecisionRow = Omit<GateDecisionsTable, 'tenant_id'>;
type Joined = DecisionRow & {
  r_outcome: string | null;
  r_by: string | null;
  r_comment: string | null;
  r_at: number | null;
};
type Eb = ExpressionBuilder<Tables & { d: GateDecisionsTable; r: Tables['gate_resolutions'] }, 'd' | 'r'>;

export async function insertDecision(db: TenantDb, row: DecisionRow): Promise<void> {
  await db.insertInto('gate_decisions').values(row).execute();
}

/** A decision as the API shows it: its current state, with the resolution that ended a pending one. */
export function decisionView(row: Joined, now: number) {
  let decision = row.outcome;
  let resolution: { outcome: string; by: string; comment: string | null; at: string } | null = null;
  if (row.r_outcome) {
    decision = row.r_outcome === 'approved' ? 'approved' : 'rejected';
    resolution = { outcome: row.r_outcome, by: row.r_by!, comment: row.r_comment, at: iso(row.r_at!) };
  } else if (row.outcome === 'pending' && row.expires_at !== null && row.expires_at <= now) {
    // Expired while no background pass has written it down yet: reads answer what it is.
    decision = 'rejected';
    resolution = { outcome: 'expired', by: 'system', comment: null, at: iso(row.expires_at) };
  }
  const inputs = fromJson<Record<string, unknown>>(row.inputs, {});
  return {
    id: row.decision_id,
    decision: decision as 'approved' | 'rejected' | 'pending',
    evaluated: row.outcome as 'approved' | 'rejected' | 'pending',
    service: row.service,
    environment: row.environment,
    sha: row.sha,
    version: row.version,
    changeType: row.change_type,
    bypass: row.bypass === 1,
    reason: (inputs.reason as string | undefined) ?? null,
    owner: row.owner,
    policy: row.policy_name ? { name: row.policy_name, version: row.policy_version! } : null,
    policyVersion: row.policy_version,
    rules: fromJson<unknown[]>(row.rules, []),
    summary: row.summary,
    inputs,
    origin: row.origin,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    expiresAt: row.expires_at === null ? null : iso(row.expires_at),
    resolution,
  };
}
export type DecisionView = ReturnType<typeof decisionView>;

function joined(db: TenantDb) {
  return db
    .selectFrom('gate_decisions as d')
    .leftJoin('gate_resolutions as r', 'r.decision_id', 'd.decision_id')
    .selectAll('d')
    .select(['r.outcome as r_outcome', 'r.by as r_by', 'r.comment as r_comment', 'r.at as r_at']);
}

export async function getDecision(db: TenantDb, id: string, now: number): Promise<DecisionView> {
  const row = await joined(db).where('d.decision_id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`decision ${id} not found`);
  return decisionView(row as Joined, now);
}

export interface DecisionFilter {
  service?: string;
  environment?: string;
  sha?: string;
  outcome?: 'approved' | 'rejected' | 'pending';
  from?: number;
  to?: number;
}

/** The current outcome in SQL, the same as decisionView decides it. */
function outcomeIs(eb: Eb, outcome: NonNullable<DecisionFilter['outcome']>, now: number) {
  const unresolved = eb('r.outcome', 'is', null);
  if (outcome === 'pending')
    return eb.and([eb('d.outcome', '=', 'pending'), unresolved, eb('d.expires_at', '>', now)]);
  if (outcome === 'approved')
    return eb.or([eb.and([eb('d.outcome', '=', 'approved'), unresolved]), eb('r.outcome', '=', 'approved')]);
  return eb.or([
    eb.and([eb('d.outcome', '=', 'rejected'), unresolved]),
    eb('r.outcome', 'in', ['rejected', 'expired']),
    eb.and([eb('d.outcome', '=', 'pending'), unresolved, eb('d.expires_at', '<=', now)]),
  ]);
}

export async function listDecisions(
  db: TenantDb,
  f: DecisionFilter & { limit: number; offset: number; now: number },
): Promise<{ items: DecisionView[]; total: number }> {
  const where = (eb: Eb) => {
    const parts = [];
    if (f.service) parts.push(eb('d.service', '=', f.service));
    if (f.environment) parts.push(eb('d.environment', '=', f.environment));
    if (f.sha) parts.push(eb('d.sha', '=', f.sha));
    if (f.from !== undefined) parts.push(eb('d.created_at', '>=', f.from));
    if (f.to !== undefined) parts.push(eb('d.created_at', '<', f.to));
    if (f.outcome) parts.push(outcomeIs(eb, f.outcome, f.now));
    return eb.and(parts);
  };
  const [rows, count] = await Promise.all([
    joined(db)
      .where((eb) => where(eb as Eb))
      .orderBy('d.created_at', 'desc')
      .orderBy('d.decision_id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    db
      .selectFrom('gate_decisions as d')
      .leftJoin('gate_resolutions as r', 'r.decision_id', 'd.decision_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => where(eb as Eb))
      .executeTakeFirst(),
  ]);
  return { items: rows.map((r) => decisionView(r as Joined, f.now)), total: Number(count?.n ?? 0) };
}

/** Ends a pending decision; a decision is resolved once (a second answer is a conflict). */
export async function insertResolution(
  db: TenantDb,
  r: {
    decisionId: string;
    outcome: 'approved' | 'rejected' | 'expired';
    by: string;
    comment: string | null;
    at: number;
  },
): Promise<void> {
  const res = await db
    .insertInto('gate_resolutions')
    .values({ decision_id: r.decisionId, outcome: r.outcome, by: r.by, comment: r.comment, at: r.at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1)
    throw new ConflictError(`decision ${r.decisionId} was resolved already`);
}

/** Writes down every pending decision that expired by `now`; returns their ids. */
export async function expireDue(db: TenantDb, now: number): Promise<string[]> {
  const due = await db
    .selectFrom('gate_decisions as d')
    .leftJoin('gate_resolutions as r', 'r.decision_id', 'd.decision_id')
    .select(['d.decision_id', 'd.expires_at'])
    .where('d.outcome', '=', 'pending')
    .where('r.outcome', 'is', null)
    .where('d.expires_at', '<=', now)
    .execute();
  for (const d of due) {
    await db
      .insertInto('gate_resolutions')
      .values({
        decision_id: d.decision_id,
        outcome: 'expired',
        by: 'system',
        comment: null,
        at: d.expires_at!,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return due.map((d) => d.decision_id);
}

export async function insertReview(
  db: TenantDb,
  r: {
    reviewId: string;
    decisionId: string;
    service: string;
    environment: string;
    reason: string;
    at: number;
  },
): Promise<void> {
  await db
    .insertInto('gate_reviews')
    .values({
      review_id: r.reviewId,
      decision_id: r.decisionId,
      service: r.service,
      environment: r.environment,
      reason: r.reason,
      status: 'open',
      created_at: r.at,
    })
    .execute();
}

export async function listReviews(db: TenantDb) {
  const rows = await db.selectFrom('gate_reviews').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.review_id,
    decisionId: r.decision_id,
    service: r.service,
    environment: r.environment,
    reason: r.reason,
    status: r.status,
    createdAt: iso(r.created_at),
  }));
}
