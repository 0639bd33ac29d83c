import { type LevelVersion, rateLevels } from './levels.js';
import { percentileCont, percentilesOf } from './percentile.js';
import type { LeadTimeStart } from './state.js';
import { daysBetween, weekOf } from './zoned.js';

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
  /** for a row covering a whole week: the days in it that had a deployment */
  activeDays?: string[];
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
  const cal = calendar(w.fromDay, w.toDay);
  const days = cal.days;
  // One pass over the rows: an answer over every service reads tens of thousands of them.
  let deployments = 0;
  let failed = 0;
  let unplanned = 0;
  let changes = 0;
  let excludedFirst = 0;
  let excludedUnknown = 0;
  let dropped = 0;
  let noPr = 0;
  let unrecovered = 0;
  const deploymentDays = new Set<string>();
  const leadLists: (readonly number[])[] = [];
  const recoveryLists: (readonly number[])[] = [];
  for (const r of rows) {
    deployments += r.deployments;
    failed += r.failed;
    unplanned += r.unplanned;
    changes += r.changes;
    excludedFirst += r.excludedFirst;
    excludedUnknown += r.excludedUnknown;
    dropped += r.dropped;
    noPr += r.noPr;
    unrecovered += r.unrecovered;
    if (r.activeDays) for (const d of r.activeDays) deploymentDays.add(d);
    else if (r.deployments > 0) deploymentDays.add(r.day);
    if (r.leadTimes.length) leadLists.push(r.leadTimes);
    if (r.recovery.length) recoveryLists.push(r.recovery);
  }
  const [leadMedian, leadP90] = percentilesOf(leadLists, [0.5, 0.9]) as [number | null, number | null];
  const [recoveryMedian] = percentilesOf(recoveryLists, [0.5]) as [number | null];
  const measured = leadLists.reduce((n, l) => n + l.length, 0);
  const recovered = recoveryLists.reduce((n, l) => n + l.length, 0);
  const frequency = {
    deployments,
    perDay: days ? deployments / days : 0,
    perWeek: days ? (deployments / days) * 7 : 0,
    deploymentDays: deploymentDays.size,
    medianDeploymentDaysPerWeek: medianCount(cal, cal.week, deploymentDays),
    medianDeploymentDaysPerMonth: medianCount(cal, cal.month, deploymentDays),
  };
  const cfr = deployments ? failed / deployments : null;
  return {
    deploymentFrequency: frequency,
    changeLeadTime: {
      start: w.start,
      medianSeconds: leadMedian,
      p90Seconds: leadP90,
      changes,
      measured,
      excluded: {
        firstDeployments: excludedFirst,
        unknownBaseline: excludedUnknown,
        nonPositive: dropped,
        withoutPullRequest: w.start.startsWith('pr-') ? noPr : 0,
      },
    },
    changeFailRate: { rate: cfr, failedDeployments: failed, deployments },
    recoveryTime: {
      medianSeconds: recoveryMedian,
      recovered,
      notRecovered: unrecovered,
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

/** A window's days, each with the index of its ISO week and month among those the window touches. */
interface Calendar {
  days: number;
  index: Map<string, number>;
  week: { of: Int32Array; count: number };
  month: { of: Int32Array; count: number };
}

const calendars = new Map<string, Calendar>();

/** Computed once per window (the same window serves every service of an answer, every week of a trend). */
function calendar(fromDay: string, toDay: string): Calendar {
  const key = `${fromDay}/${toDay}`;
  let cal = calendars.get(key);
  if (cal) return cal;
  const list = daysBetween(fromDay, toDay);
  const periods = (period: (day: string) => string) => {
    const ids = new Map<string, number>();
    const of = new Int32Array(list.length);
    list.forEach((d, i) => {
      const p = period(d);
      if (!ids.has(p)) ids.set(p, ids.size);
      of[i] = ids.get(p)!;
    });
    return { of, count: ids.size };
  };
  cal = {
    days: list.length,
    index: new Map(list.map((d, i) => [d, i])),
    week: periods(weekOf),
    month: periods((d) => d.slice(0, 7)),
  };
  if (calendars.size >= 1000) calendars.clear();
  calendars.set(key, cal);
  return cal;
}

/** Median, over the periods (weeks, months) the window touches, of the deployment days in each. */
function medianCount(cal: Calendar, period: Calendar['week'], days: Set<string>): number {
  const counts = new Array<number>(period.count).fill(0);
  for (const d of days) {
    const i = cal.index.get(d);
    if (i !== undefined) counts[period.of[i]!]!++;
  }
  return percentileCont(
    counts.sort((a, b) => a - b),
    0.5,
  )!;
}
