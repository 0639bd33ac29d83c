import { factToWire, nativeEventType } from '../ledger/fact-schema.js';
import type { Fact } from '../ledger/facts.js';
import { demoServices } from './catalog-data.js';

/**
 * 180 days of delivery history for the demo services, as the CloudEvents a real installation would
 * receive: pushes and deployments as `dev.throughline.facts.v1`, incidents as CDEvents. Some
 * services deploy several times a day, others weekly; some deployments fail, some are rolled back,
 * some are hotfixes, and some cause incidents. Deterministic for a given `now`.
 */
export function demoLedgerEvents(opts: { now: number; days?: number; org?: string }): object[] {
  const days = opts.days ?? 180;
  const org = opts.org ?? 'demo-org';
  const rand = mulberry32(42);
  const events: object[] = [];
  const start = opts.now - days * 86_400_000;
  let seq = 0;
  const native = (time: number, facts: Fact[]) => ({
    specversion: '1.0',
    id: `demo-${++seq}`,
    source: '/demo/seed',
    type: nativeEventType,
    time: new Date(time).toISOString(),
    datacontenttype: 'application/json',
    data: { facts: facts.map(factToWire) },
  });

  for (const svc of demoServices) {
    const repo = `https://github.com/${org}/${svc.name}`;
    // Deployments per week: tier 1 several a day, tier 2 daily-ish, the rest weekly or slower.
    const perWeek =
      svc.tier === 1
        ? 14 + Math.floor(rand() * 10)
        : svc.tier === 2
          ? 4
          : svc.lifecycle === 'deprecated'
            ? 0.5
            : 1;
    let head = sha(rand);
    let t = start;
    events.push(
      native(t, [
        {
          kind: 'commit',
          repo,
          sha: head,
          parents: [],
          authoredAt: t - 3_600_000,
          committedAt: t,
          workItems: [],
        },
      ]),
    );
    const good: string[] = [head];
    let n = 0;
    let last = t;
    let prevAt = t;
    while (true) {
      t += ((7 * 86_400_000) / perWeek) * (0.5 + rand());
      // Working hours, and never before the previous deployment of the service.
      const at = Math.max(workingHours(t), last + 1_800_000);
      if (at > opts.now - 3_600_000) break;
      last = at + 1_200_000;
      // 1–4 commits, the first authored hours to days before the deployment.
      const commits: Fact[] = [];
      const count = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < count; i++) {
        const next = sha(rand);
        const committedAt = at - ((count - i) * (at - prevAt)) / (count + 1);
        const key =
          rand() < 0.6
            ? `${svc.name.split('-')[0]!.toUpperCase().slice(0, 4)}-${100 + Math.floor(rand() * 400)}`
            : '';
        commits.push({
          kind: 'commit',
          repo,
          sha: next,
          parents: [head],
          authoredAt: committedAt - 3_600_000 * rand() * 48,
          committedAt,
          author: `dev${Math.floor(rand() * 6)}@${org}`,
          subject: key
            ? `${key} ${pick(rand, verbs)} ${pick(rand, things)}`
            : `${pick(rand, verbs)} ${pick(rand, things)}`,
          workItems: key ? [key] : [],
        });
        head = next;
      }
      prevAt = at;
      events.push(native(at - 1_800_000, commits));
      // Most work arrives as a merged pull request whose merge commit is the new head.
      if (rand() < 0.7) {
        const first = commits[0] as Extract<Fact, { kind: 'commit' }>;
        const last = commits.at(-1) as Extract<Fact, { kind: 'commit' }>;
        events.push(
          native(at - 1_800_000, [
            {
              kind: 'change',
              id: `github:${org}/${svc.name}#${n + 1}`,
              repo,
              number: n + 1,
              title: last.subject ?? 'Change',
              state: 'merged',
              openedAt: first.authoredAt + 1_800_000,
              firstCommitAt: first.authoredAt,
              mergedAt: at - 1_800_000,
              mergeSha: last.sha,
              workItems: last.workItems,
              url: `https://github.com/${org}/${svc.name}/pull/${n + 1}`,
            },
          ]),
        );
      }
      const id = `${svc.name}-${++n}`;
      const hotfix = rand() < 0.04;
      const fails = rand() < (svc.tier === 1 ? 0.06 : 0.1);
      const deploy = (
        status: 'started' | 'success' | 'failure',
        time: number,
        extra: Partial<Extract<Fact, { kind: 'deployment' }>> = {},
      ): Fact => ({
        kind: 'deployment',
        id,
        runId: `run-${id}`,
        service: svc.name,
        repo,
        environment: 'production',
        sha: head,
        version: `1.${n}.0`,
        ref: hotfix ? `hotfix/${id}` : 'main',
        status,
        startedAt: at,
        ...(status !== 'started' ? { finishedAt: time } : {}),
        ...extra,
      });
      events.push(native(at, [deploy('started', at)]));
      const finished = at + 300_000 + rand() * 900_000;
      events.push(native(finished, [deploy(fails ? 'failure' : 'success', finished)]));
      if (fails) continue;
      good.push(head);
      // Some good deployments still hurt production: an incident, then a rollback or a fix.
      if (rand() < 0.05) {
        const detected = finished + 600_000 + rand() * 7_200_000;
        const resolved = detected + 1_200_000 + rand() * 10_800_000;
        const incidentId = `inc-${id}`;
        events.push(incident('detected', incidentId, svc.name, detected, ++seq));
        if (rand() < 0.5 && good.length > 1) {
          const back = good[good.length - 2]!;
          events.push(
            native(resolved - 300_000, [
              {
                ...deploy('success', resolved - 300_000),
                id: `${id}-rollback`,
                runId: `run-${id}-rollback`,
                sha: back,
                version: `1.${n - 1}.0`,
                intent: 'rollback',
                ref: 'main',
                startedAt: resolved - 600_000,
              } as Fact,
            ]),
          );
          head = back;
          good.pop();
        }
        events.push(incident('resolved', incidentId, svc.name, resolved, ++seq));
      }
    }
  }
  // A repository no catalog service claims yet: its events wait, listed as unmatched.
  events.push(
    native(opts.now - 86_400_000, [
      {
        kind: 'pipeline_run',
        category: 'pipeline',
        id: 'legacy-scripts-nightly-1',
        repo: `https://github.com/${org}/legacy-scripts`,
        name: 'nightly',
        status: 'success',
        startedAt: opts.now - 86_400_000,
        finishedAt: opts.now - 86_000_000,
      },
    ]),
  );
  return events.sort(
    (a, b) => Date.parse((a as { time: string }).time) - Date.parse((b as { time: string }).time),
  );
}

function incident(predicate: 'detected' | 'resolved', id: string, service: string, at: number, seq: number) {
  return {
    specversion: '1.0',
    id: `demo-incident-${seq}`,
    source: '/demo/monitoring',
    type: `dev.cdevents.incident.${predicate}.0.3.0`,
    time: new Date(at).toISOString(),
    data: {
      context: {
        specversion: '0.5.1',
        id: `demo-incident-${seq}`,
        source: '/demo/monitoring',
        type: `dev.cdevents.incident.${predicate}.0.3.0`,
        timestamp: new Date(at).toISOString(),
      },
      subject: {
        id,
        source: '/demo/monitoring',
        content: {
          description:
            predicate === 'detected' ? `Error rate of ${service} above objective` : `${service} recovered`,
          environment: { id: 'production' },
          service: { id: service },
        },
      },
    },
  };
}

/** Moves a time into the working day (09:00–18:00 UTC, Monday to Friday), as most teams deploy. */
function workingHours(t: number): number {
  const d = new Date(t);
  const day = d.getUTCDay();
  if (day === 0) d.setUTCDate(d.getUTCDate() + 1);
  if (day === 6) d.setUTCDate(d.getUTCDate() + 2);
  const h = d.getUTCHours();
  if (h < 9 || h >= 18) d.setUTCHours(9 + (h % 9));
  return d.getTime();
}

const verbs = ['Fix', 'Add', 'Refactor', 'Speed up', 'Remove', 'Harden'];
const things = [
  'retry logic',
  'input validation',
  'metrics',
  'cache',
  'error messages',
  'query plan',
  'feature flag',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function sha(rand: () => number): string {
  let s = '';
  for (let i = 0; i < 40; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

/** A small seeded PRNG, so the demo is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
