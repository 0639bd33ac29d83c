import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { catalogCommands, collectFiles, formatImportReport } from './cli.js';
import { corpusPresent, examplesDir, warnIfCorpusAbsent } from './testing.js';

warnIfCorpusAbsent();

describe('catalog CLI helpers', () => {
  it.skipIf(!corpusPresent)('collects a folder’s YAML files with paths relative to it', () => {
    const files = collectFiles(examplesDir);
    expect(files).toHaveLength(52);
    expect(files.map((f) => f.path)).toContain('apis/petstore-webhook.oas.yaml');
    expect(files.every((f) => !f.path.startsWith('/') && /\.ya?ml$/.test(f.path))).toBe(true);
    expect(collectFiles(`${examplesDir}/all.yaml`).map((f) => f.path)).toEqual(['all.yaml']);
  });

  it('prints a summary and one line per problem', () => {
    const lines = formatImportReport({
      imported: [{ kind: 'Component', name: 'a' }],
      counts: { Component: 1 },
      errors: [{ file: 'b.yaml', document: 2, path: '/spec/owner', message: 'required' }],
    });
    expect(lines).toEqual([
      'imported 1 entities (Component 1)',
      '1 problem(s); the entities they belong to were not imported:',
      'b.yaml#2 /spec/owner: required',
    ]);
  });
});

describe('throughline catalog against a running server', () => {
  let t: TestApp;
  let server: ReturnType<typeof serve>;
  let url: string;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    token = await t.tenantWithToken('acme');
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  async function run(...args: string[]): Promise<{ lines: string[]; exitCode: number | undefined }> {
    const program = new Command('throughline').exitOverride();
    catalogCommands(program);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    process.exitCode = undefined;
    try {
      await program.parseAsync(['node', 'throughline', ...args, '--url', url, '--token', token]);
      return {
        lines: log.mock.calls.map((c) => String(c[0])),
        exitCode: process.exitCode as number | undefined,
      };
    } finally {
      log.mockRestore();
      process.exitCode = undefined;
    }
  }

  it.skipIf(!corpusPresent)('imports a folder, prints each problem and exits 1', async () => {
    const { lines, exitCode } = await run('catalog', 'import', examplesDir);
    expect(exitCode).toBe(1);
    expect(lines[0]).toBe(
      'imported 67 entities (AiResource 4, API 10, Component 13, Domain 3, Group 9, Location 7, Resource 1, System 3, User 17)',
    );
    expect(lines.slice(2)).toEqual([
      'all-apis.yaml#0 /spec/targets/8: target "./apis/swapi-graphql.yaml" (apis/swapi-graphql.yaml) is missing from the import',
      'components/invalid-component.yaml#0 /metadata/name: "invalid component" is not a valid name: strings of [a-zA-Z0-9] separated by -, _ or ., at most 63 characters',
      'components/invalid-component.yaml#0 /metadata/tags/1: "go 1.15.3" is not a valid tag: lower-case [a-z0-9:+#] separated by single dashes, at most 63 characters',
    ]);
    const services = await run('catalog', 'services', '--json');
    expect(JSON.parse(services.lines.join('\n'))).toHaveLength(13);
  });

  it.skipIf(!corpusPresent)('exits 0 when every entity was imported', async () => {
    const { lines, exitCode } = await run('catalog', 'import', `${examplesDir}/systems`);
    expect(exitCode).toBeUndefined();
    expect(lines).toEqual(['imported 3 entities (System 3)']);
  });
});
