import { z } from '../core/zod.js';

/**
 * Throughline's SLO model: plain data that OpenSLO and Sloth documents normalise into. It follows
 * OpenSLO v1 (github.com/OpenSLO/OpenSLO) closely, so that export can write it back unchanged.
 */

/** OpenSLO duration shorthand: a positive integer and one of m h d w M Q Y (minute … year). */
export const durationSchema = z
  .string()
  .regex(/^[1-9][0-9]*[mhdwMQY]$/, 'a duration such as 5m, 1h, 28d, 1w, 1M, 1Q or 1Y');
export type Duration = z.infer<typeof durationSchema>;

export const operatorSchema = z.enum(['lt', 'lte', 'gt', 'gte']);
export type Operator = z.infer<typeof operatorSchema>;

/** A reference to a separately defined object, by name; parseOpenSlo inlines it unless asked not to. */
export const refSchema = z.object({ ref: z.string().min(1) });
export type Ref = z.infer<typeof refSchema>;
export const isRef = (value: object): value is Ref => 'ref' in value;

const labelsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const metadataFields = {
  name: z.string().min(1),
  displayName: z.string().min(1).optional(),
  description: z.string().max(1050).optional(),
  labels: labelsSchema.optional(),
  annotations: z.record(z.string(), z.string()).optional(),
};

export const serviceSchema = z.object({ kind: z.literal('Service'), ...metadataFields });
export type Service = z.infer<typeof serviceSchema>;

export const dataSourceSchema = z.object({
  kind: z.literal('DataSource'),
  ...metadataFields,
  /** e.g. Prometheus, Datadog, CloudWatch. */
  type: z.string().min(1),
  connectionDetails: z.record(z.string(), z.unknown()),
});
export type DataSource = z.infer<typeof dataSourceSchema>;

/**
 * Where an SLI reads one series. `query` is the query text in the data source's own language
 * (PromQL for Prometheus), taken out of `spec` because the puller and the rules generator run it;
 * `spec` keeps every other field the data source needs.
 */
export const metricSourceSchema = z.object({
  type: z.string().min(1).optional(),
  dataSourceRef: z.string().min(1).optional(),
  query: z.string().optional(),
  spec: z.record(z.string(), z.unknown()),
});
export type MetricSource = z.infer<typeof metricSourceSchema>;

/** A ratio of events: good/total, bad/total, or a ratio the data source computes itself (raw). */
export const ratioMetricSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('good'),
    counter: z.boolean().optional(),
    good: metricSourceSchema,
    total: metricSourceSchema,
  }),
  z.object({
    type: z.literal('bad'),
    counter: z.boolean().optional(),
    bad: metricSourceSchema,
    total: metricSourceSchema,
  }),
  z.object({
    type: z.literal('raw'),
    counter: z.boolean().optional(),
    /** `success`: the query gives the good ratio; `failure`: the error ratio. */
    rawType: z.enum(['success', 'failure']),
    raw: metricSourceSchema,
  }),
]);
export type RatioMetric = z.infer<typeof ratioMetricSchema>;

/**
 * A threshold SLI reads one metric; the comparison (op, value) lives on each objective, as in
 * OpenSLO, because one SLO may hold several thresholds (200 ms at 98 %, 500 ms at 99 %).
 */
export const sliSchema = z.object({
  kind: z.literal('SLI'),
  ...metadataFields,
  metric: z.discriminatedUnion('type', [
    z.object({ type: z.literal('ratio'), ratio: ratioMetricSchema }),
    z.object({ type: z.literal('threshold'), metric: metricSourceSchema }),
  ]),
});
export type Sli = z.infer<typeof sliSchema>;

export const calendarUnitSchema = z.enum(['Minute', 'Hour', 'Day', 'Week', 'Month', 'Quarter', 'Year']);
export type CalendarUnit = z.infer<typeof calendarUnitSchema>;

export const timeWindowSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rolling'), duration: durationSchema }),
  z.object({
    type: z.literal('calendar'),
    count: z.number().int().positive(),
    unit: calendarUnitSchema,
    /** Local time `YYYY-MM-DD hh:mm:ss` in `timeZone`, kept as written. */
    startTime: z.string().optional(),
    timeZone: z.string().optional(),
  }),
]);
export type TimeWindow = z.infer<typeof timeWindowSchema>;

export const budgetingMethodSchema = z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']);
export type BudgetingMethod = z.infer<typeof budgetingMethodSchema>;

export const objectiveSchema = z.object({
  displayName: z.string().min(1).optional(),
  op: operatorSchema.optional(),
  value: z.number().optional(),
  /** Share of good events (or slices) in [0, 1). */
  target: z.number().min(0).lt(1),
  /** Set when the source gave a percentage: 99.9/100 is not 0.999 in binary, and Sloth keeps 99.9. */
  targetPercent: z.number().min(0).lt(100).optional(),
  timeSliceTarget: z.number().gt(0).max(1).optional(),
  timeSliceWindow: z.union([durationSchema, z.number().positive()]).optional(),
  /** Composite SLOs: each objective has its own indicator and weight. */
  compositeWeight: z.number().positive().optional(),
  indicator: z.union([refSchema, sliSchema]).optional(),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const burnRateConditionSchema = z.object({
  kind: z.literal('burnrate'),
  /** Optional only because inline conditions were never checked by the v1 schema (see README). */
  op: operatorSchema.optional(),
  threshold: z.number(),
  lookbackWindow: durationSchema,
  alertAfter: durationSchema,
});

export const alertConditionSchema = z.object({
  kind: z.literal('AlertCondition'),
  ...metadataFields,
  severity: z.string().min(1),
  condition: burnRateConditionSchema,
});
export type AlertCondition = z.infer<typeof alertConditionSchema>;

export const alertNotificationTargetSchema = z.object({
  kind: z.literal('AlertNotificationTarget'),
  ...metadataFields,
  /** e.g. email, slack, pagerduty. */
  target: z.string().min(1),
});
export type AlertNotificationTarget = z.infer<typeof alertNotificationTargetSchema>;

export const alertPolicySchema = z.object({
  kind: z.literal('AlertPolicy'),
  ...metadataFields,
  alertWhenNoData: z.boolean().optional(),
  alertWhenResolved: z.boolean().optional(),
  alertWhenBreaching: z.boolean().optional(),
  conditions: z.array(z.union([refSchema, alertConditionSchema])).length(1),
  notificationTargets: z.array(z.union([refSchema, alertNotificationTargetSchema])).min(1),
});
export type AlertPolicy = z.infer<typeof alertPolicySchema>;

export const sloSchema = z.object({
  kind: z.literal('SLO'),
  ...metadataFields,
  service: z.string().min(1),
  /** Absent only for a composite SLO, whose objectives each carry an indicator. */
  indicator: z.union([refSchema, sliSchema]).optional(),
  timeWindow: timeWindowSchema.optional(),
  budgetingMethod: budgetingMethodSchema,
  objectives: z.array(objectiveSchema).min(1),
  alertPolicies: z.array(z.union([refSchema, alertPolicySchema])),
});
export type Slo = z.infer<typeof sloSchema>;

export const sloObjectSchema = z.discriminatedUnion('kind', [
  serviceSchema,
  dataSourceSchema,
  sliSchema,
  sloSchema,
  alertPolicySchema,
  alertConditionSchema,
  alertNotificationTargetSchema,
]);
export type SloObject = z.infer<typeof sloObjectSchema>;
export type SloObjectKind = SloObject['kind'];

/** One problem in an imported file, as the catalog import reports them. */
export interface SloImportIssue {
  file: string;
  /** 0-based position of the object in the file (YAML documents and top-level list items in order). */
  document: number;
  /** JSON-pointer-like path inside that object, e.g. `/spec/objectives/0/target`. */
  path: string;
  message: string;
}

export interface SloImportFile {
  path: string;
  content: string;
}

/** Days in a duration shorthand, for rolling windows; months, quarters and years have no fixed length. */
export function durationDays(duration: Duration): number | undefined {
  const count = Number(duration.slice(0, -1));
  const minutes: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 };
  const unit = minutes[duration.slice(-1)];
  return unit === undefined ? undefined : (count * unit) / 1440;
}
