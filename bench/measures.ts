/**
 * DORA answers from rollups at scale, on SQLite and PostgreSQL, each against a raw scan of the
 * ledger tables measured in the same run:
 * - ~1.1M deployments, ~3.1M shipped commits, ~52k incidents (1,000 services, one year) written
 *   straight into the ledger tables of a migrated database, then the rollups built by
 *   refreshRollups (timed);
 * - (a) the DORA summary of every service, last 90 days (loadRows + summarize, as the route does);
 * - (b) one service's weekly trend over the year (loadRows + trend);
 * - (c) the same two answers from a raw scan (bench/measures-raw.ts), checked equal;
 * - (d) the serving process's RSS: a separate process that only opens the database and answers.
 * Run: `npm run bench -- measures [--services 1000] [--days 365] [--runs 20] [--raw-runs 5]
 * [--engines sqlite,postgres] [--profile]`. PostgreSQL: THROUGHLINE_TEST_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/postgres (a database is created and dropped); skipped when
 * unreachable. `--profile` writes a CPU profile of each serving process to bench/.profiles/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import { refreshRollups } from '../src/measures/maintain.js';
import { loadRows, summarize, trend } from '../src/measures/query.js';
import { resolveWindow } from '../src/measures/window.js';
import { addDays, dayStart } from '../src/measures/zoned.js';
import { assemble } from '../src/server.js';
import { type Scale, serviceName, tenant } from './measures-data.js';
import { type Loaded, loadPostgres, loadSqlite } from './measures-load.js';
import { type RawNumbers, rawSummary, rawWeekly } from './measures-raw.js';
import { createBenchDatabase, dropBenchDatabase } from './pg.js';

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: {
    role: { type: 'string', default: 'main' },
    url: { type: 'string' },
    services: { type: 'string', default: '1000' },
    days: { type: 'string', default: '365' },
    runs: { type: 'string', default: '20' },
    'raw-runs': { type: 'string', default: '5' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    profile: { type: 'boolean', default: false },
  },
});
const dayMs = 86_400_000;
const scale: Scale = {
  services: Number(args.services),
  days: Number(args.days),
  start: Date.UTC(2025, 0, 1),
};
/** "Now" is the last moment of the data's last day: last=90 is the data's last 90 days. */
const now = scale.start + scale.days * dayMs - 1;
const quiet = { log: createLogger('silent') };
const open = (url: string) =>
  assemble(loadConfig({ databaseUrl: url, demo: 'off', logLevel: 'silent' }), quiet);
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

interface BuildResult extends Loaded {
  loadMs: number;
  buildMs: number;
  rollupRows: number;
}

/** Child process: migrate, create the tenant, bulk-load the ledger rows, build the rollups. */
async function build(url: string): Promise<BuildResult> {
  let { deps } = await open(url);
  await deps.access.createTenant({ id: tenant, name: 'Bench', timeZone: 'UTC' });
  await deps.store.close();
  let t = performance.now();
  const loaded = url.startsWith('sqlite:') ? loadSqlite(url.slice(7), scale) : await loadPostgres(url, scale);
  const loadMs = performance.now() - t;
  ({ deps } = await open(url));
  t = performance.now();
  const rollupRows = await refreshRollups(deps.store.forTenant(tenant), { now: now + 60_000 });
  const buildMs = performance.now() - t;
  await deps.store.close();
  return { ...loaded, loadMs, buildMs, rollupRows };
}

function quantile(ms: number[], p: number): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))]!;
}

async function timed<T>(runs: number, warmup: number, fn: () => Promise<T>) {
  let last: T | undefined;
  for (let i = 0; i < warmup; i++) last = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), result: last! };
}

interface ServeResult {
  summary: { p50: number; p95: number };
  trend: { p50: number; p95: number };
  rawSummary: { p50: number; p95: number };
  rawTrend: { p50: number; p95: number };
  rssStart: number;
  rssAfter: number;
  rssPeak: number;
  rssPeakAll: number;
  rows: number;
  mismatches: string[];
}

/** Child process: open the built database and answer, rollups first, then the raw scans. */
async function serve(url: string): Promise<ServeResult> {
  const { deps } = await open(url);
  const db = deps.store.forTenant(tenant);
  const rssStart = process.memoryUsage().rss;
  const runs = Number(args.runs);
  const last90 = resolveWindow({ last: 90 }, { now, timeZone: 'UTC' });
  const year = resolveWindow({ last: 365 }, { now, timeZone: 'UTC' });
  const service = serviceName(Math.floor(scale.services / 2));
  const common = { start: 'authored', version: '2023' } as const;
  let rows = 0;
  const summary = await timed(runs, 3, async () => {
    const r = await loadRows(db, {
      services: undefined,
      environment: 'production',
      window: last90,
      ...common,
    });
    rows = r.length;
    return summarize(r, { window: last90, groupBy: 'service', ...common });
  });
  const weekly = await timed(runs, 3, async () => {
    const r = await loadRows(db, { services: [service], environment: 'production', window: year, ...common });
    return trend(r, { window: year, interval: 'week', ...common });
  });
  const rssAfter = process.memoryUsage().rss;
  const rssPeak = process.resourceUsage().maxRSS * 1024;

  const rawRuns = Number(args['raw-runs']);
  const span = (w: { fromDay: string; toDay: string }) => ({
    from: dayStart(w.fromDay, 'UTC'),
    to: dayStart(addDays(w.toDay, 1), 'UTC'),
  });
  const raw = await timed(rawRuns, 1, () => rawSummary(db, span(last90)));
  const rawTrend = await timed(rawRuns, 1, () => rawWeekly(db, { ...span(year), service }));
  const rssPeakAll = process.resourceUsage().maxRSS * 1024;

  // The baseline must give the same answers, or the comparison means nothing.
  const mismatches: string[] = [];
  const same = (what: string, ours: RawNumbers, theirs: RawNumbers | undefined) => {
    if (!theirs || JSON.stringify(ours) !== JSON.stringify(theirs))
      mismatches.push(`${what}: ${JSON.stringify(ours)} vs raw ${JSON.stringify(theirs)}`);
  };
  const pick = (n: ReturnType<typeof summarize>['numbers']): RawNumbers => ({
    deployments: n.deploymentFrequency.deployments,
    deploymentDays: n.deploymentFrequency.deploymentDays,
    medianDeploymentDaysPerWeek: n.deploymentFrequency.medianDeploymentDaysPerWeek,
    leadMedian: n.changeLeadTime.medianSeconds,
    leadP90: n.changeLeadTime.p90Seconds,
    failed: n.changeFailRate.failedDeployments,
    recoveryMedian: n.recoveryTime.medianSeconds,
  });
  for (const g of summary.result.groups ?? []) same(g.service, pick(g), raw.result.get(g.service));
  if ((summary.result.groups ?? []).length !== raw.result.size) mismatches.push('service count differs');
  for (const p of weekly.result) same(`${service} week ${p.start}`, pick(p), rawTrend.result.get(p.start));
  await deps.store.close();
  const times = (x: { p50: number; p95: number }) => ({ p50: x.p50, p95: x.p95 });
  return {
    summary: times(summary),
    trend: times(weekly),
    rawSummary: times(raw),
    rawTrend: times(rawTrend),
    rssStart,
    rssAfter,
    rssPeak,
    rssPeakAll,
    rows,
    mismatches,
  };
}

/** Runs this file again as a child in a role; its last stdout line is the JSON result. */
function child<T>(role: string, url: string, extra: string[] = []): T {
  const passed = ['--services', args.services, '--days', args.days, '--runs', args.runs];
  const res = spawnSync(
    process.execPath,
    [
      ...extra,
      '--import',
      'tsx',
      join(import.meta.dirname, 'measures.ts'),
      '--role',
      role,
      '--url',
      url,
      ...passed,
      '--raw-runs',
      args['raw-runs'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (res.status !== 0) throw new Error(`bench measures: ${role} child failed (${res.status})`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as T;
}

function report(engine: string, b: BuildResult, s: ServeResult) {
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  const line = (name: string, ours: { p50: number; p95: number }, raw: { p50: number; p95: number }) =>
    console.log(
      `${engine.padEnd(8)} ${name.padEnd(34)} rollups p50 ${f(ours.p50)} p95 ${f(ours.p95)}   raw scan p50 ${f(raw.p50)} p95 ${f(raw.p95)}   ${(raw.p50 / ours.p50).toFixed(0)}× faster (p50)`,
    );
  console.log(
    `${engine.padEnd(8)} loaded ${b.deployments.toLocaleString('en-US')} deployments, ${b.changes.toLocaleString('en-US')} shipped commits, ${b.incidents.toLocaleString('en-US')} incidents in ${(b.loadMs / 1000).toFixed(1)} s (bulk)`,
  );
  console.log(
    `${engine.padEnd(8)} rollup build (refreshRollups, from nothing): ${(b.buildMs / 1000).toFixed(1)} s, ${b.rollupRows.toLocaleString('en-US')} day rows (${Math.round(b.deployments / (b.buildMs / 1000)).toLocaleString('en-US')} deployments/s)`,
  );
  line(`(a) summary, ${args.services} services, 90 d`, s.summary, s.rawSummary);
  line(`(b) one service, weekly, ${args.days} d`, s.trend, s.rawTrend);
  console.log(
    `${engine.padEnd(8)} (d) serving RSS: ${mb(s.rssStart)} after open, ${mb(s.rssAfter)} after the rollup answers, peak ${mb(s.rssPeak)} (peak including the raw scans ${mb(s.rssPeakAll)}); ${s.rows.toLocaleString('en-US')} rollup rows per summary`,
  );
  console.log(
    `${engine.padEnd(8)} answers equal to the raw scan: ${s.mismatches.length === 0 ? 'yes' : `NO, ${s.mismatches.length} differ`}`,
  );
  for (const m of s.mismatches.slice(0, 5)) console.log(`  ${m}`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-measures-'));
  const profile = args.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${join(import.meta.dirname, '.profiles')}`]
    : [];
  console.log(
    `data: ${args.services} services × ${args.days} days; ${args.runs} timed runs after 3 warm-ups (raw scan: ${args['raw-runs']} after 1)`,
  );
  try {
    for (const engine of args.engines.split(',')) {
      const url =
        engine === 'sqlite' ? `sqlite:${join(dir, 'measures.db')}` : await createBenchDatabase('measures');
      if (!url) {
        console.log('postgres skipped: not reachable');
        continue;
      }
      try {
        const b = child<BuildResult>('build', url);
        const s = child<ServeResult>('serve', url, profile);
        report(engine, b, s);
      } finally {
        if (engine !== 'sqlite') await dropBenchDatabase(url);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.role === 'build') console.log(JSON.stringify(await build(args.url!)));
else if (args.role === 'serve') console.log(JSON.stringify(await serve(args.url!)));
else await main();
