import type { Command } from 'commander';
import { withApiOptions } from '../cli/api-options.js';
import { clientOptions, request } from '../cli/client.js';
import { printJson } from '../cli/output.js';
import type { DoraNumbers } from './aggregate.js';

interface Answer extends DoraNumbers {
  scope: { service: string | null; team: string | null; environment: string };
  window: { from: string; to: string; days: number; timeZone: string };
}

/** Seconds as the largest sensible unit: 3h 20m, 2d 4h. */
export function duration(seconds: number | null): string {
  if (seconds == null) return '—';
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

const pct = (r: number | null) => (r == null ? '—' : `${(r * 100).toFixed(1)} %`);

export function formatDora(a: Answer): string[] {
  const who = a.scope.service
    ? `service ${a.scope.service}`
    : a.scope.team
      ? `team ${a.scope.team}`
      : 'all services';
  const lt = a.changeLeadTime;
  return [
    `DORA for ${who} in ${a.scope.environment}, ${a.window.from} – ${a.window.to} (${a.window.days} days, ${a.window.timeZone}); levels ${a.levels.version}`,
    `  deployment frequency   ${a.deploymentFrequency.deployments} deployments, ${a.deploymentFrequency.perDay.toFixed(2)}/day, ${a.deploymentFrequency.medianDeploymentDaysPerWeek} deployment days/week (median)  [${a.levels.deploymentFrequency}]`,
    `  change lead time       median ${duration(lt.medianSeconds)}, p90 ${duration(lt.p90Seconds)} over ${lt.measured} changes (from ${lt.start}; excluded: ${lt.excluded.firstDeployments} first deployments, ${lt.excluded.unknownBaseline} unknown baseline, ${lt.excluded.nonPositive} ≤ 0)  [${a.levels.leadTime ?? '—'}]`,
    `  change fail rate       ${pct(a.changeFailRate.rate)} (${a.changeFailRate.failedDeployments} of ${a.changeFailRate.deployments})  [${a.levels.changeFailRate ?? '—'}]`,
    `  recovery time          median ${duration(a.recoveryTime.medianSeconds)} over ${a.recoveryTime.recovered} recoveries (${a.recoveryTime.notRecovered} not recovered)  [${a.levels.recoveryTime ?? '—'}]`,
    `  rework rate            ${pct(a.reworkRate.rate)} (${a.reworkRate.unplannedDeployments} unplanned)`,
  ];
}

export function measuresCommands(program: Command): void {
  const measures = program.command('measures').description('delivery measures');
  withApiOptions(
    measures.command('dora').description('the five DORA metrics for a service, a team or the tenant'),
  )
    .option('--service <name>', 'one service')
    .option('--team <name>', 'the services a team owns')
    .option('--environment <env>', 'environment', 'production')
    .option('--last <days>', '7, 30, 90, 180 or 365 days ending today')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--levels <version>', 'levels table: 2021, 2023 or 2024')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const params = new URLSearchParams();
      for (const k of ['service', 'team', 'environment', 'last', 'from', 'to', 'levels']) {
        if (typeof o[k] === 'string') params.set(k, o[k] as string);
      }
      const answer = await request<Answer>(clientOptions(o), 'GET', `/api/v1/measures/dora?${params}`);
      if (o.json) printJson(answer);
      else for (const line of formatDora(answer)) console.log(line);
    });
}
