import { z } from '../../core/zod.js';
import { durationSchema, operatorSchema } from '../model.js';

/**
 * The OpenSLO v1 wire format as zod schemas, encoding the rules of OpenSLO's schemas/v1 (JSON
 * Schema, draft-07). Where that schema and go-sdk's own examples disagree, the examples win and
 * the deviation is named here:
 * - ratioMetric may be `raw` + `rawType` (go-sdk), `counter` may be missing (spec examples);
 * - budgetingMethod may be RatioTimeslices (spec examples);
 * - connectionDetails may be a list of mappings (go-sdk) and is merged into one;
 * - alertWhen* are optional (go-sdk examples omit them);
 * - SLO alertPolicies items may be a name, `{alertPolicyRef}` or an inline AlertPolicy;
 * - an objective may carry its own indicator (composite SLOs), and then the SLO needs none.
 * Inline AlertConditions inside a policy were never checked by schemas/v1 (its `$ref` nests `spec`
 * twice), so for them `op` stays optional.
 */

const anyMap = z.record(z.string(), z.unknown());
const description = z.string().max(1050, 'at most 1050 characters').optional();
const labelValue = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9A-Z][a-z0-9A-Z._-]*[a-z0-9A-Z]*$/, 'letters, digits, ".", "_" or "-"');

/**
 * Name rules differ by version (v1 is lower-case, v2alpha allows mixed case), and v1alpha did not
 * yet require a timeSliceWindow for Timeslices (go-sdk's v1alpha example has none).
 */
export function v1Schemas(name: z.ZodType<string>, options: { timeSliceWindowRequired: boolean }) {
  const metadata = z.object({
    name,
    displayName: z.string().min(1).optional(),
    labels: z.record(z.string(), z.union([labelValue, z.array(labelValue)])).optional(),
    annotations: z.record(z.string().regex(/^(.{2,253}\/)?.{1,63}$/), z.string()).optional(),
  });

  const metricSource = z.object({
    metricSource: z.object({ metricSourceRef: name.optional(), type: z.string().optional(), spec: anyMap }),
  });

  const ratioMetric = z
    .object({
      counter: z.boolean().optional(),
      good: metricSource.optional(),
      bad: metricSource.optional(),
      total: metricSource.optional(),
      raw: metricSource.optional(),
      rawType: z.enum(['success', 'failure']).optional(),
    })
    .superRefine((r, ctx) => {
      const given = (['good', 'bad', 'raw'] as const).filter((k) => r[k] !== undefined);
      if (given.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message:
            given.length === 0
              ? 'needs one of good, bad or raw'
              : `${given.join(' and ')} are exclusive: give only one`,
        });
      }
      if (r.raw && !r.rawType)
        ctx.addIssue({ code: 'custom', path: ['rawType'], message: 'required with raw' });
      if (!r.raw && !r.total) ctx.addIssue({ code: 'custom', path: ['total'], message: 'required' });
    });

  const sliSpec = z
    .object({ description, thresholdMetric: metricSource.optional(), ratioMetric: ratioMetric.optional() })
    .superRefine((s, ctx) => {
      if ((s.thresholdMetric === undefined) === (s.ratioMetric === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'needs exactly one of thresholdMetric or ratioMetric' });
      }
    });
  const inlineSli = z.object({ metadata, spec: sliSpec });

  const condition = z.object({
    kind: z.literal('burnrate').default('burnrate'),
    op: operatorSchema,
    threshold: z.number(),
    lookbackWindow: durationSchema,
    alertAfter: durationSchema,
  });
  const alertConditionSpec = z.object({ description, severity: z.string(), condition });
  const inlineConditionSpec = alertConditionSpec.extend({
    condition: condition.extend({ op: operatorSchema.optional() }),
  });
  const alertNotificationTargetSpec = z.object({ description, target: z.string() });

  const refOrInline = <S extends z.ZodType>(refKey: string, kind: string, spec: S) =>
    z
      .object({ [refKey]: name.optional(), kind: z.literal(kind).optional(), metadata: metadata.optional() })
      .extend({ spec: spec.optional() })
      .superRefine((item, ctx) => {
        const inline = item.kind !== undefined || item.metadata !== undefined || item.spec !== undefined;
        const isRef = item[refKey] !== undefined;
        if (isRef === inline || (inline && (!item.kind || !item.metadata || !item.spec))) {
          ctx.addIssue({
            code: 'custom',
            message: `needs either ${refKey} or an inline ${kind} (kind, metadata, spec)`,
          });
        }
      });

  const alertPolicySpec = z.object({
    description,
    alertWhenNoData: z.boolean().optional(),
    alertWhenResolved: z.boolean().optional(),
    alertWhenBreaching: z.boolean().optional(),
    conditions: z
      .array(refOrInline('conditionRef', 'AlertCondition', inlineConditionSpec))
      .min(1)
      .max(1, 'exactly one condition'),
    notificationTargets: z
      .array(refOrInline('targetRef', 'AlertNotificationTarget', alertNotificationTargetSpec))
      .min(1),
  });

  const calendar = z.object({
    startTime: z
      .string()
      .regex(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/,
        'local time as YYYY-MM-DD hh:mm:ss',
      ),
    timeZone: z.string().regex(/[A-Z][a-zA-Z_]+\/[A-Z][a-zA-Z_]+/, 'an IANA zone such as Europe/Paris'),
  });
  const timeWindow = z
    .object({ duration: durationSchema, isRolling: z.boolean().optional(), calendar: calendar.optional() })
    .superRefine((w, ctx) => {
      if (w.isRolling !== true && !w.calendar) {
        ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'required unless isRolling is true' });
      }
    });

  const objective = z
    .object({
      displayName: z.string().min(1).optional(),
      op: operatorSchema.optional(),
      value: z.number().optional(),
      target: z.number().min(0).lt(1, 'must be below 1').optional(),
      targetPercent: z.number().min(0).lt(100, 'must be below 100').optional(),
      timeSliceTarget: z.number().gt(0).max(1).optional(),
      timeSliceWindow: z.union([durationSchema, z.number().positive()]).optional(),
      compositeWeight: z.number().positive().optional(),
      indicator: inlineSli.optional(),
      indicatorRef: name.optional(),
    })
    .superRefine((o, ctx) => {
      if (o.target === undefined && o.targetPercent === undefined) {
        ctx.addIssue({ code: 'custom', path: ['target'], message: 'required (or targetPercent)' });
      }
      if (o.indicator && o.indicatorRef) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicatorRef'],
          message: 'indicator and indicatorRef are exclusive',
        });
      }
    });

  const alertPolicyItem = z.union([
    name,
    z.object({ alertPolicyRef: name }),
    z.object({ kind: z.literal('AlertPolicy'), metadata, spec: alertPolicySpec }),
  ]);

  const sloSpec = z
    .object({
      description,
      service: name,
      indicator: inlineSli.optional(),
      indicatorRef: name.optional(),
      timeWindow: z.array(timeWindow).max(1, 'at most one time window').optional(),
      budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']),
      objectives: z.array(objective).min(1),
      alertPolicies: z.array(alertPolicyItem).nullish(),
    })
    .superRefine((s, ctx) => {
      const perObjective = s.objectives.every((o) => o.indicator || o.indicatorRef);
      const count = Number(s.indicator !== undefined) + Number(s.indicatorRef !== undefined);
      if (count > 1 || (count === 0 && !perObjective)) {
        ctx.addIssue({ code: 'custom', message: 'needs exactly one of indicator or indicatorRef' });
      }
      if (s.budgetingMethod !== 'Timeslices') return;
      s.objectives.forEach((o, i) => {
        const keys = options.timeSliceWindowRequired
          ? (['timeSliceTarget', 'timeSliceWindow'] as const)
          : (['timeSliceTarget'] as const);
        for (const key of keys) {
          if (o[key] === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['objectives', i, key],
              message: 'required for Timeslices',
            });
          }
        }
      });
    });

  const dataSourceSpec = z.object({
    description,
    type: z.string(),
    connectionDetails: z.union([anyMap, z.array(anyMap)]),
  });

  return {
    metadata,
    specs: {
      Service: z.object({ description }),
      DataSource: dataSourceSpec,
      SLI: sliSpec,
      SLO: sloSpec,
      AlertPolicy: alertPolicySpec,
      AlertCondition: alertConditionSpec,
      AlertNotificationTarget: alertNotificationTargetSpec,
    },
  };
}

export const v1NameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9][a-z0-9.|/\\-]*[a-z0-9]*$/, 'lower-case letters, digits, ".", "|", "/", "\\" or "-"');

export type V1Schemas = ReturnType<typeof v1Schemas>;
export type V1Kind = keyof V1Schemas['specs'];
export type V1Spec<K extends V1Kind> = z.infer<V1Schemas['specs'][K]>;
export type V1Metadata = z.infer<V1Schemas['metadata']>;
