import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { withApiOptions } from '../cli/api-options.js';
import { CliError, type ClientOptions, clientOptions, request } from '../cli/client.js';
import { printJson, printTable } from '../cli/output.js';
import { Progress } from '../cli/progress.js';
import { toNativeCloudEvent } from './fact-schema.js';
import { readGitHistory } from './sources/git/index.js';

interface ApiOpts {
  url?: string;
  token?: string;
  tenant?: string;
  json?: boolean;
}

interface IngestResponse {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: { index: number; status: string; errors?: { path: string; message: string }[] }[];
}

/** Events per request and the byte budget of one request (well under the ingest body limit). */
const batchEvents = 2000;
const batchBytes = 4 * 1024 * 1024;

/** Sends NDJSON lines in batches; safe to re-run, since the ledger answers duplicates for what it has. */
class NdjsonSender {
  accepted = 0;
  duplicates = 0;
  rejected = 0;
  sent = 0;
  readonly problems: string[] = [];
  #lines: string[] = [];
  #lineNumbers: number[] = [];
  #bytes = 0;

  constructor(private readonly client: ClientOptions) {}

  async add(line: string, lineNumber: number): Promise<void> {
    this.#lines.push(line);
    this.#lineNumbers.push(lineNumber);
    this.#bytes += line.length + 1;
    if (this.#lines.length >= batchEvents || this.#bytes >= batchBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#lines.length === 0) return;
    const lines = this.#lines;
    const numbers = this.#lineNumbers;
    this.#lines = [];
    this.#lineNumbers = [];
    this.#bytes = 0;
    let res: IngestResponse;
    try {
      res = await request<IngestResponse>(
        this.client,
        'POST',
        '/api/v1/events',
        `${lines.join('\n')}\n`,
        'application/x-ndjson',
      );
    } catch (err) {
      // A batch where every event is invalid comes back as a 422 problem; count it and go on.
      if (err instanceof CliError && err.message.startsWith('422')) {
        this.rejected += lines.length;
        this.sent += lines.length;
        if (this.problems.length < 20)
          this.problems.push(`lines ${numbers[0]}–${numbers.at(-1)}: ${err.message}`);
        return;
      }
      throw err;
    }
    this.sent += lines.length;
    this.accepted += res.accepted;
    this.duplicates += res.duplicates;
    this.rejected += res.rejected;
    for (const r of res.results) {
      if (r.status !== 'rejected' || this.problems.length >= 20) continue;
      const e = r.errors?.[0];
      this.problems.push(
        `line ${numbers[r.index]}: ${e ? `${e.path.replace(/^\/\d+/, '') || '/'} ${e.message}` : 'rejected'}`,
      );
    }
  }

  summary(): string {
    return `${this.accepted} accepted, ${this.duplicates} duplicates, ${this.rejected} rejected`;
  }
}

export function ledgerCommands(program: Command): void {
  const events = program.command('events').description('delivery events in the ledger');
  withApiOptions(
    events
      .command('import <file>')
      .description('stream an NDJSON file of CloudEvents/CDEvents into the ledger'),
  ).action(async (file: string, o: ApiOpts) => {
    const size = statSync(file).size;
    const sender = new NdjsonSender(clientOptions(o));
    const progress = new Progress('events');
    const stream = createReadStream(file);
    let lineNumber = 0;
    for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      if (line.trim() === '') continue;
      await sender.add(line, lineNumber);
      progress.update(sender.sent, {
        fraction: size ? stream.bytesRead / size : 1,
        detail: sender.summary(),
      });
    }
    await sender.flush();
    progress.done(sender.sent, sender.summary());
    finish(sender, o.json);
  });
  withApiOptions(
    events.command('status').description('ingest status: sources, rates, errors, unmatched events'),
  ).action(async (o: ApiOpts) => {
    const status = await request<{
      sources: {
        source: string;
        totalEvents: number;
        lastEventAt: string | null;
        eventsLastHour: number;
        today: Record<string, number>;
      }[];
      unmatchedEvents: number;
    }>(clientOptions(o), 'GET', '/api/v1/ingest/status');
    if (o.json) return printJson(status);
    printTable(
      status.sources.map((s) => ({
        ...s,
        rejectedToday: s.today.rejected,
        badSignaturesToday: s.today.unauthorized,
      })),
      ['source', 'totalEvents', 'eventsLastHour', 'lastEventAt', 'rejectedToday', 'badSignaturesToday'],
    );
    console.log(`unmatched events: ${status.unmatchedEvents}`);
  });

  const imp = program.command('import').description('import delivery history from other systems');
  withApiOptions(
    imp
      .command('git <path>')
      .description("record a local git repository's commits and, by rule, its deployments"),
  )
    .requiredOption('--service <name>', 'catalog service the repository belongs to')
    .option('--environment <env>', 'environment of the deployments', 'production')
    .option(
      '--deployments <rule>',
      "'tags:<glob>' (e.g. 'tags:v*'), 'first-parent:<branch>' or 'none'",
      'tags:v*',
    )
    .option('--repo <url>', 'repository URL (default: remote.origin.url)')
    .option('--include-prereleases', 'count pre-release tags (v1.2.3-rc.1) as deployments')
    .option('--tags-reachable-from <rev>', 'only tags whose commit this revision reaches')
    .action(
      async (
        path: string,
        o: ApiOpts & {
          service: string;
          environment: string;
          deployments: string;
          repo?: string;
          includePrereleases?: boolean;
          tagsReachableFrom?: string;
        },
      ) => {
        const sender = new NdjsonSender(clientOptions(o));
        const progress = new Progress('git');
        let read = 0;
        for await (const e of readGitHistory({
          path,
          service: o.service,
          environment: o.environment,
          deployments: o.deployments as `tags:${string}`,
          ...(o.repo ? { repo: o.repo } : {}),
          ...(o.includePrereleases ? { includePrereleases: true } : {}),
          ...(o.tagsReachableFrom ? { tagsReachableFrom: o.tagsReachableFrom } : {}),
        })) {
          read++;
          await sender.add(JSON.stringify(toNativeCloudEvent(e)), read);
          progress.update(sender.sent, { detail: `${read} read · ${sender.summary()}` });
        }
        await sender.flush();
        progress.done(sender.sent, sender.summary());
        finish(sender, o.json);
      },
    );
}

function finish(sender: NdjsonSender, json?: boolean): void {
  const result = {
    accepted: sender.accepted,
    duplicates: sender.duplicates,
    rejected: sender.rejected,
    problems: sender.problems,
  };
  if (json) printJson(result);
  else {
    console.log(sender.summary());
    for (const p of sender.problems) console.log(`  ${p}`);
  }
  if (sender.rejected > 0) {
    throw Object.assign(new CliError(`${sender.rejected} event(s) rejected`), { exitCode: 1 });
  }
}
