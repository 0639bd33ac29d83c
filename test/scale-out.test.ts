import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../src/testing/databases.js';

interface Proc {
  child: ChildProcess;
  out: string;
  url: Promise<string>;
}

/** Starts the real CLI (`throughline serve`) as its own process. */
function serve(databaseUrl: string): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], {
    env: {
      ...process.env,
      THROUGHLINE_DATABASE_URL: databaseUrl,
      THROUGHLINE_LOG_LEVEL: 'warn',
      THROUGHLINE_DEMO: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = { child, out: '', url: Promise.resolve('') };
  proc.url = new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      proc.out += d.toString();
      const m = /console: (http:\/\/\S+)\//.exec(proc.out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${proc.out}`)));
  });
  return proc;
}

const postgresOnly = engines.includes('postgres') ? describe : describe.skip;

postgresOnly('two server processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let procs: Proc[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // Both start at the same moment on an empty database: migrations, bootstrap and demo data race.
    procs = [serve(database.url), serve(database.url)];
    await Promise.all(procs.map((p) => p.url));
  }, 90_000);

  afterAll(async () => {
    for (const p of procs) {
      if (p.child.exitCode === null) {
        const exited = new Promise((r) => p.child.once('exit', r));
        p.child.kill('SIGTERM');
        await exited;
      }
    }
    await database.drop();
  });

  it('both serve, and first-start work happened exactly once', async () => {
    const printed = procs.filter((p) => /First start: a provider-admin token/.test(p.out));
    expect(printed).toHaveLength(1);
    const token = /\n {2}(tl1\.provider\.\S+)/.exec(printed[0]!.out)![1]!;
    for (const p of procs) {
      const url = await p.url;
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const me = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tokens = await client.query("select count(*)::int as n from tokens where tenant_id = 'provider'");
      expect(tokens.rows[0].n).toBe(1);
      const seeds = await client.query("select count(*)::int as n from tokens where tenant_id = 'demo'");
      expect(seeds.rows[0].n).toBe(1);
      const migrations = await client.query('select count(*)::int as n from kysely_migration');
      const names = await client.query('select count(distinct name)::int as n from kysely_migration');
      expect(migrations.rows[0].n).toBe(names.rows[0].n);
      const leases = await client.query("select name, holder from leases where tenant_id = 'provider'");
      expect(leases.rows.length).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('agrees across processes on conflicting writes', async () => {
    const token = /\n {2}(tl1\.provider\.\S+)/.exec(procs.map((p) => p.out).join(''))![1]!;
    const results = await Promise.all(
      procs.map(async (p) => {
        const res = await fetch(`${await p.url}/api/v1/tenants`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ id: 'contested', name: 'Contested' }),
        });
        return res.status;
      }),
    );
    expect(results.sort()).toEqual([201, 409]);
  });
});
