import type { JsonText, Millis, TenantColumn } from '../store/tables.js';

/** Every saved version of every policy: a save appends a version, nothing is overwritten. */
export interface GatePolicyVersionsTable {
  tenant_id: TenantColumn;
  name: string;
  version: number;
  /** the YAML as the user wrote it */
  source: string;
  /** the normalised policy (defaults filled) */
  model: JsonText;
  created_at: Millis;
  created_by: string;
}

/** The decision log: one row per evaluation, append-only (a resolution is a row of its own). */
export interface GateDecisionsTable {
  tenant_id: TenantColumn;
  decision_id: string;
  service: string;
  environment: string;
  sha: string | null;
  version: string | null;
  change_type: string;
  /** approved | rejected | pending, as evaluated */
  outcome: string;
  bypass: number;
  policy_name: string | null;
  policy_version: number | null;
  rules: JsonText;
  summary: string;
  /** the request as given (service, environment, sha, version, pipelineRun, changeType, reason) */
  inputs: JsonText;
  /** api | github */
  origin: string;
  owner: string | null;
  created_at: Millis;
  created_by: string;
  /** when a pending decision expires (rejected); null for final ones */
  expires_at: Millis | null;
}

/** How a pending decision ended: approved or rejected by a person, or expired. One per decision. */
export interface GateResolutionsTable {
  tenant_id: TenantColumn;
  decision_id: string;
  /** approved | rejected | expired */
  outcome: string;
  by: string;
  comment: string | null;
  at: Millis;
}

/** Follow-up reviews of emergency changes that bypassed the gate. */
export interface GateReviewsTable {
  tenant_id: TenantColumn;
  review_id: string;
  decision_id: string;
  service: string;
  environment: string;
  reason: string;
  status: string;
  created_at: Millis;
}

/** The GitHub App a tenant answers deployment protection rules with. */
export interface GateGithubAppsTable {
  tenant_id: TenantColumn;
  key: string;
  app_id: string;
  /** PEM, kept in clear: a JWT must be signed with the key itself */
  private_key: string;
  api_url: string;
  updated_at: Millis;
}

/** One per stored `deployment_protection_rule` event: the decision taken and the callback sent. */
export interface GateCallbacksTable {
  tenant_id: TenantColumn;
  event_id: string;
  decision_id: string | null;
  /** waiting (decision pending) | sent | failed | skipped */
  status: string;
  state: string | null;
  attempts: number;
  response_code: number | null;
  error: string | null;
  updated_at: Millis;
}

declare module '../store/tables.js' {
  interface Tables {
    gate_policy_versions: GatePolicyVersionsTable;
    gate_decisions: GateDecisionsTable;
    gate_resolutions: GateResolutionsTable;
    gate_reviews: GateReviewsTable;
    gate_github_apps: GateGithubAppsTable;
    gate_callbacks: GateCallbacksTable;
  }
}
