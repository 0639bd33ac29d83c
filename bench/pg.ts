import pg from 'pg';

/** The PostgreSQL the benchmarks create their databases on (the tests' one by default). */
export const pgAdmin =
  process.env.THROUGHLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database for one benchmark run, or undefined when no PostgreSQL answers. */
export async function createBenchDatabase(prefix: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: pgAdmin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  const name = `tl_bench_${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(pgAdmin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropBenchDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdmin });
  await client.connect();
  await client.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await client.end();
}
