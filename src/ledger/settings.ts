import { iso, isoOrNull } from '../access/model.js';
import type { Clock } from '../core/clock.js';
import { InputError, NotFoundError } from '../core/errors.js';
import { newId, newSecret } from '../core/ids.js';
import { inTransaction, type TenantDb } from '../store/database.js';
import { loadResolver, normalisePattern } from './matching.js';

/** Repository → service mappings, webhook secrets, and the re-matching a new mapping triggers. */

export async function listMappings(db: TenantDb) {
  const rows = await db.selectFrom('repo_mappings').selectAll().orderBy('pattern').execute();
  return rows.map((r) => ({ pattern: r.pattern, service: r.service, createdAt: iso(r.created_at) }));
}

export async function addMapping(db: TenantDb, clock: Clock, input: { pattern: string; service: string }) {
  const pattern = normalisePattern(input.pattern);
  if (!pattern)
    throw new InputError('not a repository URL', [{ path: '/pattern', message: 'not a repository URL' }]);
  const service = await db
    .selectFrom('services')
    .select('name')
    .where('name', '=', input.service)
    .executeTakeFirst();
  if (!service)
    throw new InputError('unknown service', [{ path: '/service', message: `no service ${input.service}` }]);
  const row = { pattern, service: input.service, created_at: clock.now() };
  await db
    .insertInto('repo_mappings')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'pattern']).doUpdateSet({ service: input.service }))
    .execute();
  const rematched = await rematch(db, clock.now());
  return { mapping: { pattern, service: input.service, createdAt: iso(row.created_at) }, rematched };
}

export async function removeMapping(db: TenantDb, pattern: string) {
  // Stored normalised, as addMapping wrote it: the spelling that created a mapping also removes it.
  const stored = normalisePattern(pattern) ?? pattern;
  const res = await db.deleteFrom('repo_mappings').where('pattern', '=', stored).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError(`no mapping ${pattern}`);
}

/**
 * Gives facts that named no service the one their repository now resolves to (after a mapping or a
 * catalog change) and clears the events' unmatched marks. Returns how many events were matched.
 */
export async function rematch(db: TenantDb, now: number): Promise<number> {
  const resolver = await loadResolver(db);
  const repos = await db
    .selectFrom('ledger_events')
    .select('repo')
    .distinct()
    .where('unmatched', '=', 1)
    .where('repo', 'is not', null)
    .execute();
  let matched = 0;
  for (const { repo } of repos) {
    const service = resolver(repo);
    if (!service || !repo) continue;
    for (const table of ['changes', 'runs', 'artifacts'] as const) {
      await db
        .updateTable(table)
        .set({ service })
        .where('service', 'is', null)
        .where('repo', '=', repo)
        .execute();
    }
    // Incidents that gain a service count for its measures from now on: mark them changed.
    await db
      .updateTable('source_incidents')
      .set({ service, changed_at: now })
      .where('service', 'is', null)
      .where('repo', '=', repo)
      .execute();
    await db
      .updateTable('deployments')
      .set((eb) => ({ service, derive_state: 'dirty', dirty_gen: eb('dirty_gen', '+', 1) }))
      .where('service', 'is', null)
      .where('repo', '=', repo)
      .execute();
    const res = await db
      .updateTable('ledger_events')
      .set({ unmatched: 0 })
      .where('unmatched', '=', 1)
      .where('repo', '=', repo)
      .executeTakeFirst();
    matched += Number(res.numUpdatedRows);
  }
  return matched;
}

export async function listSecrets(db: TenantDb) {
  const rows = await db.selectFrom('source_secrets').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    source: r.source as 'github' | 'gitlab',
    id: r.secret_id,
    createdAt: iso(r.created_at),
    expiresAt: isoOrNull(r.expires_at),
  }));
}

/** A new secret becomes current; the previous ones stay valid for a grace period, then lapse. */
export async function rotateSecret(
  db: TenantDb,
  clock: Clock,
  input: { source: 'github' | 'gitlab'; secret?: string; previousValidForHours: number },
) {
  const now = clock.now();
  const secret = input.secret ?? newSecret();
  const id = newId(now);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('source_secrets')
      .set({ expires_at: now + input.previousValidForHours * 3_600_000 })
      .where('source', '=', input.source)
      .where('expires_at', 'is', null)
      .execute();
    await trx
      .insertInto('source_secrets')
      .values({ source: input.source, secret_id: id, secret, created_at: now, expires_at: null })
      .execute();
  });
  return { source: input.source, id, createdAt: iso(now), expiresAt: null, secret };
}

export async function activeSecrets(db: TenantDb, clock: Clock, source: string): Promise<string[]> {
  const now = clock.now();
  const rows = await db
    .selectFrom('source_secrets')
    .select('secret')
    .where('source', '=', source)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  return rows.map((r) => r.secret);
}

export async function ingestStatus(db: TenantDb, clock: Clock) {
  const now = clock.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
  const counters = await db
    .selectFrom('ingest_counters')
    .selectAll()
    .where('day', 'in', [today, yesterday])
    .execute();
  const last = await db
    .selectFrom('ledger_events')
    .select([
      'source',
      (eb) => eb.fn.max('received_at').as('last'),
      (eb) => eb.fn.countAll<number>().as('total'),
    ])
    .groupBy('source')
    .execute();
  const lastHour = await db
    .selectFrom('ledger_events')
    .select(['source', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_at', '>', now - 3_600_000)
    .groupBy('source')
    .execute();
  const unmatched = await db
    .selectFrom('ledger_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unmatched', '=', 1)
    .executeTakeFirstOrThrow();
  const sources = new Set([...counters.map((c) => c.source), ...last.map((l) => l.source)]);
  return {
    sources: [...sources].sort().map((source) => {
      const cs = counters.filter((c) => c.source === source);
      const sum = (k: 'accepted' | 'duplicate' | 'rejected' | 'unauthorized') =>
        cs.reduce((a, c) => a + c[k], 0);
      const err = cs
        .filter((c) => c.last_error_at != null)
        .sort((a, b) => b.last_error_at! - a.last_error_at!)[0];
      const l = last.find((x) => x.source === source);
      return {
        source,
        totalEvents: Number(l?.total ?? 0),
        lastEventAt: l?.last != null ? iso(Number(l.last)) : null,
        eventsLastHour: Number(lastHour.find((x) => x.source === source)?.n ?? 0),
        today: {
          accepted: 0,
          duplicate: 0,
          rejected: 0,
          unauthorized: 0,
          ...pick(cs.find((c) => c.day === today)),
        },
        last2Days: {
          accepted: sum('accepted'),
          duplicate: sum('duplicate'),
          rejected: sum('rejected'),
          unauthorized: sum('unauthorized'),
        },
        lastError: err ? { message: err.last_error, at: isoOrNull(err.last_error_at) } : null,
      };
    }),
    unmatchedEvents: Number(unmatched.n),
  };
}

function pick(
  c: { accepted: number; duplicate: number; rejected: number; unauthorized: number } | undefined,
) {
  return c
    ? { accepted: c.accepted, duplicate: c.duplicate, rejected: c.rejected, unauthorized: c.unauthorized }
    : {};
}
