import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a reachable PostgreSQL for store and API tests, or '' when there is none. */
    pgAdminUrl: string;
  }
}

const defaultUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Finds the PostgreSQL the store tests run on. Under CI=true it must be there. */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.THROUGHLINE_TEST_DATABASE_URL ?? defaultUrl;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('pgAdminUrl', url);
  } catch (err) {
    const reason = `PostgreSQL not reachable at ${url.replace(/\/\/[^@]*@/, '//…@')}: ${(err as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI=true requires it)`);
    console.warn(
      `\n!!! ${reason}\n!!! SKIPPING every PostgreSQL store and API test. Set THROUGHLINE_TEST_DATABASE_URL.\n`,
    );
    project.provide('pgAdminUrl', '');
  } finally {
    await client.end().catch(() => {});
  }
}
