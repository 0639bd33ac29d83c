import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { withApiOptions } from '../cli/api-options.js';
import { CliError, clientOptions, request } from '../cli/client.js';
import { printJson, printTable } from '../cli/output.js';
import type { DecisionView } from './decision-store.js';

type Opts = Record<string, string | boolean | undefined>;
type Decision = DecisionView & {
  rules: { rule: string; passed: boolean; outcome: string; message: string }[];
};

/** Exit codes for CI: 0 approved, 1 rejected, 3 still pending when the wait ends; 2 is any error. */
export const exitCodes = { approved: 0, rejected: 1, pending: 3 } as const;

export function parseWait(s: string): number {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new CliError(`--wait ${s}: a duration such as 90s, 10m or 1h`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
}

function printDecision(d: Decision): void {
  console.log(d.summary);
  for (const r of d.rules)
    console.log(`  ${r.passed ? 'pass' : r.outcome === 'manual' ? 'hold' : 'FAIL'}  ${r.rule}: ${r.message}`);
  if (d.resolution)
    console.log(
      `  ${d.resolution.outcome} by ${d.resolution.by}${d.resolution.comment ? `: ${d.resolution.comment}` : ''}`,
    );
  console.log(`  decision ${d.id}, policy ${d.policy ? `${d.policy.name} v${d.policy.version}` : 'none'}`);
}

function finish(d: Decision, o: Opts): void {
  if (o.json) printJson(d);
  else printDecision(d);
  const code = exitCodes[d.decision];
  // A non-zero decision is an answer, not a failure of the command: set the code, print nothing more.
  if (code !== 0) process.exitCode = code;
}

export function gatesCommands(program: Command): void {
  const gate = withApiOptions(
    program
      .command('gate')
      .description(
        'ask the gate whether a change may deploy (exit 0 approved, 1 rejected, 3 pending, 2 error)',
      ),
  )
    .option('--service <service>', 'catalog service')
    .option('--environment <environment>', 'target environment')
    .option('--sha <sha>', 'commit being deployed')
    .option('--version <version>', 'version being deployed (instead of --sha)')
    .option('--pipeline-run <id>', 'the pipeline run that built it')
    .option('--change-type <type>', 'standard | normal | emergency', 'normal')
    .option('--reason <reason>', 'why (required for an emergency change)')
    .option('--wait <duration>', 'wait this long for a pending decision (e.g. 10m)', '0')
    .option('--poll <duration>', 'how often to look while waiting', '5s')
    .action(async (o: Opts) => {
      if (!o.service || !o.environment || !(o.sha || o.version || o.pipelineRun))
        throw new CliError('give --service, --environment and --sha (or --version)');
      const client = clientOptions(o);
      let d = await request<Decision>(client, 'POST', '/api/v1/gates/evaluate', {
        service: o.service,
        environment: o.environment,
        ...(o.sha ? { sha: o.sha } : {}),
        ...(o.version ? { version: o.version } : {}),
        ...(o.pipelineRun ? { pipelineRun: o.pipelineRun } : {}),
        changeType: o.changeType,
        ...(o.reason ? { reason: o.reason } : {}),
      });
      const until = Date.now() + parseWait(String(o.wait));
      const poll = parseWait(String(o.poll));
      if (d.decision === 'pending' && !o.json && Date.now() < until)
        console.error(`waiting up to ${o.wait} for approval of decision ${d.id}…`);
      while (d.decision === 'pending' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, Math.min(poll, Math.max(0, until - Date.now()))));
        d = await request<Decision>(client, 'GET', `/api/v1/gates/decisions/${encodeURIComponent(d.id)}`);
      }
      finish(d, o);
    });

  const policy = gate.command('policy').description('gate policies (YAML)');
  withApiOptions(policy.command('apply <file>').description('save a policy file as a new version'))
    .option('--name <name>', 'policy name (default: the file name without extension)')
    .action(async (file: string, own: Opts) => {
      const o = { ...gate.opts(), ...own };
      const name = String(o.name ?? basename(file).replace(/\.(ya?ml)$/, ''));
      const res = await request<{ name: string; version: number }>(
        clientOptions(o),
        'PUT',
        `/api/v1/gates/policies/${encodeURIComponent(name)}?file=${encodeURIComponent(basename(file))}`,
        readFileSync(file, 'utf8'),
        'text/yaml',
      );
      if (o.json) printJson(res);
      else console.log(`policy ${res.name} saved as version ${res.version}`);
    });
  withApiOptions(policy.command('list').description('policies and their latest version')).action(
    async (own: Opts) => {
      const o = { ...gate.opts(), ...own };
      const res = await request<{ items: Record<string, unknown>[] }>(
        clientOptions(o),
        'GET',
        '/api/v1/gates/policies',
      );
      if (o.json) printJson(res);
      else printTable(res.items, ['name', 'version', 'createdAt', 'createdBy']);
    },
  );

  for (const action of ['approve', 'reject'] as const) {
    withApiOptions(gate.command(`${action} <decision>`).description(`${action} a pending decision`))
      .requiredOption('--comment <comment>', 'why')
      .action(async (id: string, own: Opts) => {
        const o = { ...gate.opts(), ...own };
        const d = await request<Decision>(
          clientOptions(o),
          'POST',
          `/api/v1/gates/decisions/${encodeURIComponent(id)}/${action}`,
          { comment: o.comment },
        );
        if (o.json) printJson(d);
        else printDecision(d);
      });
  }

  withApiOptions(gate.command('decisions').description('the decision log, newest first'))
    .option('--service <service>')
    .option('--outcome <outcome>', 'approved | rejected | pending')
    .option('--sha <sha>')
    .action(async (own: Opts) => {
      const o = { ...gate.opts(), ...own };
      const q = new URLSearchParams();
      for (const k of ['service', 'outcome', 'sha'] as const) if (o[k]) q.set(k, String(o[k]));
      const res = await request<{ items: Decision[] }>(
        clientOptions(o),
        'GET',
        `/api/v1/gates/decisions?${q}`,
      );
      if (o.json) return printJson(res);
      printTable(
        res.items.map((d) => ({ ...d, sha: d.sha?.slice(0, 7) ?? '' })),
        ['createdAt', 'id', 'service', 'environment', 'sha', 'decision', 'summary'],
      );
    });
}
