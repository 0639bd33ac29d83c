import { addDays, dayStart, localDay } from './zoned.js';

/** A successful deployment record of one service and environment, as the rollup reads it. */
export interface DeploymentRecord {
  id: string;
  runId: string | null;
  finishedAt: number;
  kind: string | null;
  /** the ledger's derivation state: ok, first, no-sha, missing-commits, dirty */
  state: string;
}

export interface Restorer {
  id: string;
  previousId: string;
  kind: 'rollback' | 'hotfix';
  finishedAt: number;
}

export interface IncidentRecord {
  id: string;
  deploymentId: string | null;
  detectedAt: number | null;
  resolvedAt: number | null;
}

export interface ShippedCommit {
  deploymentId: string;
  sha: string;
  authoredAt: number;
  committedAt: number;
}

export interface PullRequest {
  openedAt: number | null;
  firstCommitAt: number | null;
}

export interface RollupInput {
  timeZone: string;
  windowMs: number;
  fromDay: string;
  toDay: string;
  deployments: DeploymentRecord[];
  restorers: Restorer[];
  incidents: IncidentRecord[];
  shipped: ShippedCommit[];
  pullRequestOf: (sha: string) => PullRequest | undefined;
}

/** What one counted deployment contributed, for drill-downs from a number to its events. */
export interface UnitDetail {
  day: string;
  deploymentIds: string[];
  finishedAt: number;
  unplanned: boolean;
  failed: boolean;
  failedBecause: { incidents: string[]; restoredBy: string[] };
  recoverySeconds: number | null;
  excluded: 'first-deployment' | 'unknown-baseline' | null;
  leadTimes: {
    sha: string;
    authored: number;
    committed: number;
    prOpened: number | null;
    prFirstCommit: number | null;
  }[];
}

export interface DayRollup {
  day: string;
  deployments: number;
  failed: number;
  unplanned: number;
  changes: number;
  excludedFirst: number;
  excludedUnknown: number;
  lt: { authored: number[]; committed: number[]; prOpened: number[]; prFirstCommit: number[] };
  dropped: { authored: number; committed: number; prOpened: number; prFirstCommit: number };
  noPr: number;
  recovery: number[];
  unrecovered: number;
  units: UnitDetail[];
}

/** A deployment as DORA counts it: the records of one pipeline run, timed by the last finish. */
interface Unit {
  key: string;
  records: DeploymentRecord[];
  finishedAt: number;
}

export function unitsOf(records: readonly DeploymentRecord[]): Unit[] {
  const byKey = new Map<string, DeploymentRecord[]>();
  for (const r of records) {
    const key = r.runId ?? r.id;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return [...byKey.entries()]
    .map(([key, rs]) => ({ key, records: rs, finishedAt: Math.max(...rs.map((r) => r.finishedAt)) }))
    .sort((a, b) => a.finishedAt - b.finishedAt || (a.key < b.key ? -1 : 1));
}

/**
 * The DORA rollup of each local day from `fromDay` to `toDay` for one service and environment,
 * from its successful deployments, the rollbacks and fixes that followed them, its incidents and
 * the commits each deployment shipped. Pure: the same input always gives the same rows.
 */
export function rollupDays(input: RollupInput): Map<string, DayRollup> {
  const units = unitsOf(input.deployments);
  const unitOfRecord = new Map<string, Unit>();
  for (const u of units) for (const r of u.records) unitOfRecord.set(r.id, u);
  const shippedBy = new Map<string, ShippedCommit[]>();
  for (const c of input.shipped) shippedBy.set(c.deploymentId, [...(shippedBy.get(c.deploymentId) ?? []), c]);

  // Incidents: an explicit link wins; otherwise the latest deployment finished before the incident
  // started, if within the attribution window.
  const causedBy = new Map<Unit, IncidentRecord[]>();
  for (const i of input.incidents) {
    let unit = i.deploymentId ? unitOfRecord.get(i.deploymentId) : undefined;
    if (!unit && !i.deploymentId && i.detectedAt != null) {
      const latest = latestBefore(units, i.detectedAt);
      if (latest && i.detectedAt - latest.finishedAt <= input.windowMs) unit = latest;
    }
    if (unit) causedBy.set(unit, [...(causedBy.get(unit) ?? []), i]);
  }
  const restoredBy = new Map<Unit, Restorer[]>();
  for (const r of input.restorers) {
    const unit = unitOfRecord.get(r.previousId);
    if (unit) restoredBy.set(unit, [...(restoredBy.get(unit) ?? []), r]);
  }

  const out = new Map<string, DayRollup>();
  const first = dayStart(input.fromDay, input.timeZone);
  const end = dayStart(addDays(input.toDay, 1), input.timeZone);
  for (const u of units) {
    if (u.finishedAt < first || u.finishedAt >= end) continue;
    const day = localDay(u.finishedAt, input.timeZone);
    const row = out.get(day) ?? emptyDay(day);
    out.set(day, row);
    const detail: UnitDetail = {
      day,
      deploymentIds: u.records.map((r) => r.id),
      finishedAt: u.finishedAt,
      unplanned: u.records.some((r) => r.kind === 'rollback' || r.kind === 'hotfix'),
      failed: false,
      failedBecause: { incidents: [], restoredBy: [] },
      recoverySeconds: null,
      excluded: null,
      leadTimes: [],
    };
    row.units.push(detail);
    row.deployments++;
    if (detail.unplanned) row.unplanned++;

    const incidents = causedBy.get(u) ?? [];
    const restorers = restoredBy.get(u) ?? [];
    if (incidents.length || restorers.length) {
      row.failed++;
      detail.failed = true;
      detail.failedBecause = {
        incidents: incidents.map((i) => i.id),
        restoredBy: restorers.map((r) => r.id),
      };
      const recoveries = [
        ...incidents.map((i) => i.resolvedAt).filter((t): t is number => t != null),
        ...restorers.map((r) => r.finishedAt),
      ].filter((t) => t > u.finishedAt);
      if (recoveries.length) {
        detail.recoverySeconds = Math.round((Math.min(...recoveries) - u.finishedAt) / 1000);
        row.recovery.push(detail.recoverySeconds);
      } else row.unrecovered++;
    }

    if (u.records.some((r) => r.state === 'first')) {
      row.excludedFirst++;
      detail.excluded = 'first-deployment';
    } else if (u.records.some((r) => r.state !== 'ok')) {
      row.excludedUnknown++;
      detail.excluded = 'unknown-baseline';
    } else leadTimes(row, detail, u, { shippedBy, pullRequestOf: input.pullRequestOf });
  }
  for (const row of out.values()) {
    for (const list of [...Object.values(row.lt), row.recovery]) list.sort((a, b) => a - b);
  }
  return out;
}

function leadTimes(
  row: DayRollup,
  detail: UnitDetail,
  u: Unit,
  from: { shippedBy: Map<string, ShippedCommit[]>; pullRequestOf: RollupInput['pullRequestOf'] },
) {
  const seen = new Set<string>();
  for (const r of u.records) {
    for (const c of from.shippedBy.get(r.id) ?? []) {
      if (seen.has(c.sha)) continue;
      seen.add(c.sha);
      row.changes++;
      const add = (key: keyof DayRollup['lt'], start: number | null | undefined): number | null => {
        if (start == null) return null;
        const seconds = Math.round((u.finishedAt - start) / 1000);
        if (seconds <= 0) row.dropped[key]++;
        else row.lt[key].push(seconds);
        return seconds;
      };
      const pr = from.pullRequestOf(c.sha);
      if (!pr) row.noPr++;
      detail.leadTimes.push({
        sha: c.sha,
        authored: add('authored', c.authoredAt)!,
        committed: add('committed', c.committedAt)!,
        // Where the source gives no first-commit time, the pull request's opening stands in.
        prOpened: pr ? add('prOpened', pr.openedAt) : null,
        prFirstCommit: pr ? add('prFirstCommit', pr.firstCommitAt ?? pr.openedAt) : null,
      });
    }
  }
}

function latestBefore(units: readonly Unit[], t: number): Unit | undefined {
  let found: Unit | undefined;
  for (const u of units) {
    if (u.finishedAt <= t) found = u;
    else break;
  }
  return found;
}

function emptyDay(day: string): DayRollup {
  return {
    day,
    deployments: 0,
    failed: 0,
    unplanned: 0,
    changes: 0,
    excludedFirst: 0,
    excludedUnknown: 0,
    lt: { authored: [], committed: [], prOpened: [], prFirstCommit: [] },
    dropped: { authored: 0, committed: 0, prOpened: 0, prFirstCommit: 0 },
    noPr: 0,
    recovery: [],
    unrecovered: 0,
    units: [],
  };
}
