/**
 * The ledger's CLI commands as a user runs them: `node --import tsx src/cli/main.ts …` in a child
 * process against a real server on port 0 (with its background derivation), on every engine.
 */
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { type Running, startServer } from '../server.js';
import { testBootstrapToken } from '../testing/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../testing/databases.js';
import { createTestRepo, type TestRepo, tmpDir } from './sources/git/test-support/test-repo.js';

const root = join(import.meta.dirname, '../..');

/** Runs the CLI to completion; never throws, so the exit code can be asserted. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: root, env: { ...process.env, THROUGHLINE_URL: '', THROUGHLINE_TOKEN: '' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const sha = (c: string) => c.repeat(40);
const native = (id: string, facts: unknown[]) =>
  JSON.stringify({
    specversion: '1.0',
    id,
    source: 'ci/acme',
    type: 'dev.throughline.facts.v1',
    time: '2026-10-01T12:00:00Z',
    data: { facts },
  });
const commit = (c: string, parents: string[], at: string) => ({
  kind: 'commit',
  repo: 'https://github.com/acme/shop',
  sha: sha(c),
  parents: parents.map(sha),
  authoredAt: at,
  committedAt: at,
});

describe.each(engines)('throughline events/import against a running server on %s', (engine) => {
  let database: TestDatabase;
  let server: Running;
  let token: string;
  let dir: string;
  let repo: TestRepo;
  const api = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    // biome-ignore lint/suspicious/noExplicitAny: JSON read loosely
    return (await res.json()) as any;
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await startServer(
      loadConfig({
        databaseUrl: database.url,
        bootstrapToken: testBootstrapToken,
        port: '0',
        host: '127.0.0.1',
        logLevel: 'silent',
        demo: 'off',
      }),
      { log: createLogger('silent') },
    );
    const call = (path: string, body: unknown, tenant?: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${testBootstrapToken}`,
          'content-type': 'application/json',
          ...(tenant ? { 'throughline-tenant': tenant } : {}),
        },
        body: JSON.stringify(body),
      });
    expect((await call('/api/v1/tenants', { id: 'acme', name: 'ACME' })).status).toBe(201);
    const created = await call('/api/v1/tokens', { name: 'ci', role: 'member' }, 'acme');
    token = ((await created.json()) as { secret: string }).secret;
    dir = tmpDir('ledger-cli-');
    repo = createTestRepo();
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
    if (repo) rmSync(repo.dir, { recursive: true, force: true });
  });

  it('events import: streams NDJSON, reports an invalid line by number and exits 1; a re-run is all duplicates', async () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(
      file,
      [
        native('n-1', [commit('a', [], '2026-10-01T09:00:00Z')]),
        native('n-2', [commit('b', ['a'], '2026-10-01T10:00:00Z')]),
        '',
        native('n-bad', [{ ...commit('c', ['b'], '2026-10-01T11:00:00Z'), sha: 'not-hex' }]),
        native('n-3', [commit('c', ['b'], '2026-10-01T11:00:00Z')]),
        '',
      ].join('\n'),
    );
    const args = ['events', 'import', file, '--url', server.url, '--token', token];
    const first = await cli(args);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe(
      '3 accepted, 0 duplicates, 1 rejected\n  line 4: /data/facts/0/sha a hex commit id\n',
    );
    expect(first.stderr).toContain('events: 4 (100%)');
    expect(first.stderr.trimEnd().split('\n').at(-1)).toBe('throughline: 1 event(s) rejected');
    const again = await cli(args);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe(
      '0 accepted, 3 duplicates, 1 rejected\n  line 4: /data/facts/0/sha a hex commit id\n',
    );
    expect((await api('/api/v1/events?limit=1')).total).toBe(3);
  });

  it('import git: one deployment per v* tag, and the later one shipped exactly the commits between the tags', async () => {
    const c1 = repo.commit('init', { at: '2026-01-01T10:00:00Z' });
    repo.lightweightTag('v1.0.0');
    const c2 = repo.commit('SHOP-1 add a cart', { at: '2026-01-02T10:00:00Z' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const f1 = repo.commit('feature work (#12)', { at: '2026-01-03T10:00:00Z', email: 'other@example.com' });
    repo.git(['checkout', '-q', 'main']);
    const c3 = repo.commit('fix the price', { at: '2026-01-04T10:00:00Z' });
    const m = repo.merge('feature', 'merge feature', { at: '2026-01-05T10:00:00Z' });
    repo.annotatedTag('v1.1.0', '2026-01-06T10:00:00Z');
    repo.commit('after the release', { at: '2026-01-07T10:00:00Z' });
    repo.lightweightTag('v1.2.0-rc.1');
    repo.lightweightTag('nightly');

    const run = await cli([
      'import',
      'git',
      repo.dir,
      '--service',
      'shop',
      '--deployments',
      'tags:v*',
      '--url',
      server.url,
      '--token',
      token,
    ]);
    expect(run.stderr).toContain('git: 8 (100%)');
    // Six commits and two release tags (the pre-release and `nightly` are not deployments).
    expect(run.stdout).toBe('8 accepted, 0 duplicates, 0 rejected\n');
    expect(run.code).toBe(0);

    const listed = await api('/api/v1/deployments?service=shop');
    expect(
      listed.items.map((d: { version: string; sha: string; finishedAt: string }) => [
        d.version,
        d.sha,
        d.finishedAt,
      ]),
    ).toEqual([
      ['v1.1.0', m, '2026-01-06T10:00:00.000Z'],
      ['v1.0.0', c1, '2026-01-01T10:00:00.000Z'],
    ]);
    const id = listed.items[0].id as string;
    expect(id).toBe(`file://${repo.dir}@deploy:v1.1.0`);
    // Inline derivation or the server's 2 s background pass: wait until neither is pending.
    let deployment = await api(`/api/v1/deployments/${encodeURIComponent(id)}`);
    for (let i = 0; deployment.derivation === 'dirty' && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 200));
      deployment = await api(`/api/v1/deployments/${encodeURIComponent(id)}`);
    }
    expect(deployment).toMatchObject({ derivation: 'ok', previousId: listed.items[1].id, shippedCount: 4 });
    expect(deployment.shipped.map((c: { sha: string; workItems: string[] }) => [c.sha, c.workItems])).toEqual(
      [
        [m, []],
        [c3, []],
        [f1, ['#12']],
        [c2, ['SHOP-1']],
      ],
    );

    const again = await cli([
      'import',
      'git',
      repo.dir,
      '--service',
      'shop',
      '--url',
      server.url,
      '--token',
      token,
    ]);
    expect(again.stdout).toBe('0 accepted, 8 duplicates, 0 rejected\n');
    expect(again.code).toBe(0);
  });
});
