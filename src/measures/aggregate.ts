import { type LevelVersion, rateLevels } from './levels.js';
import { mergeSorted, percentileCont } from './percentile.js';
import type { LeadTimeStart } from './state.js';
import { addDays, daysBetween, weekOf } from './zoned.js';

/** A rollup row as the aggregation reads it (lead and recovery times already parsed). */
export interface DailyRow {
  service: string;
  day: string;
  deployments: number;
  failed: number;
  unplanned: number;
  changes: number;
  excludedFirst: number;
  excludedUnknown: number;
  leadTimes: number[];
  dropped: number;
  noPr: number;
  recovery: number[];
  unrecovered: number;
}

export interface DoraNumbers {
  deploymentFrequency: {
    deployments: number;
    perDay: number;
    perWeek: number;
    deploymentDays: number;
    medianDeploymentDaysPerWeek: number;
    medianDeploymentDaysPerMonth: number;
  };
  changeLeadTime: {
    start: LeadTimeStart;
    medianSeconds: number | null;
    p90Seconds: number | null;
    changes: number;
    measured: number;
    excluded: {
      firstDeployments: number;
      unknownBaseline: number;
      nonPositive: number;
      withoutPullRequest: number;
    };
  };
  changeFailRate: { rate: number | null; failedDeployments: number; deployments: number };
  recoveryTime: { medianSeconds: number | null; recovered: number; notRecovered: number };
  reworkRate: { rate: number | null; unplannedDeployments: number; deployments: number };
  levels: ReturnType<typeof rateLevels>;
}

/**
 * DORA numbers for a window of local days from rollup rows (any number of services). Frequency
 * counts a day once however many services deployed on it; medians are over every week (or month)
 * the window touches, zeros included.
 */
export function aggregate(
  rows: readonly DailyRow[],
  w: { fromDay: string; toDay: string; start: LeadTimeStart; version: LevelVersion },
): DoraNumbers {
  const days = daysBetween(w.fromDay, w.toDay).length;
  const sum = (f: (r: DailyRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const deployments = sum((r) => r.deployments);
  const deploymentDays = new Set(rows.filter((r) => r.deployments > 0).map((r) => r.day));
  const lead = mergeSorted(rows.map((r) => r.leadTimes));
  const recovery = mergeSorted(rows.map((r) => r.recovery));
  const failed = sum((r) => r.failed);
  const unplanned = sum((r) => r.unplanned);
  const frequency = {
    deployments,
    perDay: days ? deployments / days : 0,
    perWeek: days ? (deployments / days) * 7 : 0,
    deploymentDays: deploymentDays.size,
    medianDeploymentDaysPerWeek: medianCount(w.fromDay, w.toDay, deploymentDays, weekOf),
    medianDeploymentDaysPerMonth: medianCount(w.fromDay, w.toDay, deploymentDays, (d) => d.slice(0, 7)),
  };
  const leadMedian = percentileCont(lead, 0.5);
  const recoveryMedian = percentileCont(recovery, 0.5);
  const cfr = deployments ? failed / deployments : null;
  return {
    deploymentFrequency: frequency,
    changeLeadTime: {
      start: w.start,
      medianSeconds: leadMedian,
      p90Seconds: percentileCont(lead, 0.9),
      changes: sum((r) => r.changes),
      measured: lead.length,
      excluded: {
        firstDeployments: sum((r) => r.excludedFirst),
        unknownBaseline: sum((r) => r.excludedUnknown),
        nonPositive: sum((r) => r.dropped),
        withoutPullRequest: w.start.startsWith('pr-') ? sum((r) => r.noPr) : 0,
      },
    },
    changeFailRate: { rate: cfr, failedDeployments: failed, deployments },
    recoveryTime: {
      medianSeconds: recoveryMedian,
      recovered: recovery.length,
      notRecovered: sum((r) => r.unrecovered),
    },
    reworkRate: {
      rate: deployments ? unplanned / deployments : null,
      unplannedDeployments: unplanned,
      deployments,
    },
    levels: rateLevels(w.version, {
      frequency: { ...frequency, deploymentsPerDay: frequency.perDay },
      leadTimeMedianSeconds: leadMedian,
      changeFailRate: cfr,
      recoveryMedianSeconds: recoveryMedian,
    }),
  };
}

/** Median, over the periods (weeks, months) the window touches, of the deployment days in each. */
function medianCount(
  fromDay: string,
  toDay: string,
  days: Set<string>,
  period: (day: string) => string,
): number {
  const counts = new Map<string, number>();
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) {
    const p = period(d);
    counts.set(p, (counts.get(p) ?? 0) + (days.has(d) ? 1 : 0));
  }
  return percentileCont(
    [...counts.values()].sort((a, b) => a - b),
    0.5,
  )!;
}
