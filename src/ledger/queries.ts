import { sql } from 'kysely';
import { iso, isoOrNull } from '../access/model.js';
import { NotFoundError } from '../core/errors.js';
import type { TenantDb } from '../store/database.js';
import { fromJson } from '../store/tables.js';
import type { DeploymentTable } from './tables.js';

/** Read side of the ledger: rows to API objects. */

export function toDeployment(r: Omit<DeploymentTable, 'tenant_id'>) {
  return {
    id: r.deployment_id,
    service: r.service,
    repo: r.repo,
    environment: r.environment,
    version: r.version,
    sha: r.sha,
    ref: r.ref,
    status: r.status,
    startedAt: isoOrNull(r.started_at),
    finishedAt: isoOrNull(r.finished_at),
    kind: r.kind as 'planned' | 'rollback' | 'hotfix' | null,
    previousId: r.previous_id,
    derivation: r.derive_state,
    shippedCount: r.shipped_count,
    source: r.source,
    url: r.url,
  };
}

export async function listDeployments(
  db: TenantDb,
  q: { service?: string; environment?: string; status?: string; limit: number; offset: number },
) {
  let base = db.selectFrom('deployments');
  if (q.service) base = base.where('service', '=', q.service);
  if (q.environment) base = base.where('environment', '=', q.environment);
  if (q.status) base = base.where('status', '=', q.status);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      // Unfinished deployments sort by their start, the same way on both engines.
      .orderBy(sql`coalesce(finished_at, started_at, as_of)`, 'desc')
      .orderBy('deployment_id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toDeployment), total: Number(count.n) };
}

export async function getDeployment(db: TenantDb, id: string) {
  const row = await db
    .selectFrom('deployments')
    .selectAll()
    .where('deployment_id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`deployment ${id} not found`);
  const shipped = await db
    .selectFrom('deployment_changes')
    .selectAll()
    .where('deployment_id', '=', id)
    .orderBy('committed_at', 'desc')
    .execute();
  return {
    ...toDeployment(row),
    shipped: shipped.map((c) => ({
      sha: c.sha,
      repo: c.repo,
      authoredAt: iso(c.authored_at),
      committedAt: iso(c.committed_at),
      workItems: fromJson<string[]>(c.work_items, []),
    })),
  };
}

export async function listChanges(
  db: TenantDb,
  q: { service?: string; state?: string; limit: number; offset: number },
) {
  let base = db.selectFrom('changes');
  if (q.service) base = base.where('service', '=', q.service);
  if (q.state) base = base.where('state', '=', q.state);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('change_id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.change_id,
      service: r.service,
      repo: r.repo,
      number: r.number,
      title: r.title,
      state: r.state,
      openedAt: isoOrNull(r.opened_at),
      mergedAt: isoOrNull(r.merged_at),
      mergeSha: r.merge_sha,
      workItems: fromJson<string[]>(r.work_items, []),
      url: r.url,
    })),
    total: Number(count.n),
  };
}

export async function listEvents(
  db: TenantDb,
  q: { source?: string; unmatched?: boolean; limit: number; offset: number },
) {
  let base = db.selectFrom('ledger_events');
  if (q.source) base = base.where('source', '=', q.source);
  if (q.unmatched !== undefined) base = base.where('unmatched', '=', q.unmatched ? 1 : 0);
  const [rows, count] = await Promise.all([
    base
      .select(['source', 'event_id', 'type', 'occurred_at', 'received_at', 'fact_count', 'unmatched', 'repo'])
      .orderBy('received_at', 'desc')
      .orderBy('event_id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: `${r.source}:${r.event_id}`,
      source: r.source,
      eventId: r.event_id,
      type: r.type,
      occurredAt: iso(r.occurred_at),
      receivedAt: iso(r.received_at),
      facts: r.fact_count,
      unmatched: r.unmatched === 1,
      repo: r.repo,
    })),
    total: Number(count.n),
  };
}

export async function getEvent(db: TenantDb, source: string, eventId: string) {
  const r = await db
    .selectFrom('ledger_events')
    .selectAll()
    .where('source', '=', source)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError(`event ${source}:${eventId} not found`);
  return {
    id: `${r.source}:${r.event_id}`,
    source: r.source,
    eventId: r.event_id,
    type: r.type,
    occurredAt: iso(r.occurred_at),
    receivedAt: iso(r.received_at),
    facts: r.fact_count,
    unmatched: r.unmatched === 1,
    repo: r.repo,
    raw: fromJson<unknown>(r.raw, null),
  };
}
