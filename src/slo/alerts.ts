import { iso } from '../access/model.js';
import { newId } from '../core/ids.js';
import { inTransaction, type Store, type TenantDb } from '../store/database.js';
import { toJson } from '../store/tables.js';
import {
  type AlertResult,
  alertWindows,
  budgetFromSums,
  evaluateAlertsFromSums,
  rollupRangeSum,
  type Severity,
  windowAt,
} from './budget/index.js';
import { isRef, type Slo } from './model.js';
import { type AlertEvent, deliverDue, enqueue } from './notify.js';
import { readBudgetInput } from './rollup-store.js';
import { windowSpecOf } from './series.js';
import { seriesOfSlo } from './service.js';
import { getObject, listObjects } from './store.js';

const DAY_MS = 86_400_000;
const severities: readonly Severity[] = ['page', 'ticket'];

/** Names of the notification targets an SLO's alert policies name, inline or by reference. */
async function targetNamesOf(db: TenantDb, slo: Slo): Promise<string[]> {
  const names: string[] = [];
  for (const p of slo.alertPolicies) {
    const policy = isRef(p) ? (await getObject(db, 'AlertPolicy', p.ref))?.object : p;
    for (const t of policy?.notificationTargets ?? []) names.push(isRef(t) ? t.ref : t.name);
  }
  return names;
}

/**
 * Evaluates the multiwindow, multi-burn-rate alerts (SRE Workbook ch. 5; budget/alerts.ts) of
 * every objective of every SLO at `now`. A severity that starts firing opens an alert, one that
 * stops closes it; each change queues notifications. Idempotent for the same `now`.
 */
export async function evaluateSloAlerts(db: TenantDb, opts: { now: number }) {
  let opened = 0;
  let resolved = 0;
  for (const slo of await listObjects(db, 'SLO')) {
    let spec: ReturnType<typeof windowSpecOf>;
    try {
      spec = windowSpecOf(slo.timeWindow);
    } catch {
      continue; // a window that cannot be budgeted cannot alert either; GET budget says why
    }
    const window = windowAt(spec, opts.now);
    const periodDays = (window.end - window.start) / DAY_MS;
    for (const key of await seriesOfSlo(db, slo.name)) {
      const target = slo.objectives[key.objective]?.target;
      if (target === undefined) continue;
      const budgetOpts = { objective: { target, method: key.method }, window: spec, now: opts.now };
      const input = await readBudgetInput(db, key, budgetOpts);
      const sum = rollupRangeSum(input.rollup, input.edgeMinutes, key.method);
      const result = evaluateAlertsFromSums(sum, alertWindows(periodDays), {
        objective: target,
        now: opts.now,
      });
      const budget = budgetFromSums(sum, budgetOpts);
      const changes = await inTransaction(db, (trx) =>
        applyResult(trx, {
          slo,
          objective: key.objective,
          result,
          burnRates: budget.burnRates,
          budgetRemaining: budget.budget.remainingFraction,
          now: opts.now,
        }),
      );
      opened += changes.opened;
      resolved += changes.resolved;
    }
  }
  return { opened, resolved };
}

async function applyResult(
  db: TenantDb,
  r: {
    slo: Slo;
    objective: number;
    result: AlertResult;
    burnRates: Record<string, number | null>;
    budgetRemaining: number | null;
    now: number;
  },
) {
  const open = await db
    .selectFrom('slo_alerts')
    .selectAll()
    .where('slo', '=', r.slo.name)
    .where('objective', '=', r.objective)
    .where('ended_at', 'is', null)
    .execute();
  let opened = 0;
  let resolved = 0;
  const targetNames = await targetNamesOf(db, r.slo);
  const event = (type: AlertEvent['type'], severity: string, startedAt: number, endedAt: number | null) => ({
    type,
    tenant: db.tenantId,
    slo: r.slo.name,
    service: r.slo.service,
    severity,
    objective: r.objective,
    burnRates: r.burnRates,
    budgetRemaining: r.budgetRemaining,
    startedAt: iso(startedAt),
    endedAt: endedAt === null ? null : iso(endedAt),
  });
  for (const severity of severities) {
    const firing = r.result[severity].firing;
    const current = open.find((a) => a.severity === severity);
    if (firing && !current) {
      const alertId = newId(r.now);
      await db
        .insertInto('slo_alerts')
        .values({
          alert_id: alertId,
          slo: r.slo.name,
          objective: r.objective,
          severity,
          started_at: r.now,
          ended_at: null,
          details: toJson({
            pairs: r.result[severity].pairs,
            burnRates: r.burnRates,
            budgetRemaining: r.budgetRemaining,
          }),
        })
        .execute();
      await enqueue(db, {
        event: event('slo.alert.opened', severity, r.now, null),
        alertId,
        targetNames,
        now: r.now,
      });
      opened++;
    } else if (!firing && current) {
      await db
        .updateTable('slo_alerts')
        .set({ ended_at: r.now })
        .where('alert_id', '=', current.alert_id)
        .execute();
      await enqueue(db, {
        event: event('slo.alert.resolved', severity, current.started_at, r.now),
        alertId: current.alert_id,
        targetNames,
        now: r.now,
      });
      resolved++;
    }
  }
  return { opened, resolved };
}

/** Active and past alerts of one SLO, newest first. */
export async function listAlerts(db: TenantDb, slo: string) {
  const rows = await db
    .selectFrom('slo_alerts')
    .selectAll()
    .where('slo', '=', slo)
    .orderBy('started_at', 'desc')
    .orderBy('alert_id')
    .execute();
  return rows.map((a) => ({
    id: a.alert_id,
    slo: a.slo,
    objective: a.objective,
    severity: a.severity,
    active: a.ended_at === null,
    startedAt: iso(a.started_at),
    endedAt: a.ended_at === null ? null : iso(a.ended_at),
    details: JSON.parse(a.details) as Record<string, unknown>,
  }));
}

/** The background pass: evaluate and deliver for every tenant, under the task's lease. */
export async function alertAllTenants(store: Store, now: () => number): Promise<void> {
  const tenants = await store.system
    .selectFrom('tenants')
    .select('tenant_id')
    .where('kind', '=', 'customer')
    .execute();
  for (const t of tenants) {
    const db = store.forTenant(t.tenant_id);
    await evaluateSloAlerts(db, { now: now() });
    await deliverDue(db, { now: now() });
  }
}
