import { createHash } from 'node:crypto';

/**
 * The hand-computed DORA week of src/measures/dora.test.ts, moved to a recent Monday so that the
 * server's real clock sees it inside "the last 30 days". Tenant time zone Europe/Amsterdam.
 *
 * For that week, service `shop`, environment production, levels 2023:
 * - 7 deployments (D3a + D3b are one pipeline run), 1 / day, elite (6 deployment days);
 * - lead time (authored): median 13500 s = 3h 45m of 8 measured of 9 changes, elite;
 * - change fail rate 3 / 7 = 42.9 % (D2, D4, D5), low;
 * - recovery median 3h (2h, 3h, 4h), high;
 * - rework 2 / 7 = 28.6 % (D5 hotfix, D6 rollback).
 * `cart`, of the same team, deploys twice (C1 first, C2 shipping one commit authored 2h before) and
 * never fails: 2 / week, lead time 2h, change fail rate 0 %.
 */

export const doraTimeZone = 'Europe/Amsterdam';

export const doraCatalog = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: shop-team, title: Shop team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: shop, title: Shop }
spec: { type: service, lifecycle: production, owner: group:shop-team }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: cart, title: Cart }
spec: { type: service, lifecycle: production, owner: group:shop-team }
`;

const day = 86_400_000;

/** The Monday (UTC date, YYYY-MM-DD) two weeks before the current week's: a full, past week. */
export function scenarioMonday(now = Date.now()): string {
  const today = new Date(now);
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  const monday =
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - sinceMonday * day;
  return new Date(monday - 14 * day).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * day).toISOString().slice(0, 10);
}

const sha = (name: string) => createHash('sha1').update(name).digest('hex');
const hour = 3600_000;
const repo = 'https://github.com/acme/shop';
const cartRepo = 'https://github.com/acme/cart';

/** Native CloudEvents for the week starting `monday`; `D…` are the deployment ids. */
export function doraEvents(monday: string) {
  // `03T10:00` is the third day of the scenario's month (the 2nd being Monday) at 10:00 UTC.
  const at = (s: string) => {
    const [d, time] = s.split('T') as [string, string];
    return new Date(Date.parse(`${addDays(monday, Number(d) - 2)}T${time}:00Z`)).toISOString();
  };
  const commit = (name: string, committed: string, parents: string[], authored?: string) => {
    const c = Date.parse(at(committed));
    return {
      kind: 'commit',
      repo,
      sha: sha(name),
      parents: parents.map(sha),
      committedAt: new Date(c).toISOString(),
      authoredAt: authored ? at(authored) : new Date(c - hour).toISOString(),
      workItems: [],
    };
  };
  const deploy = (id: string, name: string, finished: string, extra: Record<string, unknown> = {}) => ({
    kind: 'deployment',
    id,
    service: 'shop',
    repo,
    environment: 'production',
    sha: sha(name),
    status: 'success',
    startedAt: new Date(Date.parse(at(finished)) - 600_000).toISOString(),
    finishedAt: at(finished),
    ...extra,
  });
  const facts: Record<string, unknown>[] = [
    commit('a', '02T08:00', []),
    commit('b', '03T08:00', ['a']),
    commit('c', '03T10:00', ['b']),
    commit('d', '04T08:00', ['c']),
    commit('x', '04T09:00', ['c']),
    commit('m', '04T12:00', ['d', 'x']),
    commit('s', '05T08:00', ['m']),
    commit('h', '06T09:00', ['s']),
    commit('k', '07T20:00', ['s']),
    commit('z', '07T21:00', ['k'], '08T02:00'),
    {
      kind: 'change',
      id: 'github:acme/shop#7',
      repo,
      number: 7,
      state: 'merged',
      openedAt: at('04T20:00'),
      firstCommitAt: at('04T18:00'),
      mergedAt: at('05T08:00'),
      mergeSha: sha('s'),
      workItems: [],
    },
    deploy('D1', 'a', '02T10:00'),
    deploy('D2', 'c', '03T12:00'),
    deploy('D3a', 'm', '04T13:00', { runId: 'run-3' }),
    deploy('D3b', 'm', '04T13:30', { runId: 'run-3' }),
    deploy('D4', 's', '05T10:00'),
    deploy('D5', 'h', '06T10:00', { ref: 'hotfix/login' }),
    deploy('D6', 's', '06T14:00', { intent: 'rollback' }),
    deploy('D7', 'z', '07T23:30'),
    { ...commit('ca', '02T08:00', []), repo: cartRepo },
    { ...commit('cb', '04T08:00', ['ca']), repo: cartRepo },
    { ...deploy('C1', 'ca', '02T09:00'), service: 'cart', repo: cartRepo },
    { ...deploy('C2', 'cb', '04T09:00'), service: 'cart', repo: cartRepo },
    { ...deploy('S1', 'c', '03T11:00'), environment: 'staging' },
    { ...deploy('S2', 'm', '04T11:00'), environment: 'staging' },
    {
      kind: 'incident',
      id: 'I1',
      service: 'shop',
      environment: 'production',
      status: 'resolved',
      detectedAt: at('05T11:00'),
      resolvedAt: at('05T13:00'),
    },
    // 36.5 h after D7: outside the default 24 h attribution window, inside 48 h.
    { kind: 'incident', id: 'I2', service: 'shop', status: 'detected', detectedAt: at('09T12:00') },
    {
      kind: 'incident',
      id: 'I3',
      service: 'shop',
      status: 'resolved',
      detectedAt: at('03T13:00'),
      resolvedAt: at('03T14:00'),
      deploymentId: 'D2',
    },
  ];
  return facts.map((f, i) => ({
    specversion: '1.0',
    id: `dora-${i}`,
    source: '/test',
    type: 'dev.throughline.facts.v1',
    time: at('09T00:00'),
    data: { facts: [f] },
  }));
}
