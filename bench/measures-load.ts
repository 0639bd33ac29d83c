/**
 * Bulk loading of the synthetic ledger rows straight into the tables (no ingest, no derivation):
 * prepared statements in large transactions on SQLite, COPY on PostgreSQL.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  changeColumns,
  deploymentColumns,
  incidentColumns,
  type Row,
  type Scale,
  serviceRows,
} from './measures-data.js';

export interface Loaded {
  deployments: number;
  changes: number;
  incidents: number;
}

const tables = [
  ['deployments', deploymentColumns, 'deployments'],
  ['deployment_changes', changeColumns, 'changes'],
  ['source_incidents', incidentColumns, 'incidents'],
] as const;

export function loadSqlite(path: string, scale: Scale): Loaded {
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const stmts = tables.map(([t, cols]) =>
    db.prepare(`insert into ${t} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`),
  );
  const out: Loaded = { deployments: 0, changes: 0, incidents: 0 };
  const write = db.transaction((rows: Row[][]) => {
    rows.forEach((part, i) => {
      for (const r of part) stmts[i]!.run(r);
    });
  });
  let batch: Row[][] = [[], [], []];
  for (let n = 0; n < scale.services; n++) {
    const rows = serviceRows(n, scale);
    tables.forEach(([, , key], i) => {
      batch[i]!.push(...rows[key]);
      out[key] += rows[key].length;
    });
    if (batch[1]!.length > 100_000 || n === scale.services - 1) {
      write(batch);
      batch = [[], [], []];
    }
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return out;
}

const esc = (v: string | number | null) =>
  v == null
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');

export async function loadPostgres(url: string, scale: Scale): Promise<Loaded> {
  const { from } = await import('pg-copy-streams');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: Loaded = { deployments: 0, changes: 0, incidents: 0 };
  try {
    // One table at a time (one COPY per connection); the rows are regenerated per pass, deterministically.
    for (const [t, cols, key] of tables) {
      const stream = client.query(from(`copy ${t} (${cols.join(',')}) from stdin`));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      for (let n = 0; n < scale.services; n++) {
        const rows = serviceRows(n, scale)[key];
        out[key] += rows.length;
        let chunk = '';
        for (const r of rows) chunk += `${r.map(esc).join('\t')}\n`;
        if (!stream.write(chunk)) await new Promise((res) => stream.once('drain', res));
      }
      stream.end();
      await done;
    }
    // What autovacuum would do shortly after a bulk load.
    await client.query('analyze');
  } finally {
    await client.end();
  }
  return out;
}
