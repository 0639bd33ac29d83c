import type { JsonText, Millis, TenantColumn } from '../store/tables.js';

/** Every inbound event, raw, keyed by (source, event id): the idempotency record and the audit trail. */
export interface LedgerEventTable {
  tenant_id: TenantColumn;
  source: string;
  event_id: string;
  type: string;
  occurred_at: Millis;
  received_at: Millis;
  raw: JsonText;
  fact_count: number;
  /** 1 while any fact of the event names no catalog service; cleared when a mapping matches it. */
  unmatched: number;
  repo: string | null;
}

/** Every fact about an entity, so its row can be re-folded in occurrence order when a late fact arrives. */
export interface LedgerFactTable {
  tenant_id: TenantColumn;
  kind: string;
  entity_id: string;
  source: string;
  event_id: string;
  seq: number;
  occurred_at: Millis;
  fact: JsonText;
}

export interface CommitTable {
  tenant_id: TenantColumn;
  repo: string;
  sha: string;
  parents: JsonText;
  authored_at: Millis;
  committed_at: Millis;
  author: string | null;
  work_items: JsonText;
}

export interface ChangeTable {
  tenant_id: TenantColumn;
  change_id: string;
  repo: string | null;
  service: string | null;
  number: number | null;
  title: string | null;
  state: string;
  opened_at: Millis | null;
  first_commit_at: Millis | null;
  first_review_at: Millis | null;
  merged_at: Millis | null;
  merge_sha: string | null;
  head_sha: string | null;
  commits: JsonText;
  work_items: JsonText;
  url: string | null;
  updated_at: Millis;
}

export interface RunTable {
  tenant_id: TenantColumn;
  run_id: string;
  /** pipeline | build | task | check | suite | case */
  category: string;
  repo: string | null;
  service: string | null;
  name: string | null;
  sha: string | null;
  ref: string | null;
  status: string;
  started_at: Millis | null;
  finished_at: Millis | null;
  url: string | null;
  /** occurred_at of the event that last changed the row: later statuses win, whatever the arrival order */
  as_of: Millis;
}

export interface ArtifactTable {
  tenant_id: TenantColumn;
  artifact_id: string;
  action: string;
  repo: string | null;
  service: string | null;
  version: string | null;
  sha: string | null;
  at: Millis;
  url: string | null;
}

export interface DeploymentTable {
  tenant_id: TenantColumn;
  deployment_id: string;
  run_id: string | null;
  service: string | null;
  repo: string | null;
  environment: string;
  version: string | null;
  sha: string | null;
  ref: string | null;
  status: string;
  started_at: Millis | null;
  finished_at: Millis | null;
  intent: string | null;
  description: string | null;
  url: string | null;
  source: string;
  as_of: Millis;
  /** planned | rollback | hotfix — decided by rule during derivation */
  kind: string | null;
  /** the previous successful deployment of the same service and environment */
  previous_id: string | null;
  /** dirty | ok | first | no-sha | missing-commits | not-success */
  derive_state: string;
  /** bumped whenever the deployment turns dirty; a derivation only lands if it is unchanged */
  dirty_gen: number;
  shipped_count: number | null;
  /** when the row last changed (fold or derivation): how measures find what to roll up again */
  changed_at: Millis;
}

export interface DeploymentChangeTable {
  tenant_id: TenantColumn;
  deployment_id: string;
  sha: string;
  repo: string;
  authored_at: Millis;
  committed_at: Millis;
  work_items: JsonText;
}

export interface SourceIncidentTable {
  tenant_id: TenantColumn;
  incident_id: string;
  service: string | null;
  repo: string | null;
  environment: string | null;
  title: string | null;
  severity: string | null;
  status: string;
  detected_at: Millis | null;
  resolved_at: Millis | null;
  url: string | null;
  deployment_id: string | null;
  source: string;
  as_of: Millis;
  changed_at: Millis;
}

export interface RepoMappingTable {
  tenant_id: TenantColumn;
  /** a normalised repository URL, or a prefix ending in `/*` */
  pattern: string;
  service: string;
  created_at: Millis;
}

export interface SourceSecretTable {
  tenant_id: TenantColumn;
  source: string;
  secret_id: string;
  /** kept in clear: an HMAC needs the key itself */
  secret: string;
  created_at: Millis;
  /** set when a newer secret replaced it; still accepted until `expires_at` */
  expires_at: Millis | null;
}

export interface IngestCounterTable {
  tenant_id: TenantColumn;
  source: string;
  /** UTC day, yyyy-mm-dd */
  day: string;
  accepted: number;
  duplicate: number;
  rejected: number;
  unauthorized: number;
  last_error: string | null;
  last_error_at: Millis | null;
}

declare module '../store/tables.js' {
  interface Tables {
    ledger_events: LedgerEventTable;
    ledger_facts: LedgerFactTable;
    commits: CommitTable;
    changes: ChangeTable;
    runs: RunTable;
    artifacts: ArtifactTable;
    deployments: DeploymentTable;
    deployment_changes: DeploymentChangeTable;
    source_incidents: SourceIncidentTable;
    repo_mappings: RepoMappingTable;
    source_secrets: SourceSecretTable;
    ingest_counters: IngestCounterTable;
  }
}
