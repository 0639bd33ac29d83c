import { createHmac } from 'node:crypto';
import { iso } from '../access/model.js';
import { NotFoundError } from '../core/errors.js';
import { newId, newSecret } from '../core/ids.js';
import type { TenantDb } from '../store/database.js';

/** Attempts before a delivery is given up; retries wait 30 s, 1 min, 2 min, 4 min. */
export const MAX_ATTEMPTS = 5;
const BACKOFF_MS = 30_000;
const TIMEOUT_MS = 10_000;

export type TargetKind = 'webhook' | 'slack';

export interface AlertEvent {
  type: 'slo.alert.opened' | 'slo.alert.resolved';
  tenant: string;
  slo: string;
  service: string;
  severity: string;
  objective: number;
  burnRates: Record<string, number | null>;
  budgetRemaining: number | null;
  startedAt: string;
  endedAt: string | null;
}

/** GitHub-style signature: `sha256=` and the HMAC-SHA256 of the exact body, hex. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const pct = (f: number | null) => (f === null ? 'unknown' : `${(f * 100).toFixed(1)} %`);
const rate = (r: number | null | undefined) => (r == null ? '–' : `${r.toFixed(1)}×`);

/** A Slack incoming-webhook message (text for notifications, blocks for the channel). */
export function slackBody(e: AlertEvent) {
  const opened = e.type === 'slo.alert.opened';
  const head = `${opened ? ':rotating_light:' : ':white_check_mark:'} SLO *${e.slo}* (${e.service}): ${e.severity} alert ${opened ? 'opened' : 'resolved'}`;
  const detail = `burn rate 1h ${rate(e.burnRates['1h'])}, 6h ${rate(e.burnRates['6h'])}, 1d ${rate(e.burnRates['1d'])} · budget remaining ${pct(e.budgetRemaining)}`;
  const when = opened ? `started ${e.startedAt}` : `started ${e.startedAt}, ended ${e.endedAt}`;
  return {
    text: `${head.replace(/\*/g, '')}: ${detail}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${head}\n${detail}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: when }] },
    ],
  };
}

export async function listTargets(db: TenantDb) {
  const rows = await db.selectFrom('slo_targets').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.target_id,
    name: r.name,
    kind: r.kind as TargetKind,
    url: r.url,
    createdAt: iso(r.created_at),
  }));
}

/** A new target; a webhook target's signing secret is returned here once and never again. */
export async function createTarget(
  db: TenantDb,
  input: { name: string; kind: TargetKind; url: string },
  now: number,
) {
  const id = newId(now);
  const secret = input.kind === 'webhook' ? newSecret() : null;
  await db
    .insertInto('slo_targets')
    .values({ target_id: id, name: input.name, kind: input.kind, url: input.url, secret, created_at: now })
    .execute();
  return { id, ...input, createdAt: iso(now), ...(secret ? { secret } : {}) };
}

export async function deleteTarget(db: TenantDb, id: string): Promise<void> {
  const res = await db.deleteFrom('slo_targets').where('target_id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError(`notification target ${id} not found`);
}

/**
 * Queues a notification of an alert event to the SLO's targets: those its alert policies name,
 * or every target of the tenant when they name none that exists. Sent by `deliverDue`.
 */
export async function enqueue(
  db: TenantDb,
  opts: { event: AlertEvent; alertId: string; targetNames: readonly string[]; now: number },
): Promise<number> {
  const all = await db.selectFrom('slo_targets').select(['target_id', 'name', 'kind']).execute();
  const named = all.filter((t) => opts.targetNames.includes(t.name));
  const targets = named.length ? named : all;
  for (const t of targets) {
    const body = JSON.stringify(t.kind === 'slack' ? slackBody(opts.event) : opts.event);
    await db
      .insertInto('slo_deliveries')
      .values({
        delivery_id: newId(opts.now),
        target_id: t.target_id,
        alert_id: opts.alertId,
        event: opts.event.type,
        body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: opts.now,
        created_at: opts.now,
      })
      .execute();
  }
  return targets.length;
}

/**
 * Sends every due delivery once: a 2xx delivers it, anything else is recorded and retried with
 * exponential backoff until MAX_ATTEMPTS, after which it is marked failed.
 */
export async function deliverDue(
  db: TenantDb,
  opts: { now: number; fetch?: typeof fetch },
): Promise<{ delivered: number; failed: number }> {
  const send = opts.fetch ?? fetch;
  const due = await db
    .selectFrom('slo_deliveries')
    .innerJoin('slo_targets', 'slo_targets.target_id', 'slo_deliveries.target_id')
    .select([
      'slo_deliveries.delivery_id',
      'slo_deliveries.event',
      'slo_deliveries.body',
      'slo_deliveries.attempts',
      'slo_targets.url',
      'slo_targets.secret',
    ])
    .where('slo_deliveries.status', '=', 'pending')
    .where('slo_deliveries.next_attempt_at', '<=', opts.now)
    .orderBy('slo_deliveries.next_attempt_at')
    .limit(100)
    .execute();
  let delivered = 0;
  let failed = 0;
  for (const d of due) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Throughline-Hookshot',
      'x-throughline-event': d.event,
      'x-throughline-delivery': d.delivery_id,
    };
    if (d.secret) headers['x-throughline-signature-256'] = signature(d.secret, d.body);
    let code: number | null = null;
    let error: string | null = null;
    try {
      const res = await send(d.url, {
        method: 'POST',
        headers,
        body: d.body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      code = res.status;
      await res.body?.cancel();
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      const e = err as Error & { cause?: Error };
      error = (e.cause?.message ?? e.message).slice(0, 500);
    }
    const attempt = d.attempts + 1;
    const ok = error === null;
    const giveUp = !ok && attempt >= MAX_ATTEMPTS;
    const next = ok || giveUp ? null : opts.now + BACKOFF_MS * 2 ** (attempt - 1);
    await db
      .insertInto('slo_delivery_attempts')
      .values({
        delivery_id: d.delivery_id,
        attempt,
        at: opts.now,
        ok: ok ? 1 : 0,
        response_code: code,
        error,
        next_retry_at: next,
      })
      .execute();
    await db
      .updateTable('slo_deliveries')
      .set({
        attempts: attempt,
        status: ok ? 'delivered' : giveUp ? 'failed' : 'pending',
        next_attempt_at: next,
      })
      .where('delivery_id', '=', d.delivery_id)
      .execute();
    if (ok) delivered++;
    else failed++;
  }
  return { delivered, failed };
}

/** Deliveries with their attempts, newest first (for the API and tests). */
export async function listDeliveries(db: TenantDb, opts: { alertId?: string } = {}) {
  let q = db.selectFrom('slo_deliveries').selectAll().orderBy('created_at', 'desc').orderBy('delivery_id');
  if (opts.alertId) q = q.where('alert_id', '=', opts.alertId);
  const rows = await q.execute();
  const attempts = rows.length
    ? await db
        .selectFrom('slo_delivery_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          rows.map((r) => r.delivery_id),
        )
        .orderBy('attempt')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.delivery_id,
    targetId: r.target_id,
    alertId: r.alert_id,
    event: r.event,
    status: r.status,
    attempts: attempts
      .filter((a) => a.delivery_id === r.delivery_id)
      .map((a) => ({
        attempt: a.attempt,
        at: iso(a.at),
        ok: a.ok === 1,
        responseCode: a.response_code,
        error: a.error,
        nextRetryAt: a.next_retry_at === null ? null : iso(a.next_retry_at),
      })),
  }));
}
