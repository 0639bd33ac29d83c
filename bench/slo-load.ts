/**
 * Bulk loading for `npm run bench -- slo`: minute rows and the hour/day rollups the code would
 * write for them, straight into the tables — prepared statements in large transactions on SQLite,
 * COPY on PostgreSQL. Rows go in key order (SLI, then minute), as a B-tree likes them.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { type Bucket, minutesOf, type SloScale, sliName, sliRows, sloName, tenant } from './slo-data.js';

type MinuteRow = { t: number; good: number; total: number };
const minuteCols = 'tenant_id, sli, series, minute, good, total';
const bucketCols = 'tenant_id, slo, objective, t, good, total, minutes';

/** Minute rows of every SLI over minute indexes [from, to), one SLI at a time. */
export function* sliceRows(scale: SloScale, from: number, to: number) {
  for (let i = 0; i < scale.slos; i++) yield { i, ...sliRows(i, scale, from, to) };
}

export function sqliteMinuteInserter(db: SQLite.Database) {
  const stmt = db.prepare(`insert into sli_minutes (${minuteCols}) values (?, ?, '', ?, ?, ?)`);
  return db.transaction((sli: string, rows: readonly MinuteRow[]) => {
    for (const r of rows) stmt.run(tenant, sli, r.t, r.good, r.total);
  });
}

/** The history before the slice: minutes, hours and days. Returns the number of minute rows. */
export function loadSqlite(path: string, scale: SloScale): number {
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const minutes = sqliteMinuteInserter(db);
  const buckets = (table: string) => {
    const stmt = db.prepare(`insert into ${table} (${bucketCols}) values (?, ?, 0, ?, ?, ?, ?)`);
    return db.transaction((slo: string, rows: readonly Bucket[]) => {
      for (const b of rows) stmt.run(tenant, slo, b.t, b.good, b.total, b.minutes);
    });
  };
  const hours = buckets('slo_hours');
  const days = buckets('slo_days');
  let n = 0;
  for (const r of sliceRows(scale, 0, minutesOf(scale) - scale.sliceMinutes)) {
    minutes(sliName(r.i), r.minutes);
    hours(sloName(r.i), r.hours);
    days(sloName(r.i), r.days);
    n += r.minutes.length;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return n;
}

async function copy(client: pg.Client, sql: string, chunks: Iterable<string>): Promise<void> {
  const { from } = await import('pg-copy-streams');
  const stream = client.query(from(sql));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise((res) => stream.once('drain', res));
  }
  stream.end();
  await done;
}

export const minuteCopyText = (sli: string, rows: readonly MinuteRow[]) => {
  let s = '';
  for (const r of rows) s += `${tenant}\t${sli}\t\t${r.t}\t${r.good}\t${r.total}\n`;
  return s;
};

/** COPY of minute rows, one text chunk per SLI. */
export function copyMinutes(client: pg.Client, chunks: Iterable<string>): Promise<void> {
  return copy(client, `copy sli_minutes (${minuteCols}) from stdin`, chunks);
}

export async function loadPostgres(url: string, scale: SloScale): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const end = minutesOf(scale) - scale.sliceMinutes;
  const rollups = { slo_hours: [] as string[], slo_days: [] as string[] };
  const bucketText = (slo: string, rows: readonly Bucket[]) => {
    let s = '';
    for (const b of rows) s += `${tenant}\t${slo}\t0\t${b.t}\t${b.good}\t${b.total}\t${b.minutes}\n`;
    return s;
  };
  let n = 0;
  try {
    await copyMinutes(
      client,
      (function* () {
        for (const r of sliceRows(scale, 0, end)) {
          n += r.minutes.length;
          rollups.slo_hours.push(bucketText(sloName(r.i), r.hours));
          rollups.slo_days.push(bucketText(sloName(r.i), r.days));
          yield minuteCopyText(sliName(r.i), r.minutes);
        }
      })(),
    );
    for (const [table, chunks] of Object.entries(rollups))
      await copy(client, `copy ${table} (${bucketCols}) from stdin`, chunks);
    // What autovacuum would do shortly after a bulk load.
    await client.query('vacuum analyze sli_minutes, slo_hours, slo_days');
  } finally {
    await client.end();
  }
  return n;
}
