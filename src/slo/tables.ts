import type { JsonText, Millis, TenantColumn } from '../store/tables.js';

/**
 * SLO definitions: every OpenSLO object (Service, SLI, SLO, AlertPolicy, AlertCondition,
 * AlertNotificationTarget, DataSource) as its normalised model JSON, keyed by kind and name, with
 * the OpenSLO YAML it was imported from (or that export writes for it).
 */
export interface SloObjectsTable {
  tenant_id: TenantColumn;
  kind: string;
  name: string;
  model: JsonText;
  source: string;
  /** the catalog service an SLO belongs to; null for other kinds */
  service: string | null;
  updated_at: Millis;
}

/**
 * Which stored series each objective of each SLO reads: rewritten whenever an SLO is written, so
 * sample ingest finds the objectives an SLI feeds without parsing every SLO.
 */
export interface SloSeriesTable {
  tenant_id: TenantColumn;
  slo: string;
  objective: number;
  sli: string;
  /** '' for ratio SLIs; `op value` (e.g. `lt 300`) for a threshold SLI's objective */
  series: string;
  sli_type: string;
  /** the budget method (budget/types.ts BudgetingMethod) the objective's rollups are kept in */
  method: JsonText;
}

/**
 * One UTC minute of an SLI series: good and total events (ratio SLIs, last write wins), or the
 * samples meeting one threshold and all samples (threshold SLIs, recomputed from `sli_values`).
 */
export interface SliMinutesTable {
  tenant_id: TenantColumn;
  sli: string;
  series: string;
  minute: Millis;
  good: number;
  total: number;
}

/** Threshold SLI samples by exact timestamp: the same (sli, t) again replaces the value. */
export interface SliValuesTable {
  tenant_id: TenantColumn;
  sli: string;
  t: Millis;
  value: number;
}

/** Hour (`slo_hours`) and day (`slo_days`) sums of one objective's budget units (budget/rollup.ts). */
export interface SloRollupTable {
  tenant_id: TenantColumn;
  slo: string;
  objective: number;
  t: Millis;
  good: number;
  total: number;
  minutes: number;
}

/**
 * How far the Prometheus puller got with one SLI: every step starting before `pulled_until` has
 * been written. The next run resumes there, so a restart after downtime backfills the gap.
 */
export interface SloPullPositionsTable {
  tenant_id: TenantColumn;
  sli: string;
  pulled_until: Millis;
  updated_at: Millis;
}

export interface SloAlertsTable {
  tenant_id: TenantColumn;
  alert_id: string;
  slo: string;
  objective: number;
  severity: string;
  started_at: Millis;
  ended_at: Millis | null;
  details: JsonText;
}

export interface SloTargetsTable {
  tenant_id: TenantColumn;
  target_id: string;
  name: string;
  kind: string;
  url: string;
  /** HMAC key of webhook targets; null for Slack, whose incoming webhooks carry their own secret URL */
  secret: string | null;
  created_at: Millis;
}

export interface SloDeliveriesTable {
  tenant_id: TenantColumn;
  delivery_id: string;
  target_id: string;
  alert_id: string;
  event: string;
  /** the exact bytes sent (and signed), so every retry sends the same body */
  body: string;
  /** pending, delivered or failed (gave up) */
  status: string;
  attempts: number;
  next_attempt_at: Millis | null;
  created_at: Millis;
}

export interface SloDeliveryAttemptsTable {
  tenant_id: TenantColumn;
  delivery_id: string;
  attempt: number;
  at: Millis;
  ok: number;
  response_code: number | null;
  error: string | null;
  next_retry_at: Millis | null;
}

declare module '../store/tables.js' {
  interface Tables {
    slo_objects: SloObjectsTable;
    slo_series: SloSeriesTable;
    sli_minutes: SliMinutesTable;
    sli_values: SliValuesTable;
    slo_hours: SloRollupTable;
    slo_days: SloRollupTable;
    slo_pull_positions: SloPullPositionsTable;
    slo_alerts: SloAlertsTable;
    slo_targets: SloTargetsTable;
    slo_deliveries: SloDeliveriesTable;
    slo_delivery_attempts: SloDeliveryAttemptsTable;
  }
}
