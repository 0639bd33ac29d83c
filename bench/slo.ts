/**
 * SLO ingest and budgets at scale, on SQLite and PostgreSQL, each against a baseline measured in
 * the same run:
 * - N SLOs (default 1,000), each with its own ratio SLI and one sample per minute over 30 days
 *   (4.32·10⁷ samples). Most of the history is bulk-loaded straight into the tables — minute rows
 *   AND the hour/day rollups exactly as budget/rollup.ts computes them (checked) — because pushing
 *   4.3·10⁷ samples through the real path would take too long; only the last `--slice` samples
 *   (default 10⁶: the last slice/N minutes of every SLI) go through the real path.
 * - (1) bulk ingest of that slice through the NDJSON route's code path in-process (decode and
 *   validate, group by SLI, one transaction per request of `--batch` samples, writeSamples with
 *   its minute upserts and hour/day rollup maintenance) in samples/s, vs. a raw insert of the same
 *   minute rows (better-sqlite3 prepared statements / PostgreSQL COPY), which is then deleted.
 * - (2) budget, attainment, coverage and all burn rates (5m … 3d) of every SLO from rollups, as
 *   GET /slos/{name}/budget computes them, vs. one raw scan of the minute table summing the same
 *   windows in SQL; every answer is checked equal.
 * Run: `npm run bench -- slo [--slos 1000] [--days 30] [--slice 1000000] [--batch 10000]
 * [--runs 20] [--raw-runs 3] [--engines sqlite,postgres]`. PostgreSQL: THROUGHLINE_TEST_DATABASE_URL
 * or postgres://postgres@127.0.0.1:5432/postgres (a database is created and dropped); skipped
 * when unreachable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import { assemble } from '../src/server.js';
import type { BudgetResult } from '../src/slo/budget/index.js';
import { importDefinitions } from '../src/slo/definitions.js';
import { type SliSample, writeSamples } from '../src/slo/samples.js';
import { decodeSamples } from '../src/slo/samples-input.js';
import { budgetsOfSlos } from '../src/slo/service.js';
import { listObjects } from '../src/slo/store.js';
import { inTransaction, type TenantDb } from '../src/store/database.js';
import { createBenchDatabase, dropBenchDatabase } from './pg.js';
import {
  checkRollupsMatchCode,
  definitionsYaml,
  MINUTE_MS,
  minutesOf,
  type SloScale,
  sliName,
  tenant,
} from './slo-data.js';
import {
  copyMinutes,
  loadPostgres,
  loadSqlite,
  minuteCopyText,
  sliceRows,
  sqliteMinuteInserter,
} from './slo-load.js';
import { rawBudgets } from './slo-raw.js';

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: {
    slos: { type: 'string', default: '1000' },
    days: { type: 'string', default: '30' },
    slice: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
    'raw-runs': { type: 'string', default: '3' },
    engines: { type: 'string', default: 'sqlite,postgres' },
  },
});
const slos = Number(args.slos);
const scale: SloScale = {
  slos,
  days: Number(args.days),
  sliceMinutes: Math.max(1, Math.round(Number(args.slice) / slos)),
  start: Date.UTC(2026, 0, 1, 0, 30),
};
const total = minutesOf(scale);
const sliceFrom = total - scale.sliceMinutes;
/** 20 s after the last minute ends: mid-hour and mid-minute, so every window has edges. */
const now = scale.start + total * MINUTE_MS + 20_000;
const open = (url: string) =>
  assemble(loadConfig({ databaseUrl: url, demo: 'off', logLevel: 'silent' }), {
    log: createLogger('silent'),
  });
const f = (ms: number) => `${ms.toFixed(1)} ms`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} samples/s`;

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

/** The slice as NDJSON request bodies of `--batch` lines, SLI by SLI, built before timing. */
function sliceBodies(): string[] {
  const bodies: string[] = [];
  let lines: string[] = [];
  for (const r of sliceRows(scale, sliceFrom, total)) {
    for (const m of r.minutes) {
      lines.push(
        `{"sli":"${sliName(r.i)}","t":"${new Date(m.t).toISOString()}","good":${m.good},"total":${m.total}}`,
      );
      if (lines.length === Number(args.batch)) {
        bodies.push(lines.join('\n'));
        lines = [];
      }
    }
  }
  if (lines.length) bodies.push(lines.join('\n'));
  return bodies;
}

/** What POST /api/v1/sli-samples does with an NDJSON body, minus HTTP (routes-samples.ts). */
async function routeIngest(db: TenantDb, bodies: readonly string[]) {
  let decodeMs = 0;
  let n = 0;
  const start = performance.now();
  for (const body of bodies) {
    const t = performance.now();
    const decoded = decodeSamples(body, { ndjson: true, now });
    if (!('samples' in decoded)) throw new Error('bench slo: a body was rejected');
    const bySli = new Map<string, SliSample[]>();
    for (const d of decoded.samples) {
      if (!d.sample || !d.sli) throw new Error(`bench slo: ${JSON.stringify(d.issues)}`);
      const list = bySli.get(d.sli) ?? [];
      list.push(d.sample);
      bySli.set(d.sli, list);
      n++;
    }
    decodeMs += performance.now() - t;
    await inTransaction(db, async (trx) => {
      for (const [sli, samples] of bySli) await writeSamples(trx, sli, samples);
    });
  }
  const ms = performance.now() - start;
  return { n, ms, decodeMs, writeMs: ms - decodeMs };
}

/** The baseline: the same minute rows inserted raw, timed; then deleted again (not timed). */
async function rawIngest(url: string, db: TenantDb): Promise<{ n: number; ms: number }> {
  let n = 0;
  let ms: number;
  if (url.startsWith('sqlite:')) {
    const raw = new SQLite(url.slice(7));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL'); // as the store opens it
    const insert = sqliteMinuteInserter(raw);
    const rows = [...sliceRows(scale, sliceFrom, total)];
    const t = performance.now();
    for (const r of rows) {
      insert(sliName(r.i), r.minutes);
      n += r.minutes.length;
    }
    ms = performance.now() - t;
    raw.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const chunks = [...sliceRows(scale, sliceFrom, total)].map((r) => {
      n += r.minutes.length;
      return minuteCopyText(sliName(r.i), r.minutes);
    });
    const t = performance.now();
    await copyMinutes(client, chunks);
    ms = performance.now() - t;
    await client.end();
  }
  await db
    .deleteFrom('sli_minutes')
    .where('minute', '>=', scale.start + sliceFrom * MINUTE_MS)
    .execute();
  return { n, ms };
}

/** Budget and burn rates of every SLO, as GET /slos/{name}/budget computes them (service.ts budgetsOfSlos, batched). */
async function allBudgets(db: TenantDb): Promise<Map<string, BudgetResult | null>> {
  const slos = await listObjects(db, 'SLO');
  const budgets = await budgetsOfSlos(db, slos, now);
  return new Map(slos.map((slo, n) => [slo.name, budgets[n]![0]?.result ?? null]));
}

async function runEngine(engine: string, url: string) {
  const e = engine.padEnd(8);
  let { deps } = await open(url);
  await deps.access.createTenant({ id: tenant, name: 'Bench', timeZone: 'UTC' });
  const defined = await importDefinitions(
    deps.store.forTenant(tenant),
    [{ path: 'bench.yaml', content: definitionsYaml(scale) }],
    now,
  );
  if (defined.errors.length) throw new Error(`bench slo: ${JSON.stringify(defined.errors.slice(0, 3))}`);
  await deps.store.close();

  const t = performance.now();
  const loaded = url.startsWith('sqlite:') ? loadSqlite(url.slice(7), scale) : await loadPostgres(url, scale);
  console.log(
    `${e} bulk-loaded ${loaded.toLocaleString('en-US')} minute rows with their hour/day rollups in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed as ingest)`,
  );

  ({ deps } = await open(url));
  const db = deps.store.forTenant(tenant);
  const raw = await rawIngest(url, db);
  const bodies = sliceBodies();
  const ours = await routeIngest(db, bodies);
  if (ours.n !== raw.n) throw new Error(`bench slo: ${ours.n} samples vs ${raw.n} raw rows`);
  const baselineName = url.startsWith('sqlite:') ? 'raw better-sqlite3 insert' : 'raw COPY';
  console.log(
    `${e} (1) ingest ${ours.n.toLocaleString('en-US')} samples (${scale.slos} SLIs × ${scale.sliceMinutes} min, ${args.batch}/request): ` +
      `route path ${rate(ours.n, ours.ms)} (writeSamples alone ${rate(ours.n, ours.writeMs)}; decode ${f(ours.decodeMs)})   ` +
      `${baselineName} ${rate(raw.n, raw.ms)}   ratio ${(ours.ms / raw.ms).toFixed(1)}× the baseline's time (writeSamples ${(ours.writeMs / raw.ms).toFixed(1)}×)`,
  );

  const runs = Number(args.runs);
  const budgets = await timed(runs, 2, () => allBudgets(db));
  const rawScan = await timed(Number(args['raw-runs']), 1, () =>
    rawBudgets(deps.store.system as never, { tenant, scale, now }),
  );
  console.log(
    `${e} (2) budget + burn rates of all ${scale.slos} SLOs: rollups p50 ${f(budgets.p50)} p95 ${f(budgets.p95)}   ` +
      `raw scan p50 ${f(rawScan.p50)} p95 ${f(rawScan.p95)}   ${(rawScan.p50 / budgets.p50).toFixed(1)}× faster (p50)`,
  );
  const mismatches: string[] = [];
  for (const [name, theirs] of rawScan.result) {
    const mine = budgets.result.get(name);
    if (JSON.stringify(mine) !== JSON.stringify(theirs))
      mismatches.push(`${name}: ${JSON.stringify(mine)}\n   raw: ${JSON.stringify(theirs)}`);
  }
  if (budgets.result.size !== rawScan.result.size) mismatches.push('SLO count differs');
  const sample = rawScan.result.values().next().value;
  console.log(
    `${e} answers equal to the raw scan: ${mismatches.length === 0 ? 'yes' : `NO, ${mismatches.length} differ`} (e.g. coverage ${sample?.dataCoverage.toFixed(4)}, attainment ${sample?.attainment?.toFixed(5)}, 1h burn ${sample?.burnRates['1h']?.toFixed(3)})`,
  );
  for (const m of mismatches.slice(0, 3)) console.log(`  ${m}`);
  await deps.store.close();
  if (mismatches.length) process.exitCode = 1;
}

async function main() {
  checkRollupsMatchCode(scale);
  console.log(
    `data: ${scale.slos} SLOs × ${scale.days} days of minutes = ${(scale.slos * total).toLocaleString('en-US')} samples; ` +
      `the last ${scale.sliceMinutes} min of each (${(scale.slos * scale.sliceMinutes).toLocaleString('en-US')}) through the real path; ` +
      `${args.runs} timed budget runs after 2 warm-ups (raw scan: ${args['raw-runs']} after 1)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-slo-'));
  try {
    for (const engine of args.engines.split(',')) {
      const url = engine === 'sqlite' ? `sqlite:${join(dir, 'slo.db')}` : await createBenchDatabase('slo');
      if (!url) {
        console.log('postgres skipped: not reachable');
        continue;
      }
      try {
        await runEngine(engine, url);
      } finally {
        if (engine !== 'sqlite') await dropBenchDatabase(url);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
