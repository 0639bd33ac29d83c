import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Command } from 'commander';
import { withApiOptions } from '../cli/api-options.js';
import { CliError, clientOptions, request } from '../cli/client.js';
import { printJson, printTable } from '../cli/output.js';
import type { ImportFile, ImportResult, Service } from './model.js';

interface ApiOpts {
  url?: string;
  token?: string;
  tenant?: string;
  json?: boolean;
}

/** A file as itself, or every .yaml/.yml under a folder (hidden folders skipped), named relative to it. */
export function collectFiles(path: string): ImportFile[] {
  if (!statSync(path).isDirectory()) return [{ path: basename(path), content: readFileSync(path, 'utf8') }];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => !d.name.startsWith('.') && d.name !== 'node_modules')
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((d) => {
        const full = join(dir, d.name);
        if (d.isDirectory()) return walk(full);
        return /\.ya?ml$/i.test(d.name) ? [full] : [];
      });
  return walk(path).map((full) => ({
    path: relative(path, full).split(sep).join('/'),
    content: readFileSync(full, 'utf8'),
  }));
}

/** The summary line, then one `file#doc field: reason` line per problem. */
export function formatImportReport(result: ImportResult): string[] {
  const counts = Object.entries(result.counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const lines = [`imported ${result.imported.length} entities${counts ? ` (${counts})` : ''}`];
  if (result.errors.length > 0) {
    lines.push(`${result.errors.length} problem(s); the entities they belong to were not imported:`);
    for (const e of result.errors) lines.push(`${e.file}#${e.document} ${e.path}: ${e.message}`);
  }
  return lines;
}

export function catalogCommands(program: Command): void {
  const catalog = program.command('catalog').description('services, teams and systems; Backstage import');

  withApiOptions(
    catalog
      .command('import <path>')
      .description(
        'import Backstage catalog files from a file or folder; exits 1 if any entity was rejected',
      ),
  ).action(async (path: string, o: ApiOpts) => {
    const files = collectFiles(path);
    if (files.length === 0) throw new CliError(`no .yaml or .yml files under ${path}`);
    const result = await request<ImportResult>(clientOptions(o), 'POST', '/api/v1/catalog/import', { files });
    if (o.json) printJson(result);
    else for (const line of formatImportReport(result)) console.log(line);
    if (result.errors.length > 0) process.exitCode = 1;
  });

  withApiOptions(catalog.command('services').description('list services')).action(async (o: ApiOpts) => {
    const opts = clientOptions(o);
    const items: Service[] = [];
    // Page through: the API returns at most 500 at a time.
    for (let total = Number.POSITIVE_INFINITY; items.length < total; ) {
      const page = await request<{ items: Service[]; total: number }>(
        opts,
        'GET',
        `/api/v1/services?limit=500&offset=${items.length}`,
      );
      items.push(...page.items);
      total = page.items.length === 0 ? items.length : page.total;
    }
    if (o.json) printJson(items);
    else printTable(items, ['name', 'owner', 'system', 'tier', 'lifecycle', 'type', 'source']);
  });
}
