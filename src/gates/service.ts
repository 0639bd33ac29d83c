import { atLeast } from '../access/roles.js';
import type { Principal } from '../access/service.js';
import { ForbiddenError, InputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { inTransaction, type TenantDb } from '../store/database.js';
import { toJson } from '../store/tables.js';
import {
  type DecisionView,
  getDecision,
  insertDecision,
  insertResolution,
  insertReview,
} from './decision-store.js';
import { loadFacts, shaOfRun, shaOfVersion } from './facts.js';
import { durationMs } from './policy-model.js';
import { latestPolicies, selectPolicy } from './policy-store.js';
import { type ChangeType, decide, evaluateRules } from './rules.js';

export interface EvaluateInput {
  service: string;
  environment: string;
  sha?: string;
  version?: string;
  pipelineRun?: string;
  changeType?: ChangeType;
  reason?: string;
}

/**
 * Evaluates the policy that governs a change and appends the decision to the log. An emergency
 * change is approved with the bypass marked, and opens a follow-up review.
 */
export async function evaluateGate(
  db: TenantDb,
  input: EvaluateInput,
  ctx: { now: number; by: string; origin: 'api' | 'github' },
): Promise<DecisionView & { review: { id: string } | null }> {
  const changeType = input.changeType ?? 'normal';
  const reason = input.reason?.trim() || undefined;
  if (changeType === 'emergency' && !reason)
    throw new InputError('an emergency change needs a reason', [
      { path: '/reason', message: 'required for an emergency change' },
    ]);
  const service = await db
    .selectFrom('services')
    .select(['name', 'owner'])
    .where('name', '=', input.service)
    .executeTakeFirst();
  if (!service) throw new NotFoundError(`service ${input.service} is not in the catalog`);
  const sha =
    input.sha ??
    (input.version ? await shaOfVersion(db, input.service, input.version) : null) ??
    (input.pipelineRun ? await shaOfRun(db, input.pipelineRun) : null);
  const stored = selectPolicy(await latestPolicies(db), {
    service: service.name,
    owner: service.owner,
    environment: input.environment,
  });
  const policy = stored?.model;
  if (changeType === 'emergency' && policy && !policy.allowEmergency)
    throw new InputError(`policy ${stored!.name} does not allow emergency changes`, [
      { path: '/changeType', message: 'emergency changes are not allowed by the policy' },
    ]);
  const tenant = await db.selectFrom('tenants').select('time_zone').executeTakeFirst();
  const facts = await loadFacts(db, {
    service: service.name,
    environment: input.environment,
    sha,
    now: ctx.now,
    timeZone: policy?.timeZone ?? tenant?.time_zone ?? 'UTC',
    needs: new Set(policy?.rules.map((r) => r.type) ?? []),
  });
  const results = policy ? evaluateRules(policy, facts) : [];
  const verdict = decide(results, {
    changeType,
    service: service.name,
    environment: input.environment,
    owner: service.owner,
  });
  const id = newId(ctx.now);
  const reviewId = verdict.bypass ? newId(ctx.now) : null;
  const summary = verdict.bypass
    ? `${verdict.summary}; reason: ${reason}; follow-up review ${reviewId}`
    : stored
      ? verdict.summary
      : `${verdict.summary} (no gate policy applies)`;
  await inTransaction(db, async (trx) => {
    await insertDecision(trx, {
      decision_id: id,
      service: service.name,
      environment: input.environment,
      sha,
      version: input.version ?? null,
      change_type: changeType,
      outcome: verdict.decision,
      bypass: verdict.bypass ? 1 : 0,
      policy_name: stored?.name ?? null,
      policy_version: stored?.version ?? null,
      rules: toJson(results),
      summary,
      inputs: toJson({ ...input, ...(reason ? { reason } : {}) }),
      origin: ctx.origin,
      owner: service.owner,
      created_at: ctx.now,
      created_by: ctx.by,
      expires_at: verdict.decision === 'pending' ? ctx.now + durationMs(policy!.pendingExpiry) : null,
    });
    if (reviewId)
      await insertReview(trx, {
        reviewId,
        decisionId: id,
        service: service.name,
        environment: input.environment,
        reason: reason!,
        at: ctx.now,
      });
  });
  return { ...(await getDecision(db, id, ctx.now)), review: reviewId ? { id: reviewId } : null };
}

/**
 * Who may answer a pending decision: a member of the service's owning team (the token's user is a
 * member by user id or e-mail), or a tenant-admin. A service without an owner: any member.
 */
export async function mayApprove(db: TenantDb, principal: Principal, owner: string | null): Promise<boolean> {
  if (atLeast(principal.role, 'tenant-admin') || !owner) return true;
  const token = await db
    .selectFrom('tokens')
    .select('user_id')
    .where('token_id', '=', principal.tokenId)
    .executeTakeFirst();
  if (!token?.user_id) return false;
  const user = await db
    .selectFrom('users')
    .select(['user_id', 'email'])
    .where('user_id', '=', token.user_id)
    .executeTakeFirst();
  const members = await db
    .selectFrom('team_members')
    .leftJoin('people', 'people.name', 'team_members.person')
    .select(['team_members.person', 'people.email'])
    .where('team_members.team', '=', owner)
    .execute();
  return members.some((m) => m.person === token.user_id || (!!user?.email && m.email === user.email));
}

export async function resolveDecision(
  db: TenantDb,
  q: { id: string; outcome: 'approved' | 'rejected'; comment: string; principal: Principal; now: number },
): Promise<DecisionView> {
  const d = await getDecision(db, q.id, q.now);
  if (d.evaluated !== 'pending' || d.resolution)
    throw new InputError(
      d.resolution?.outcome === 'expired'
        ? `decision ${q.id} expired at ${d.resolution.at}`
        : `decision ${q.id} is ${d.decision}, not pending`,
      [{ path: '/', message: 'only a pending decision can be approved or rejected' }],
    );
  if (!(await mayApprove(db, q.principal, d.owner)))
    throw new ForbiddenError(`only a member of team ${d.owner} (or a tenant-admin) can answer this decision`);
  await insertResolution(db, {
    decisionId: q.id,
    outcome: q.outcome,
    by: q.principal.name,
    comment: q.comment,
    at: q.now,
  });
  return getDecision(db, q.id, q.now);
}
