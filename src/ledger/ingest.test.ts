import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';
import { derivePending } from './derive.js';
import type { Fact, MappedEvent } from './facts.js';
import { ingestEvents } from './ingest.js';

const repo = 'https://github.com/acme/shop';
const h = 3_600_000;
const t0 = Date.parse('2026-10-01T00:00:00Z');

function ev(id: string, at: number, ...facts: Fact[]): MappedEvent {
  return { source: 'api', eventId: id, type: 'test', occurredAt: at, facts, raw: { id } };
}
const commit = (sha: string, at: number, parents: string[], subject = ''): Fact => ({
  kind: 'commit',
  repo,
  sha,
  parents,
  authoredAt: at - h,
  committedAt: at,
  workItems: subject ? [subject] : [],
});
const deploy = (
  id: string,
  sha: string,
  at: number,
  extra: Partial<Extract<Fact, { kind: 'deployment' }>> = {},
): Fact => ({
  kind: 'deployment',
  id,
  service: 'shop',
  repo,
  environment: 'production',
  sha,
  status: 'success',
  startedAt: at - 600_000,
  finishedAt: at,
  ...extra,
});

/**
 * History: a ← b ← c ← d, feature x (from b) merged as e = merge(d, x). Deployments:
 * D1 ships a (first), D2 ships b c d, D3 ships x e, D4 redeploys c (a rollback), D5 fails.
 */
const history: MappedEvent[] = [
  ev('c-a', t0, commit('a', t0, [])),
  ev('c-b', t0 + h, commit('b', t0 + h, ['a'], 'SHOP-1')),
  ev('c-c', t0 + 2 * h, commit('c', t0 + 2 * h, ['b'])),
  ev('c-d', t0 + 3 * h, commit('d', t0 + 3 * h, ['c'], 'SHOP-2')),
  ev('c-x', t0 + 3 * h, commit('x', t0 + 3 * h, ['b'])),
  ev('c-e', t0 + 4 * h, commit('e', t0 + 4 * h, ['d', 'x'])),
  ev('d1', t0 + h / 2, deploy('D1', 'a', t0 + h / 2)),
  ev('d2-start', t0 + 5 * h, deploy('D2', 'd', t0 + 5 * h, { status: 'started', finishedAt: undefined })),
  ev('d2-done', t0 + 5 * h + 1, deploy('D2', 'd', t0 + 5 * h + 1)),
  ev('d3', t0 + 6 * h, deploy('D3', 'e', t0 + 6 * h)),
  ev('d4', t0 + 7 * h, deploy('D4', 'c', t0 + 7 * h)),
  ev('d5', t0 + 8 * h, deploy('D5', 'e', t0 + 8 * h, { status: 'failure' })),
];

describe.each(engines)('ledger ingest and derivation on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const id of ['inorder', 'reversed', 'shuffled', 'dups']) await t.tenantWithToken(id);
  });
  afterAll(() => t.close());

  async function ingestAll(tenant: string, events: MappedEvent[], batch = 3) {
    const db = t.deps.store.forTenant(tenant);
    const out = [];
    for (let i = 0; i < events.length; i += batch) {
      out.push(...(await ingestEvents({ db, clock: t.clock, events: events.slice(i, i + batch) })));
    }
    while ((await derivePending(db)) > 0);
    return out;
  }

  async function derived(tenant: string) {
    const db = t.deps.store.forTenant(tenant);
    const deployments = await db
      .selectFrom('deployments')
      .select([
        'deployment_id',
        'status',
        'finished_at',
        'kind',
        'previous_id',
        'derive_state',
        'shipped_count',
        'started_at',
      ])
      .orderBy('deployment_id')
      .execute();
    const changes = await db
      .selectFrom('deployment_changes')
      .select(['deployment_id', 'sha'])
      .orderBy('deployment_id')
      .orderBy('sha')
      .execute();
    return { deployments, changes };
  }

  it('derives what each deployment shipped, its baseline and its kind', async () => {
    await ingestAll('inorder', history);
    const { deployments, changes } = await derived('inorder');
    expect(
      deployments.map((d) => [d.deployment_id, d.derive_state, d.previous_id, d.kind, d.shipped_count]),
    ).toEqual([
      ['D1', 'first', null, 'planned', null],
      ['D2', 'ok', 'D1', 'planned', 3],
      ['D3', 'ok', 'D2', 'planned', 2],
      ['D4', 'ok', 'D3', 'rollback', 0],
      ['D5', 'not-success', null, 'planned', null],
    ]);
    expect(deployments.find((d) => d.deployment_id === 'D2')!.started_at).toBe(t0 + 5 * h - 600_000);
    const shipped = (id: string) => changes.filter((c) => c.deployment_id === id).map((c) => c.sha);
    expect(shipped('D2')).toEqual(['b', 'c', 'd']);
    expect(shipped('D3')).toEqual(['e', 'x']);
  });

  it('reaches the same state whatever order the events arrive in', async () => {
    await ingestAll('reversed', [...history].reverse(), 2);
    const shuffled = [...history].sort(
      (a, b) =>
        ((a.eventId.length * 7 + a.eventId.charCodeAt(1)) % 5) -
        ((b.eventId.length * 7 + b.eventId.charCodeAt(1)) % 5),
    );
    await ingestAll('shuffled', shuffled, 5);
    const expected = await derived('inorder');
    expect(await derived('reversed')).toEqual(expected);
    expect(await derived('shuffled')).toEqual(expected);
  });

  it('accepts each event once and reports the rest as duplicates', async () => {
    const first = await ingestAll('dups', history.slice(0, 4), 10);
    expect(first.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const again = await ingestAll('dups', [history[0]!, history[0]!, history[5]!], 10);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'accepted']);
    const counters = await t.deps.store.forTenant('dups').selectFrom('ingest_counters').selectAll().execute();
    expect(counters.map((c) => [c.source, c.accepted, c.duplicate])).toEqual([['api', 5, 2]]);
  });

  it('marks events for unknown services unmatched', async () => {
    const res = await ingestAll('dups', [
      ev('orphan', t0, {
        kind: 'deployment',
        id: 'Z',
        repo: 'https://github.com/acme/unknown',
        environment: 'production',
        status: 'success',
        finishedAt: t0,
      }),
    ]);
    expect(res[0]!.unmatched).toBe(true);
  });
});
