/**
 * Performance levels, versioned: a thresholds table per DORA report, selectable per request and
 * per tenant. Every answer names the version it used.
 * Sources: dora.dev State of DevOps 2021; Apache DevLake's dora_benchmarks (2023); DORA 2024 report.
 */
export const levelVersions = ['2021', '2023', '2024'] as const;
export type LevelVersion = (typeof levelVersions)[number];
export type Level = 'elite' | 'high' | 'medium' | 'low';

export interface FrequencyInput {
  deploymentsPerDay: number;
  medianDeploymentDaysPerWeek: number;
  medianDeploymentDaysPerMonth: number;
}

interface Table {
  note: string;
  frequency(f: FrequencyInput): Level;
  /** upper bounds (exclusive), in seconds, for elite, high, medium */
  leadTime: [number, number, number];
  /** upper bounds (inclusive), as fractions, for elite, high, medium; null where the report gives none */
  changeFailRate: [number, number, number | null];
  recoveryTime: [number, number, number];
  unconfirmed?: string[];
}

const hour = 3600;
const day = 24 * hour;
const week = 7 * day;
const month = 30 * day;

export const levelTables: Record<LevelVersion, Table> = {
  '2021': {
    note: 'State of DevOps 2021: on demand / weekly–monthly / monthly–6-monthly / rarer. Between daily and weekly the report leaves a gap; Throughline rates it high.',
    frequency: (f) =>
      f.deploymentsPerDay >= 1
        ? 'elite'
        : f.deploymentsPerDay >= 1 / 30
          ? 'high'
          : f.deploymentsPerDay >= 1 / 182
            ? 'medium'
            : 'low',
    leadTime: [hour, week, 182 * day],
    changeFailRate: [0.15, 0.2, 0.3],
    recoveryTime: [hour, day, week],
  },
  '2023': {
    note: 'As Apache DevLake encodes 2023: frequency by median deployment days per week (≥ 5 elite, ≥ 1 high) and per month (≥ 1 medium).',
    frequency: (f) =>
      f.medianDeploymentDaysPerWeek >= 5
        ? 'elite'
        : f.medianDeploymentDaysPerWeek >= 1
          ? 'high'
          : f.medianDeploymentDaysPerMonth >= 1
            ? 'medium'
            : 'low',
    leadTime: [day, week, month],
    changeFailRate: [0.05, 0.1, 0.15],
    recoveryTime: [hour, day, week],
  },
  '2024': {
    note: 'DORA 2024 report: on demand / daily–weekly / weekly–monthly / monthly–6-monthly. Change fail rate is published only for elite (5 %) and high (20 %); recovery-time cells are taken from 2023.',
    frequency: (f) =>
      f.deploymentsPerDay >= 1
        ? 'elite'
        : f.deploymentsPerDay >= 1 / 7
          ? 'high'
          : f.deploymentsPerDay >= 1 / 30
            ? 'medium'
            : 'low',
    leadTime: [day, week, month],
    changeFailRate: [0.05, 0.2, null],
    recoveryTime: [hour, day, week],
    unconfirmed: ['changeFailRate.medium', 'changeFailRate.low', 'recoveryTime'],
  },
};

function below(value: number, bounds: readonly (number | null)[], inclusive: boolean): Level {
  const names: Level[] = ['elite', 'high', 'medium'];
  for (let i = 0; i < names.length; i++) {
    const b = bounds[i];
    if (b == null) return 'low';
    if (inclusive ? value <= b : value < b) return names[i]!;
  }
  return 'low';
}

export function rateLevels(
  version: LevelVersion,
  m: {
    frequency: FrequencyInput;
    leadTimeMedianSeconds: number | null;
    changeFailRate: number | null;
    recoveryMedianSeconds: number | null;
  },
) {
  const t = levelTables[version];
  return {
    version,
    note: t.note,
    unconfirmed: t.unconfirmed ?? [],
    deploymentFrequency: t.frequency(m.frequency),
    leadTime: m.leadTimeMedianSeconds == null ? null : below(m.leadTimeMedianSeconds, t.leadTime, false),
    changeFailRate: m.changeFailRate == null ? null : below(m.changeFailRate, t.changeFailRate, true),
    recoveryTime:
      m.recoveryMedianSeconds == null ? null : below(m.recoveryMedianSeconds, t.recoveryTime, false),
  };
}
