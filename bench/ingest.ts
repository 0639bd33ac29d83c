/**
 * Bulk and HTTP ingest throughput, each against a baseline measured in the same run:
 * - NDJSON → SQLite through the ledger's own path (decode, validate, map, store) vs. a raw
 *   better-sqlite3 insert of the same rows with prepared statements;
 * - the same into PostgreSQL vs. COPY of the same rows;
 * - HTTP batch ingest through a real server: events/s and request latency p50/p99.
 * Run: `npm run bench -- ingest [events]` (default 1,000,000). Skips PostgreSQL when unreachable.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import { type DecodedEvent, decodeEvents } from '../src/ledger/inbound.js';
import { ingestEvents } from '../src/ledger/ingest.js';
import { assemble, startServer } from '../src/server.js';
import { writeIngestFile } from './ingest-data.js';
import { createBenchDatabase, dropBenchDatabase } from './pg.js';

const total = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
const file = join(dir, 'events.ndjson');
const batch = 2000;

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')} events/s`;
}

async function* lineBatches(size: number): AsyncGenerator<string[]> {
  let lines: string[] = [];
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    lines.push(line);
    if (lines.length === size) {
      yield lines;
      lines = [];
    }
  }
  if (lines.length) yield lines;
}

/** The ledger path, in-process: exactly what POST /api/v1/events does with an NDJSON body. */
async function ledgerIngest(databaseUrl: string): Promise<number> {
  const { deps } = await assemble(loadConfig({ databaseUrl, demo: 'off', logLevel: 'silent' }), {
    log: createLogger('silent'),
  });
  await deps.access.createTenant({ id: 'bench', name: 'Bench', timeZone: 'UTC' });
  const db = deps.store.forTenant('bench');
  const start = performance.now();
  let n = 0;
  for await (const lines of lineBatches(batch)) {
    const decoded = decodeEvents(
      { contentType: 'application/x-ndjson', headers: {}, body: lines.join('\n') },
      Date.now(),
    );
    const events = decoded.flatMap((d: DecodedEvent) => (d.mapped ? [d.mapped] : []));
    if (events.length !== lines.length)
      throw new Error(`bench data rejected: ${JSON.stringify(decoded.find((d) => d.issues))}`);
    await ingestEvents({ db, clock: deps.clock, events });
    n += events.length;
  }
  const ms = performance.now() - start;
  await deps.store.close();
  if (n !== total) throw new Error(`bench: ingested ${n} of ${total} events`);
  return ms;
}

/** The rows the ledger writes for the file, decoded once up front (not timed): the baselines insert these. */
async function rowsOfFile() {
  const events: unknown[][] = [];
  const facts: unknown[][] = [];
  const commits: unknown[][] = [];
  for await (const lines of lineBatches(batch)) {
    const decoded = decodeEvents(
      { contentType: 'application/x-ndjson', headers: {}, body: lines.join('\n') },
      Date.now(),
    );
    for (const d of decoded) {
      const e = d.mapped!;
      events.push([
        'bench',
        e.source,
        e.eventId,
        e.type,
        e.occurredAt,
        Date.now(),
        JSON.stringify(e.raw),
        e.facts.length,
        0,
        e.facts[0]?.repo ?? null,
      ]);
      e.facts.forEach((f, seq) => {
        if (f.kind === 'commit') {
          commits.push([
            'bench',
            f.repo!,
            f.sha,
            JSON.stringify(f.parents),
            f.authoredAt,
            f.committedAt,
            f.author ?? null,
            JSON.stringify(f.workItems),
          ]);
        } else {
          facts.push([
            'bench',
            f.kind === 'pipeline_run' ? 'run' : f.kind,
            (f as { id: string }).id,
            e.source,
            e.eventId,
            seq,
            e.occurredAt,
            JSON.stringify(f),
          ]);
        }
      });
    }
  }
  return { events, facts, commits };
}

const tables = {
  ledger_events: [
    'tenant_id',
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
  ledger_facts: ['tenant_id', 'kind', 'entity_id', 'source', 'event_id', 'seq', 'occurred_at', 'fact'],
  commits: ['tenant_id', 'repo', 'sha', 'parents', 'authored_at', 'committed_at', 'author', 'work_items'],
} as const;

async function rawSqlite(rows: Awaited<ReturnType<typeof rowsOfFile>>): Promise<number> {
  const path = join(dir, 'raw.db');
  // The same schema, made by the same migrations, so indexes and keys are equal.
  const { deps } = await assemble(
    loadConfig({ databaseUrl: `sqlite:${path}`, demo: 'off', logLevel: 'silent' }),
    {
      log: createLogger('silent'),
    },
  );
  await deps.store.close();
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const stmts = Object.fromEntries(
    Object.entries(tables).map(([t, cols]) => [
      t,
      db.prepare(
        `insert into ${t} (${cols.join(',')}) values (${cols.map(() => '?').join(',')}) on conflict do nothing`,
      ),
    ]),
  );
  const start = performance.now();
  // One transaction per batch of events, as the ledger commits each request: the same durability points.
  const write = db.transaction((parts: [keyof typeof tables, unknown[][]][]) => {
    for (const [t, part] of parts) for (const r of part) stmts[t]!.run(r);
  });
  const share = (list: unknown[][], i: number) =>
    list.slice((i * list.length) / rows.events.length, ((i + batch) * list.length) / rows.events.length);
  for (let i = 0; i < rows.events.length; i += batch) {
    write([
      ['ledger_events', rows.events.slice(i, i + batch)],
      ['commits', share(rows.commits, i)],
      ['ledger_facts', share(rows.facts, i)],
    ]);
  }
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/** COPY of the same rows (text format), the fastest way into PostgreSQL, as the baseline. */
async function rawPgCopy(url: string, rows: Awaited<ReturnType<typeof rowsOfFile>>): Promise<number> {
  const { deps } = await assemble(loadConfig({ databaseUrl: url, demo: 'off', logLevel: 'silent' }), {
    log: createLogger('silent'),
  });
  await deps.store.close();
  const { from } = await import('pg-copy-streams');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const esc = (v: unknown) =>
    v == null
      ? '\\N'
      : String(v).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  const start = performance.now();
  for (const [t, data] of [
    ['ledger_events', rows.events],
    ['commits', rows.commits],
    ['ledger_facts', rows.facts],
  ] as const) {
    const stream = client.query(from(`copy ${t} (${tables[t].join(',')}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    for (const r of data) {
      if (!stream.write(`${r.map(esc).join('\t')}\n`)) await new Promise((res) => stream.once('drain', res));
    }
    stream.end();
    await done;
  }
  const ms = performance.now() - start;
  await client.end();
  return ms;
}

async function httpIngest(events: number): Promise<{ ms: number; p50: number; p99: number; n: number }> {
  const token = 'bench-bootstrap-token-0123456789';
  const running = await startServer(
    loadConfig({
      port: '0',
      databaseUrl: `sqlite:${join(dir, 'http.db')}`,
      demo: 'off',
      logLevel: 'silent',
      bootstrapToken: token,
    }),
    { log: createLogger('silent') },
  );
  await running.deps.access.createTenant({ id: 'bench', name: 'Bench', timeZone: 'UTC' });
  const headers = {
    authorization: `Bearer ${token}`,
    'throughline-tenant': 'bench',
    'content-type': 'application/x-ndjson',
  };
  const latencies: number[] = [];
  const bodies: string[] = [];
  let n = 0;
  for await (const lines of lineBatches(1000)) {
    if (n >= events) break;
    bodies.push(`${lines.join('\n')}\n`);
    n += lines.length;
  }
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t = performance.now();
      const res = await fetch(`${running.url}/api/v1/events`, { method: 'POST', headers, body });
      await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const ms = performance.now() - start;
  await running.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { ms, p50: q(0.5), p99: q(0.99), n };
}

try {
  const t = performance.now();
  const bytes = await writeIngestFile(file, total);
  console.log(
    `data: ${total.toLocaleString('en-US')} events, ${(bytes / 1e6).toFixed(0)} MB NDJSON (${Math.round(performance.now() - t)} ms to write)`,
  );
  const rows = await rowsOfFile();

  const ours = await ledgerIngest(`sqlite:${join(dir, 'ledger.db')}`);
  const raw = await rawSqlite(rows);
  console.log(
    `SQLite   ledger path ${rate(total, ours)}   raw better-sqlite3 ${rate(total, raw)}   ratio ${(raw / ours).toFixed(2)}`,
  );

  const pgUrl = await createBenchDatabase('ingest');
  if (pgUrl) {
    const pgRaw = await createBenchDatabase('ingest');
    try {
      const oursPg = await ledgerIngest(pgUrl);
      const copy = await rawPgCopy(pgRaw!, rows);
      console.log(
        `Postgres ledger path ${rate(total, oursPg)}   raw COPY ${rate(total, copy)}   ratio ${(copy / oursPg).toFixed(2)}`,
      );
    } finally {
      await dropBenchDatabase(pgUrl);
      await dropBenchDatabase(pgRaw!);
    }
  } else {
    console.log('Postgres skipped: not reachable');
  }

  const http = await httpIngest(Math.min(total, 200_000));
  console.log(
    `HTTP     batch NDJSON (1,000 per request, 4 in flight) ${rate(http.n, http.ms)}   latency p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms`,
  );
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
