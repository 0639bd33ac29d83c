/** The SLO API's shapes (src/slo/routes-*.ts, service.ts, alerts.ts, notify.ts), as the console reads them. */

export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
export type Severity = 'page' | 'ticket';

/** One row of GET /slos: the first objective's numbers. */
export interface SloSummary {
  name: string;
  displayName: string | null;
  service: string;
  budgetingMethod: BudgetingMethod;
  target: number;
  attainment: number | null;
  remainingFraction: number | null;
  dataCoverage: number;
}

export interface Ref {
  ref: string;
}

export interface MetricSource {
  type?: string;
  dataSourceRef?: string;
  query?: string;
  spec: Record<string, unknown>;
}

export interface Sli {
  kind: 'SLI';
  name: string;
  displayName?: string;
  description?: string;
  metric:
    | {
        type: 'ratio';
        ratio:
          | { type: 'good'; good: MetricSource; total: MetricSource }
          | { type: 'bad'; bad: MetricSource; total: MetricSource }
          | { type: 'raw'; rawType: 'success' | 'failure'; raw: MetricSource };
      }
    | { type: 'threshold'; metric: MetricSource };
}

export interface Objective {
  displayName?: string;
  op?: 'lt' | 'lte' | 'gt' | 'gte';
  value?: number;
  target: number;
  targetPercent?: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string | number;
  indicator?: Ref | Sli;
}

export type TimeWindow =
  | { type: 'rolling'; duration: string }
  | { type: 'calendar'; count: number; unit: string; startTime?: string; timeZone?: string };

export interface Slo {
  kind: 'SLO';
  name: string;
  displayName?: string;
  description?: string;
  service: string;
  indicator?: Ref | Sli;
  timeWindow?: TimeWindow;
  budgetingMethod: BudgetingMethod;
  objectives: Objective[];
  alertPolicies: (Ref | { name: string })[];
}

export interface Interval {
  start: string;
  end: string;
}

/** One objective's budget (service.ts budgetJson). */
export interface ObjectiveBudget {
  objective: number;
  displayName: string | null;
  target: number;
  /** Why there is no result, e.g. a window that cannot be budgeted. */
  problem: string | null;
  window: Interval | null;
  elapsed: Interval | null;
  attainment: number | null;
  errorRate: number | null;
  dataCoverage: number;
  budget: {
    unit: 'events' | 'minutes';
    total: number;
    consumed: number;
    remaining: number;
    remainingFraction: number | null;
  } | null;
  /** Keyed `5m`, `30m`, `1h`, `2h`, `6h`, `1d`, `3d`. */
  burnRates: Record<string, number | null>;
  forecast: { basisMinutes: number; burnRate: number | null; exhaustsAt: string | null } | null;
}

export interface SloDetail {
  slo: Slo;
  budgets: ObjectiveBudget[];
}

/** GET /slos/{name}/budget: the first objective at the top level. */
export interface BudgetAnswer extends ObjectiveBudget {
  slo: string;
  service: string;
  at: string;
  objectives: ObjectiveBudget[];
}

export interface Burndown {
  slo: string;
  window: Interval | null;
  points: { t: string; remainingFraction: number | null; consumed: number }[];
}

export interface BurnRateSeries {
  slo: string;
  window: string;
  from: string;
  to: string;
  points: { t: string; burnRate: number | null }[];
}

export interface SloAlert {
  id: string;
  slo: string;
  objective: number;
  severity: Severity | string;
  active: boolean;
  startedAt: string;
  endedAt: string | null;
  details: {
    burnRates?: Record<string, number | null>;
    budgetRemaining?: number | null;
    pairs?: { long: string; short: string; factor: number; firing: boolean }[];
  };
}

export interface SliDetail {
  sli: Sli;
  usedBy: string[];
}

export interface ImportResult {
  imported: { kind: string; name: string }[];
  errors: { file: string; document: number; path: string; message: string }[];
}

export type TargetKind = 'webhook' | 'slack';

export interface NotificationTarget {
  id: string;
  name: string;
  kind: TargetKind;
  url: string;
  createdAt: string;
  /** Only in the answer that created a webhook target. */
  secret?: string;
}

export interface Delivery {
  id: string;
  targetId: string;
  alertId: string;
  event: 'slo.alert.opened' | 'slo.alert.resolved' | string;
  status: 'pending' | 'delivered' | 'failed' | string;
  attempts: {
    attempt: number;
    at: string;
    ok: boolean;
    responseCode: number | null;
    error: string | null;
    nextRetryAt: string | null;
  }[];
}

/** GET /services/{name}/error-budget. */
export interface ServiceErrorBudgets {
  service: string;
  at: string;
  slos: {
    slo: string;
    displayName: string | null;
    target: number;
    attainment: number | null;
    remainingFraction: number | null;
  }[];
}

export interface Items<T> {
  items: T[];
  total: number;
}
