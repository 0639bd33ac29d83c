/**
 * `throughline gate` as CI runs it: the CLI in a child process against a real server on port 0.
 * Exit codes: 0 approved, 1 rejected, 3 still pending when the wait ends, 2 error.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { type Running, startServer } from '../server.js';
import { testBootstrapToken } from '../testing/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../testing/databases.js';

const root = join(import.meta.dirname, '../..');
const sha = (c: string) => c.repeat(40);

describe.each(engines)('throughline gate against a running server on %s', (engine) => {
  let database: TestDatabase;
  let server: Running;
  let dir: string;
  const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', ...args, '--url', server.url, '--token', testBootstrapToken],
        { cwd: root, env: { ...process.env, THROUGHLINE_URL: '', THROUGHLINE_TOKEN: '' } },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const post = (path: string, body: unknown, type = 'application/json') =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testBootstrapToken}`, 'content-type': type },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'gate-cli-'));
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
    await fetch(`${server.url}/api/v1/services/checkout`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${testBootstrapToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    const run = (id: string, s: string, name: string, status: string) => ({
      specversion: '1.0',
      id,
      source: 'ci/test',
      type: 'dev.throughline.facts.v1',
      time: '2026-11-04T10:00:00Z',
      data: {
        facts: [
          { kind: 'pipeline_run', category: 'pipeline', id, service: 'checkout', sha: s, name, status },
        ],
      },
    });
    const res = await post(
      '/api/v1/events',
      [run('r1', sha('a'), 'build', 'success'), run('r2', sha('b'), 'build', 'failure')],
      'application/cloudevents-batch+json',
    );
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies a policy file, reporting validation errors with exit 2', async () => {
    const bad = join(dir, 'default.yaml');
    writeFileSync(bad, 'rules:\n  - type: required-checks\n');
    const r1 = await cli(['gate', 'policy', 'apply', bad]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('/rules/0/required');
    writeFileSync(
      bad,
      'rules:\n  - type: required-checks\n    required: [build]\n  - type: required-checks\n    name: security-scan\n    outcome: manual\n    required: [security-scan]\n',
    );
    const r2 = await cli(['gate', 'policy', 'apply', bad]);
    expect(r2.stdout.trim()).toBe('policy default saved as version 1');
    expect(r2.code).toBe(0);
  });

  it('exits 1 when rejected, printing one line per rule', async () => {
    const r = await cli(['gate', '--service', 'checkout', '--environment', 'production', '--sha', sha('b')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('rejected: required checks not passed for bbbbbbb: build failure');
    expect(lines[1]).toBe('  FAIL  required-checks: required checks not passed for bbbbbbb: build failure');
    expect(lines[2]).toBe(
      '  hold  security-scan: required checks not passed for bbbbbbb: security-scan missing',
    );
  });

  it('exits 3 when still pending after --wait, and 0 once approved (JSON)', async () => {
    const r = await cli([
      'gate',
      '--service',
      'checkout',
      '--environment',
      'production',
      '--sha',
      sha('a'),
      '--wait',
      '1s',
      '--poll',
      '200ms',
      '--json',
    ]);
    expect(r.code).toBe(3);
    const pending = JSON.parse(r.stdout);
    expect(pending.decision).toBe('pending');
    const ok = await cli(['gate', 'approve', pending.id, '--comment', 'scanned by hand']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/approved by /);
    const emergency = await cli([
      'gate',
      '--service',
      'checkout',
      '--environment',
      'production',
      '--sha',
      sha('b'),
      '--change-type',
      'emergency',
      '--reason',
      'outage',
    ]);
    expect(emergency.code).toBe(0);
    expect(emergency.stdout).toMatch(/^approved as an emergency change/);
  });

  it('exits 2 on errors: an unknown service, an unreachable server', async () => {
    const r = await cli(['gate', '--service', 'nope', '--environment', 'production', '--sha', sha('a')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('service nope is not in the catalog');
  });
});
