import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { withApiOptions } from '../cli/api-options.js';
import { clientOptions, request } from '../cli/client.js';
import { printJson, printTable } from '../cli/output.js';
import { Progress } from '../cli/progress.js';

type Opts = Record<string, string | boolean | undefined>;
const pct = (f: unknown) => (typeof f === 'number' ? `${(f * 100).toFixed(3)} %` : '—');

/** A file, or every .yaml/.yml/.json file under a folder, as import files. */
function readFiles(path: string): { path: string; content: string }[] {
  if (!statSync(path).isDirectory()) return [{ path, content: readFileSync(path, 'utf8') }];
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  return walk(path)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => ({ path: relative(path, f), content: readFileSync(f, 'utf8') }));
}

/** Streams an NDJSON file of samples to the API in batches, reporting progress on stderr. */
async function importSamples(o: Opts, file: string, batch: number) {
  const client = clientOptions(o);
  const size = statSync(file).size;
  const progress = new Progress('samples');
  let lines: string[] = [];
  let bytes = 0;
  let accepted = 0;
  let rejected = 0;
  const flush = async () => {
    if (!lines.length) return;
    const res = await request<{ accepted: number; rejected: number }>(
      client,
      'POST',
      '/api/v1/sli-samples',
      `${lines.join('\n')}\n`,
      'application/x-ndjson',
    );
    accepted += res.accepted;
    rejected += res.rejected;
    lines = [];
    progress.update(accepted + rejected, {
      fraction: size ? bytes / size : 1,
      detail: `${rejected} rejected`,
    });
  };
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    bytes += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    lines.push(line);
    if (lines.length >= batch) await flush();
  }
  await flush();
  progress.done(accepted + rejected, `${rejected} rejected`);
  return { accepted, rejected };
}

export function sloCommands(program: Command): void {
  const slo = program.command('slo').description('service level objectives (OpenSLO)');

  withApiOptions(
    slo.command('import <path>').description('import OpenSLO YAML: a file or a folder of them'),
  ).action(async (path: string, o: Opts) => {
    const res = await request<{ imported: { kind: string; name: string }[] }>(
      clientOptions(o),
      'POST',
      '/api/v1/slo/import',
      { files: readFiles(path) },
    );
    if (o.json) printJson(res);
    else printTable(res.imported, ['kind', 'name']);
  });

  withApiOptions(slo.command('export').description('every SLO object as OpenSLO YAML on stdout')).action(
    async (o: Opts) => {
      const c = clientOptions(o);
      const res = await fetch(`${c.url}/api/v1/slo/export`, {
        headers: {
          authorization: `Bearer ${c.token}`,
          ...(c.tenant ? { 'throughline-tenant': c.tenant } : {}),
        },
      });
      process.stdout.write(await res.text());
    },
  );

  withApiOptions(slo.command('list').description('SLOs with attainment and remaining budget')).action(
    async (o: Opts) => {
      const res = await request<{ items: Record<string, unknown>[] }>(
        clientOptions(o),
        'GET',
        '/api/v1/slos',
      );
      if (o.json) return printJson(res);
      printTable(
        res.items.map((i) => ({
          ...i,
          target: pct(i.target),
          attainment: pct(i.attainment),
          remaining: pct(i.remainingFraction),
        })),
        ['name', 'service', 'target', 'attainment', 'remaining'],
      );
    },
  );

  withApiOptions(
    slo.command('budget <name>').description('error budget, burn rates and forecast of an SLO'),
  ).action(async (name: string, o: Opts) => {
    const b = await request<
      Record<string, unknown> & {
        budget: Record<string, number> | null;
        burnRates: Record<string, number | null>;
        forecast: { exhaustsAt: string | null } | null;
      }
    >(clientOptions(o), 'GET', `/api/v1/slos/${encodeURIComponent(name)}/budget`);
    if (o.json) return printJson(b);
    console.log(
      `SLO ${name}: attainment ${pct(b.attainment)} (target ${pct(b.target)}), data coverage ${pct(b.dataCoverage)}`,
    );
    if (b.budget)
      console.log(
        `  budget ${b.budget.total?.toFixed(1)} ${b.budget.unit}, consumed ${b.budget.consumed?.toFixed(1)}, remaining ${pct(b.budget.remainingFraction)}`,
      );
    console.log(
      `  burn rates ${Object.entries(b.burnRates)
        .map(([k, v]) => `${k} ${v == null ? '—' : v.toFixed(2)}`)
        .join(', ')}`,
    );
    console.log(`  exhausted at ${b.forecast?.exhaustsAt ?? 'never at the current burn'}`);
  });

  withApiOptions(
    slo.command('rules <name>').description('Prometheus recording and alerting rules for an SLO'),
  )
    .option('--format <format>', 'prometheus', 'prometheus')
    .action(async (name: string, o: Opts) => {
      const c = clientOptions(o);
      const res = await fetch(`${c.url}/api/v1/slos/${encodeURIComponent(name)}/rules?format=${o.format}`, {
        headers: {
          authorization: `Bearer ${c.token}`,
          ...(c.tenant ? { 'throughline-tenant': c.tenant } : {}),
        },
      });
      const text = await res.text();
      if (!res.ok) throw Object.assign(new Error(`${res.status} ${text}`), { name: 'CliError' });
      process.stdout.write(text);
    });

  const samples = slo.command('samples').description('SLI samples');
  withApiOptions(
    samples
      .command('import <file>')
      .description('push an NDJSON file of {sli, t, good, total} or {sli, t, value}'),
  )
    .option('--batch <n>', 'samples per request', '20000')
    .action(async (file: string, o: Opts) => {
      const res = await importSamples(o, file, Number(o.batch));
      if (o.json) printJson(res);
    });
}
