/** The delivery ledger API's shapes (src/ledger/model.ts and routes.ts), as the console reads them. */

export type DeploymentStatus = 'started' | 'success' | 'failure' | 'cancelled';
export type DeploymentKind = 'planned' | 'rollback' | 'hotfix';
export type Derivation = 'ok' | 'first' | 'no-sha' | 'missing-commits' | 'not-success' | 'dirty';

export interface Deployment {
  id: string;
  service: string | null;
  repo: string | null;
  environment: string;
  version: string | null;
  sha: string | null;
  ref: string | null;
  status: DeploymentStatus;
  startedAt: string | null;
  finishedAt: string | null;
  kind: DeploymentKind | null;
  /** The previous successful deployment of the same service and environment. */
  previousId: string | null;
  derivation: Derivation;
  shippedCount: number | null;
  source: string;
  url: string | null;
}

export interface ShippedCommit {
  sha: string;
  repo: string;
  authoredAt: string;
  committedAt: string;
  workItems: string[];
}

export interface DeploymentDetail extends Deployment {
  shipped: ShippedCommit[];
}

export interface Change {
  id: string;
  service: string | null;
  repo: string | null;
  number: number | null;
  title: string | null;
  state: 'open' | 'merged' | 'closed';
  openedAt: string | null;
  mergedAt: string | null;
  mergeSha: string | null;
  workItems: string[];
  url: string | null;
}

export interface LedgerEvent {
  /** `<source>:<event id>` */
  id: string;
  source: string;
  eventId: string;
  type: string;
  occurredAt: string;
  receivedAt: string;
  facts: number;
  unmatched: boolean;
  repo: string | null;
}

export interface IngestCounts {
  accepted: number;
  duplicate: number;
  rejected: number;
  /** Webhooks whose signature or token was wrong. */
  unauthorized: number;
}

export interface SourceStatus {
  source: string;
  totalEvents: number;
  lastEventAt: string | null;
  eventsLastHour: number;
  today: IngestCounts;
  last2Days: IngestCounts;
  lastError: { message: string | null; at: string | null } | null;
}

export interface IngestStatus {
  sources: SourceStatus[];
  unmatchedEvents: number;
}

export interface RepoMapping {
  pattern: string;
  service: string;
  createdAt: string;
}

export type WebhookSource = 'github' | 'gitlab';

export interface SourceSecret {
  source: WebhookSource;
  id: string;
  createdAt: string;
  /** A replaced secret is still accepted until then; null for the current one. */
  expiresAt: string | null;
}

export const deploymentStatuses: DeploymentStatus[] = ['started', 'success', 'failure', 'cancelled'];
export const webhookSources: WebhookSource[] = ['github', 'gitlab'];
