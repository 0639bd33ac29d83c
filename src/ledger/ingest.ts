import { sql } from 'kysely';
import type { Clock } from '../core/clock.js';
import { insertIgnoringConflicts } from '../store/bulk.js';
import { chunks, chunksOfWidth } from '../store/chunks.js';
import { inTransaction, type TenantDb } from '../store/database.js';
import { fromJson, toJson } from '../store/tables.js';
import type {
  ChangeFact,
  DeploymentFact,
  Fact,
  IncidentFact,
  MappedEvent,
  PipelineRunFact,
  TestRunFact,
} from './facts.js';
import { foldChange, foldDeployment, foldIncident, foldRun, type Timed } from './fold.js';
import { loadResolver, type RepoResolver } from './matching.js';
import { changeRow, deploymentRow, type EntityKind, entityOf, incidentRow, runRow } from './rows.js';

export type IngestStatus = 'accepted' | 'duplicate';

export interface IngestOutcome {
  status: IngestStatus;
  facts: number;
  unmatched: boolean;
}

/** Facts that name a service, or must be matched to one to count for it. */
function needsService(f: Fact): boolean {
  return f.kind !== 'commit';
}

/**
 * Stores a batch of mapped events in one transaction: each event at most once by (source, event id),
 * its raw form and its facts; then re-folds every entity the batch touched. A returned outcome means
 * the batch is committed. Derivations (what each deployment shipped) follow in `derive.ts`.
 */
export async function ingestEvents(opts: {
  db: TenantDb;
  clock: Clock;
  events: readonly MappedEvent[];
}): Promise<IngestOutcome[]> {
  const { db, clock, events } = opts;
  const now = clock.now();
  const resolver = await loadResolver(db);
  return inTransaction(db, async (trx) => {
    // Duplicates inside the batch are duplicates too: the first occurrence wins.
    const firstIndex = new Map<string, number>();
    events.forEach((e, i) => {
      const k = `${e.source}\u0000${e.eventId}`;
      if (!firstIndex.has(k)) firstIndex.set(k, i);
    });
    const unmatchedOf = events.map((e) =>
      e.facts.some((f) => needsService(f) && !(f.service ?? resolver(f.repo))),
    );
    const inserted = new Set<string>();
    const candidates = events.flatMap((e, i) =>
      firstIndex.get(`${e.source}\u0000${e.eventId}`) === i ? [{ e, unmatched: unmatchedOf[i]! }] : [],
    );
    for (const part of chunksOfWidth(candidates, 10)) {
      const rows = await insertIgnoringConflicts(trx, {
        table: 'ledger_events',
        columns: [
          'source',
          'event_id',
          'type',
          'occurred_at',
          'received_at',
          'raw',
          'fact_count',
          'unmatched',
          'repo',
        ],
        conflict: ['source', 'event_id'],
        rows: part.map(({ e, unmatched }) => [
          e.source,
          e.eventId,
          e.type,
          e.occurredAt,
          now,
          e.rawText ?? toJson(e.raw),
          e.facts.length,
          unmatched ? 1 : 0,
          e.facts.find((f) => f.repo)?.repo ?? null,
        ]),
        returning: ['source', 'event_id'],
      });
      for (const r of rows) inserted.add(`${r.source}\u0000${r.event_id}`);
    }
    const fresh = events.filter((e, i) => {
      const k = `${e.source}\u0000${e.eventId}`;
      return firstIndex.get(k) === i && inserted.has(k);
    });
    await storeFacts(trx, fresh, resolver, now);
    await countIngest(trx, events, inserted, firstIndex, now);
    return events.map((e, i) => {
      const k = `${e.source}\u0000${e.eventId}`;
      const accepted = firstIndex.get(k) === i && inserted.has(k);
      return {
        status: accepted ? 'accepted' : 'duplicate',
        facts: e.facts.length,
        unmatched: unmatchedOf[i]!,
      };
    });
  });
}

async function storeFacts(db: TenantDb, events: readonly MappedEvent[], resolver: RepoResolver, now: number) {
  const commits = new Map<string, unknown[]>();
  const artifacts = new Map<string, Record<string, unknown>>();
  const factRows: Record<string, unknown>[] = [];
  const touched = new Map<EntityKind, Set<string>>();
  for (const e of events) {
    e.facts.forEach((f, seq) => {
      if (f.kind === 'commit') {
        if (!f.repo) return;
        commits.set(`${f.repo} ${f.sha}`, [
          f.repo,
          f.sha,
          toJson(f.parents),
          f.authoredAt,
          f.committedAt,
          f.author ?? null,
          toJson(f.workItems),
        ]);
        return;
      }
      if (f.kind === 'artifact') {
        artifacts.set(`${f.id} ${f.action}`, {
          artifact_id: f.id,
          action: f.action,
          repo: f.repo ?? null,
          service: f.service ?? resolver(f.repo) ?? null,
          version: f.version ?? null,
          sha: f.sha ?? null,
          at: f.at,
          url: f.url ?? null,
        });
        return;
      }
      const entity = entityOf(f)!;
      factRows.push({
        kind: entity.kind,
        entity_id: entity.id,
        source: e.source,
        event_id: e.eventId,
        seq,
        occurred_at: e.occurredAt,
        fact: toJson(f),
      });
      const ids = touched.get(entity.kind) ?? new Set<string>();
      ids.add(entity.id);
      touched.set(entity.kind, ids);
    });
  }
  for (const part of chunksOfWidth([...commits.values()], 8)) {
    await insertIgnoringConflicts(db, {
      table: 'commits',
      columns: ['repo', 'sha', 'parents', 'authored_at', 'committed_at', 'author', 'work_items'],
      conflict: ['repo', 'sha'],
      rows: part,
    });
  }
  if (commits.size) {
    // New commits can complete a walk that stopped at a missing parent.
    const repos = [...new Set([...commits.values()].map((c) => c[0] as string))];
    for (const part of chunksOfWidth(repos, 1)) {
      await db
        .updateTable('deployments')
        .set((eb) => ({ derive_state: 'dirty', dirty_gen: eb('dirty_gen', '+', 1) }))
        .where('derive_state', '=', 'missing-commits')
        .where('repo', 'in', part)
        .execute();
    }
  }
  for (const part of chunksOfWidth([...artifacts.values()], 9)) {
    await db
      .insertInto('artifacts')
      .values(part as never)
      .onConflict((oc) => oc.columns(['tenant_id', 'artifact_id', 'action']).doNothing())
      .execute();
  }
  for (const part of chunksOfWidth(factRows, 8)) {
    await db
      .insertInto('ledger_facts')
      .values(part as never)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'kind', 'entity_id', 'source', 'event_id', 'seq']).doNothing(),
      )
      .execute();
  }
  for (const [kind, ids] of touched) await refold(db, kind, [...ids], resolver, now);
}

/** Rebuilds each touched entity's row from all its facts, in occurrence order. */
async function refold(db: TenantDb, kind: EntityKind, ids: string[], resolver: RepoResolver, now: number) {
  for (const part of chunksOfWidth(ids, 2)) {
    const rows = await db
      .selectFrom('ledger_facts')
      .select(['entity_id', 'source', 'event_id', 'seq', 'occurred_at', 'fact'])
      .where('kind', '=', kind)
      .where('entity_id', 'in', part)
      .execute();
    const byEntity = new Map<string, Timed<Fact>[]>();
    const sourceOf = new Map<string, string>();
    for (const r of rows) {
      const list = byEntity.get(r.entity_id) ?? [];
      list.push({
        occurredAt: r.occurred_at,
        order: `${r.source}\u0000${r.event_id}\u0000${String(r.seq).padStart(6, '0')}`,
        fact: fromJson<Fact>(r.fact, {} as Fact),
      });
      byEntity.set(r.entity_id, list);
      sourceOf.set(r.entity_id, r.source);
    }
    const folded = [...byEntity.entries()];
    if (kind === 'change') {
      const out = folded.map(([, fs]) => {
        const f = foldChange(fs as Timed<ChangeFact>[]);
        return changeRow(f, f.service ?? resolver(f.repo), now);
      });
      await upsert(db, 'changes', 'change_id', out);
    } else if (kind === 'run') {
      const out = folded.map(([, fs]) => {
        const f = foldRun(fs as Timed<PipelineRunFact | TestRunFact>[]);
        return runRow(f, f.service ?? resolver(f.repo));
      });
      await upsert(db, 'runs', 'run_id', out);
    } else if (kind === 'incident') {
      const out = folded.map(([id, fs]) => {
        const f = foldIncident(fs as Timed<IncidentFact>[]);
        return incidentRow(f, f.service ?? resolver(f.repo), { source: sourceOf.get(id)!, now });
      });
      await upsert(db, 'source_incidents', 'incident_id', out);
    } else {
      const out = folded.map(([id, fs]) => {
        const f = foldDeployment(fs as Timed<DeploymentFact>[]);
        return deploymentRow(f, f.service ?? resolver(f.repo), { source: sourceOf.get(id)!, now });
      });
      await upsert(db, 'deployments', 'deployment_id', out);
      await markSuccessorsDirty(db, out);
    }
  }
}

/** A deployment that appears or moves changes the baseline of every later one of its service and environment. */
async function markSuccessorsDirty(
  db: TenantDb,
  rows: { service: string | null; repo: string | null; environment: string; finished_at: number | null }[],
) {
  const earliest = new Map<
    string,
    { service: string | null; repo: string | null; environment: string; at: number }
  >();
  for (const r of rows) {
    const key = `${r.service ?? ''}\u0000${r.service ? '' : (r.repo ?? '')}\u0000${r.environment}`;
    const at = r.finished_at ?? 0;
    const prev = earliest.get(key);
    if (!prev || at < prev.at)
      earliest.set(key, { service: r.service, repo: r.repo, environment: r.environment, at });
  }
  for (const g of earliest.values()) {
    await db
      .updateTable('deployments')
      .set((eb) => ({ derive_state: 'dirty', dirty_gen: eb('dirty_gen', '+', 1) }))
      .where('environment', '=', g.environment)
      .where('finished_at', '>', g.at)
      .where((eb) =>
        g.service
          ? eb('service', '=', g.service)
          : eb.and([eb('service', 'is', null), eb('repo', '=', g.repo ?? '')]),
      )
      .execute();
  }
}

async function upsert<T extends 'changes' | 'runs' | 'source_incidents' | 'deployments'>(
  db: TenantDb,
  table: T,
  key: string,
  rows: Record<string, unknown>[],
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== key && c !== 'dirty_gen');
  const bump = 'dirty_gen' in rows[0]!;
  await db
    .insertInto(table)
    .values(rows as never)
    .onConflict((oc) =>
      oc.columns(['tenant_id', key] as never).doUpdateSet(
        (eb) =>
          ({
            ...Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}` as never)])),
            // Re-folding a deployment makes it dirty again, even while a derivation of it is under way.
            ...(bump ? { dirty_gen: sql`${sql.ref(`${table}.dirty_gen`)} + 1` } : {}),
          }) as never,
      ),
    )
    .execute();
}

async function countIngest(
  db: TenantDb,
  events: readonly MappedEvent[],
  inserted: Set<string>,
  firstIndex: Map<string, number>,
  now: number,
) {
  const day = new Date(now).toISOString().slice(0, 10);
  const bySource = new Map<string, { accepted: number; duplicate: number }>();
  events.forEach((e, i) => {
    const k = `${e.source}\u0000${e.eventId}`;
    const c = bySource.get(e.source) ?? { accepted: 0, duplicate: 0 };
    if (firstIndex.get(k) === i && inserted.has(k)) c.accepted++;
    else c.duplicate++;
    bySource.set(e.source, c);
  });
  for (const [source, c] of bySource) await bumpCounter(db, { source, day, ...c });
}

export async function bumpCounter(
  db: TenantDb,
  c: {
    source: string;
    day: string;
    accepted?: number;
    duplicate?: number;
    rejected?: number;
    unauthorized?: number;
    error?: string;
    at?: number;
  },
) {
  await db
    .insertInto('ingest_counters')
    .values({
      source: c.source,
      day: c.day,
      accepted: c.accepted ?? 0,
      duplicate: c.duplicate ?? 0,
      rejected: c.rejected ?? 0,
      unauthorized: c.unauthorized ?? 0,
      last_error: c.error ?? null,
      last_error_at: c.error ? (c.at ?? null) : null,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'source', 'day']).doUpdateSet((eb) => ({
        accepted: eb('ingest_counters.accepted', '+', eb.ref('excluded.accepted')),
        duplicate: eb('ingest_counters.duplicate', '+', eb.ref('excluded.duplicate')),
        rejected: eb('ingest_counters.rejected', '+', eb.ref('excluded.rejected')),
        unauthorized: eb('ingest_counters.unauthorized', '+', eb.ref('excluded.unauthorized')),
        last_error: eb.fn.coalesce('excluded.last_error', 'ingest_counters.last_error'),
        last_error_at: eb.fn.coalesce('excluded.last_error_at', 'ingest_counters.last_error_at'),
      })),
    )
    .execute();
}
