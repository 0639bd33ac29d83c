/** The DORA API's shapes (src/measures/model.ts, routes.ts), as the console reads them. */

export type Level = 'elite' | 'high' | 'medium' | 'low';
export const levelVersions = ['2021', '2023', '2024'] as const;
export type LevelVersion = (typeof levelVersions)[number];
export const leadTimeStarts = ['authored', 'committed', 'pr-opened', 'pr-first-commit'] as const;
export type LeadTimeStart = (typeof leadTimeStarts)[number];
export const windowDays = ['7', '30', '90', '180'] as const;

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
  levels: {
    version: LevelVersion;
    note: string;
    /** `metric` or `metric.level` cells the report does not publish, e.g. `changeFailRate.low`. */
    unconfirmed: string[];
    deploymentFrequency: Level;
    leadTime: Level | null;
    changeFailRate: Level | null;
    recoveryTime: Level | null;
  };
}

export type MetricKey =
  | 'deploymentFrequency'
  | 'changeLeadTime'
  | 'changeFailRate'
  | 'recoveryTime'
  | 'reworkRate';

export interface DoraWindow {
  from: string;
  to: string;
  days: number;
  timeZone: string;
}

export interface DoraAnswer extends DoraNumbers {
  tenant: string;
  scope: { service: string | null; team: string | null; environment: string };
  window: DoraWindow;
  definitions: Record<MetricKey | 'deployment' | 'source', string>;
  groups?: (DoraNumbers & { service: string })[];
  /** API addresses (under /api/v1) of the events behind each number. */
  events: Record<MetricKey, string>;
}

export interface TrendPoint extends DoraNumbers {
  start: string;
  fromDay: string;
  toDay: string;
}

export interface DoraTrend {
  window: DoraWindow;
  interval: 'day' | 'week';
  points: TrendPoint[];
}

export const eventMetrics = ['deployments', 'lead-time', 'change-failures', 'recovery', 'rework'] as const;
export type EventMetric = (typeof eventMetrics)[number];

/** One counted deployment (records of one pipeline run) behind a number. */
export interface DeploymentEvent {
  service: string;
  day: string;
  deployments: string[];
  finishedAt: string;
  unplanned: boolean;
  failed: boolean;
  failedBecause: { incidents: string[]; restoredBy: string[] };
  recoverySeconds: number | null;
  excluded: 'first-deployment' | 'unknown-baseline' | null;
  changes: number;
}

/** One commit a deployment shipped, with its lead time. */
export interface ChangeEvent {
  service: string;
  day: string;
  deployment: string;
  finishedAt: string;
  sha: string;
  leadTimeSeconds: number | null;
  counted: boolean;
}

export interface DoraSettings {
  attributionWindowHours: number;
  levelsVersion: LevelVersion;
  leadTimeStart: LeadTimeStart;
}

export interface PortfolioEntry extends DoraNumbers {
  tenant: string;
  name: string;
  from: string;
  to: string;
}
