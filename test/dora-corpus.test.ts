/**
 * DORA numbers on real public histories: honojs/hono, kysely-org/kysely and fastify/fastify from
 * ../shared/corpus/git-history, imported through the ledger (every stable `v*` tag a production
 * deployment), answered by GET /api/v1/measures/dora, and checked against an independent
 * calculation made here from the raw export: ancestor sets by a plain graph search per tag, what a
 * tag shipped is its ancestors minus the previous tag's (by tag time), lead time = tag time −
 * author (or commit) time, percentiles by sorting and linear interpolation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivePending } from '../src/ledger/derive.js';
import { toNativeCloudEvent } from '../src/ledger/fact-schema.js';
import { corpusToEvents } from '../src/ledger/sources/git/index.js';
import type { GitCommitRecord, GitTagRecord } from '../src/ledger/sources/git/records.js';
import { createTestApp, type TestApp, testBootstrapToken } from '../src/testing/app.js';
import { engines } from '../src/testing/databases.js';

const root = join(import.meta.dirname, '../../shared/corpus/git-history');
const present = existsSync(root);
if (!present) console.warn(`\n!!! ${root} is absent: SKIPPING the DORA corpus test.\n`);

const repositories = [
  { dir: 'honojs__hono', repo: 'https://github.com/honojs/hono', service: 'hono', stable: 400 },
  { dir: 'kysely-org__kysely', repo: 'https://github.com/kysely-org/kysely', service: 'kysely', stable: 21 },
  { dir: 'fastify__fastify', repo: 'https://github.com/fastify/fastify', service: 'fastify', stable: 293 },
];

const dayMs = 86_400_000;
const ndjson = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
const dayNumber = (t: number) => Math.floor(t / dayMs);
const dayText = (n: number) => new Date(n * dayMs).toISOString().slice(0, 10);
/** ISO weeks start on Monday; day 0 (1970-01-01) was a Thursday. */
const weekNumber = (day: number) => Math.floor((day + 3) / 7);

/** The value at rank p·(n−1) of the sorted values, interpolated linearly; null when empty. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  return s[lo]! + (s[Math.ceil(rank)]! - s[lo]!) * (rank - lo);
}

interface Release {
  tag: string;
  at: number;
  /** lead times in seconds of each shipped commit; null when a tag is the first or outside the export */
  shipped: { authored: number; committed: number }[] | null;
  first: boolean;
}

/** Every stable v* tag in tag-time order with what it shipped: ancestors(tag) − ancestors(previous tag). */
function releasesOf(dir: string): Release[] {
  const commits = new Map(ndjson<GitCommitRecord>(join(root, dir, 'commits.ndjson')).map((c) => [c.sha, c]));
  const tags = ndjson<GitTagRecord>(join(root, dir, 'tags.ndjson'))
    .filter((t) => t.tag.startsWith('v') && !t.prerelease)
    .map((t) => ({ ...t, at: Date.parse(t.tag_time) }))
    .sort((a, b) => a.at - b.at);
  const ancestors = (sha: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const p of commits.get(s)!.parents) stack.push(p);
    }
    return seen;
  };
  let before: Set<string> | null = null;
  return tags.map((t, i) => {
    // A tag cut from a branch the export leaves out (fastify's maintenance releases) has unknown
    // ancestors: what it shipped, and what the tag after it shipped, cannot be told.
    const mine = commits.has(t.sha) ? ancestors(t.sha) : null;
    const shipped =
      i === 0 || mine === null || before === null
        ? null
        : [...mine]
            .filter((s) => !before!.has(s))
            .map((s) => {
              const c = commits.get(s)!;
              return {
                authored: (t.at - Date.parse(c.author_time)) / 1000,
                committed: (t.at - Date.parse(c.commit_time)) / 1000,
              };
            });
    before = mine;
    return { tag: t.tag, at: t.at, shipped, first: i === 0 };
  });
}

/** The numbers the definitions give for a window of UTC days, computed from the releases. */
function expected(releases: Release[], window: { from: string; to: string }) {
  const first = dayNumber(Date.parse(window.from));
  const last = dayNumber(Date.parse(window.to));
  const inWindow = releases.filter((r) => dayNumber(r.at) >= first && dayNumber(r.at) <= last);
  const days = new Set(inWindow.map((r) => dayNumber(r.at)));
  const perWeek = new Map<number, number>();
  for (let d = first; d <= last; d++)
    perWeek.set(weekNumber(d), (perWeek.get(weekNumber(d)) ?? 0) + (days.has(d) ? 1 : 0));
  const measured = inWindow.flatMap((r) => r.shipped ?? []);
  const positive = (k: 'authored' | 'committed') => measured.map((c) => c[k]).filter((s) => s > 0);
  const lead = (k: 'authored' | 'committed') => ({
    median: percentile(positive(k), 0.5),
    p90: percentile(positive(k), 0.9),
    measured: positive(k).length,
    nonPositive: measured.length - positive(k).length,
  });
  return {
    deployments: inWindow.length,
    deploymentDays: days.size,
    medianDeploymentDaysPerWeek: percentile([...perWeek.values()], 0.5)!,
    changes: measured.length,
    firstDeployments: inWindow.filter((r) => r.first).length,
    unknownBaseline: inWindow.filter((r) => !r.first && r.shipped === null).length,
    authored: lead('authored'),
    committed: lead('committed'),
  };
}

/**
 * Windows per repository: each calendar year it released in, the 90 days before its first release
 * (empty), and the 90-day window starting on the day that opens its busiest 90 days of releases.
 */
function windowsOf(releases: Release[]) {
  const years = new Set(releases.map((r) => new Date(r.at).getUTCFullYear()));
  const out = [...years].map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` }));
  const firstDay = dayNumber(releases[0]!.at);
  out.push({ from: dayText(firstDay - 90), to: dayText(firstDay - 1) });
  let best = { day: firstDay, count: 0 };
  for (const r of releases) {
    const d = dayNumber(r.at);
    const count = releases.filter((x) => dayNumber(x.at) >= d && dayNumber(x.at) < d + 90).length;
    if (count > best.count) best = { day: d, count };
  }
  out.push({ from: dayText(best.day - 3), to: dayText(best.day + 86) });
  return out;
}

describe.skipIf(!present).each(engines)('DORA numbers of real histories on %s', (engine) => {
  let t: TestApp;
  const tenant = 'corpus';
  const releases = new Map<string, Release[]>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    await t.tenantWithToken(tenant);
    for (const r of repositories) {
      releases.set(r.service, releasesOf(r.dir));
      const put = await t.call('PUT', `/api/v1/services/${r.service}`, { tenant, body: {} });
      expect(put.status).toBeLessThan(300);
      const events = [];
      for await (const e of corpusToEvents({
        commitsFile: join(root, r.dir, 'commits.ndjson'),
        tagsFile: join(root, r.dir, 'tags.ndjson'),
        repo: r.repo,
        service: r.service,
        tags: 'v*',
      }))
        events.push(JSON.stringify(toNativeCloudEvent(e)));
      for (let i = 0; i < events.length; i += 2000) {
        const res = await t.call('POST', '/api/v1/events', {
          token: testBootstrapToken,
          tenant,
          body: events.slice(i, i + 2000).join('\n'),
          headers: { 'content-type': 'application/x-ndjson' },
        });
        expect(res.status).toBe(200);
        expect(res.json).toMatchObject({ rejected: 0 });
      }
    }
    const db = t.deps.store.forTenant(tenant);
    while ((await derivePending(db, t.clock.now())) > 0);
  }, 120_000);
  afterAll(() => t?.close());

  it('chooses windows that cover first deployments, empty stretches and busy days', () => {
    for (const r of repositories) {
      const rs = releases.get(r.service)!;
      expect(rs, r.service).toHaveLength(r.stable);
      const windows = windowsOf(rs);
      const all = windows.map((w) => expected(rs, w));
      expect(all.some((e) => e.firstDeployments === 1)).toBe(true);
      expect(all.some((e) => e.deployments === 0)).toBe(true);
      // Calendar years with weeks without a release.
      expect(all.some((e) => e.deployments > 0 && e.medianDeploymentDaysPerWeek === 0)).toBe(true);
    }
    const several = (service: string) => {
      const perDay = new Map<number, number>();
      for (const x of releases.get(service)!)
        perDay.set(dayNumber(x.at), (perDay.get(dayNumber(x.at)) ?? 0) + 1);
      return [...perDay.values()].filter((n) => n > 1).length;
    };
    expect(several('hono')).toBeGreaterThan(0);
    expect(several('fastify')).toBeGreaterThan(0);
    // fastify's maintenance releases are not in the export: those and the tags after them are unknown.
    expect(releases.get('fastify')!.filter((x) => !x.first && x.shipped === null).length).toBeGreaterThan(30);
  });

  it.each(repositories.map((r) => r.service))(
    '%s: frequency and lead times equal the independent calculation',
    async (service) => {
      const rs = releases.get(service)!;
      for (const w of windowsOf(rs)) {
        const want = expected(rs, w);
        for (const start of ['authored', 'committed'] as const) {
          const res = await t.call(
            'GET',
            `/api/v1/measures/dora?service=${service}&from=${w.from}&to=${w.to}&leadTimeStart=${start}`,
            { tenant },
          );
          expect(res.status, res.text).toBe(200);
          const got = res.json;
          const at = `${service} ${w.from}..${w.to} ${start}`;
          expect(got.window, at).toMatchObject({ from: w.from, to: w.to, timeZone: 'UTC' });
          expect(
            {
              deployments: got.deploymentFrequency.deployments,
              deploymentDays: got.deploymentFrequency.deploymentDays,
              changes: got.changeLeadTime.changes,
              measured: got.changeLeadTime.measured,
              firstDeployments: got.changeLeadTime.excluded.firstDeployments,
              unknownBaseline: got.changeLeadTime.excluded.unknownBaseline,
              nonPositive: got.changeLeadTime.excluded.nonPositive,
            },
            at,
          ).toEqual({
            deployments: want.deployments,
            deploymentDays: want.deploymentDays,
            changes: want.changes,
            measured: want[start].measured,
            firstDeployments: want.firstDeployments,
            unknownBaseline: want.unknownBaseline,
            nonPositive: want[start].nonPositive,
          });
          const close = (a: number | null, b: number | null, what: string) => {
            if (b === null) expect(a, `${at} ${what}`).toBeNull();
            else expect(a, `${at} ${what}`).toBeCloseTo(b, 6);
          };
          close(
            got.deploymentFrequency.medianDeploymentDaysPerWeek,
            want.medianDeploymentDaysPerWeek,
            'weekly',
          );
          close(got.changeLeadTime.medianSeconds, want[start].median, 'median');
          close(got.changeLeadTime.p90Seconds, want[start].p90, 'p90');
        }
      }
    },
  );
});
