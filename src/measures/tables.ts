import type { JsonText, Millis, TenantColumn } from '../store/tables.js';

/**
 * One row per service, environment and local day: everything the DORA answers need, so a query
 * reads rollups (days × services), never the events behind them. Lead and recovery times are kept
 * as sorted arrays of seconds, mergeable and exact.
 */
export interface DoraDailyTable {
  tenant_id: TenantColumn;
  service: string;
  environment: string;
  day: string;
  deployments: number;
  failed: number;
  unplanned: number;
  changes: number;
  excluded_first: number;
  excluded_unknown: number;
  lt_authored: JsonText;
  lt_committed: JsonText;
  lt_pr_opened: JsonText;
  lt_pr_first_commit: JsonText;
  dropped_authored: number;
  dropped_committed: number;
  dropped_pr_opened: number;
  dropped_pr_first_commit: number;
  no_pr: number;
  recovery: JsonText;
  unrecovered: number;
  computed_at: Millis;
}

/**
 * The same per ISO week (Monday first), merged from the week's day rows, with the days that had a
 * deployment: long windows read weeks in the middle and days only at their edges.
 */
export interface DoraWeeklyTable extends Omit<DoraDailyTable, 'day'> {
  week: string;
  active_days: JsonText;
}

/** Per tenant: the settings the rollups were computed with, and how far change tracking has read. */
export interface DoraStateTable {
  tenant_id: TenantColumn;
  attribution_window_hours: number;
  levels_version: string;
  lead_time_start: string;
  /** the time zone the rollups' days are in; a tenant that changes zone is rebuilt */
  rollup_time_zone: string | null;
  rollup_window_hours: number | null;
  watermark: Millis;
}

declare module '../store/tables.js' {
  interface Tables {
    dora_daily: DoraDailyTable;
    dora_weekly: DoraWeeklyTable;
    dora_state: DoraStateTable;
  }
}
