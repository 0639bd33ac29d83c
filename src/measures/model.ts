import { z } from '../core/zod.js';
import { levelVersions } from './levels.js';
import { leadTimeStarts } from './state.js';

const level = z.enum(['elite', 'high', 'medium', 'low']).nullable();

export const doraNumbersSchema = z.object({
  deploymentFrequency: z.object({
    deployments: z.number().int(),
    perDay: z.number(),
    perWeek: z.number(),
    deploymentDays: z.number().int(),
    medianDeploymentDaysPerWeek: z.number(),
    medianDeploymentDaysPerMonth: z.number(),
  }),
  changeLeadTime: z.object({
    start: z.enum(leadTimeStarts),
    medianSeconds: z.number().nullable(),
    p90Seconds: z.number().nullable(),
    changes: z.number().int(),
    measured: z.number().int(),
    excluded: z.object({
      firstDeployments: z.number().int(),
      unknownBaseline: z.number().int(),
      nonPositive: z.number().int(),
      withoutPullRequest: z.number().int(),
    }),
  }),
  changeFailRate: z.object({
    rate: z.number().nullable(),
    failedDeployments: z.number().int(),
    deployments: z.number().int(),
  }),
  recoveryTime: z.object({
    medianSeconds: z.number().nullable(),
    recovered: z.number().int(),
    notRecovered: z.number().int(),
  }),
  reworkRate: z.object({
    rate: z.number().nullable(),
    unplannedDeployments: z.number().int(),
    deployments: z.number().int(),
  }),
  levels: z.object({
    version: z.enum(levelVersions),
    note: z.string(),
    unconfirmed: z.array(z.string()),
    deploymentFrequency: level.unwrap(),
    leadTime: level,
    changeFailRate: level,
    recoveryTime: level,
  }),
});

export const doraQuerySchema = z.object({
  service: z.string().optional(),
  team: z.string().optional(),
  environment: z.string().default('production'),
  last: z.enum(['7', '30', '90', '180', '365']).optional().describe('days ending today (tenant time zone)'),
  from: z.string().optional().describe('first day, YYYY-MM-DD'),
  to: z.string().optional().describe('last day, YYYY-MM-DD'),
  levels: z.enum(levelVersions).optional().describe('thresholds table; the tenant setting by default'),
  leadTimeStart: z.enum(leadTimeStarts).optional(),
});

const windowSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  timeZone: z.string(),
});

export const doraAnswerSchema = doraNumbersSchema
  .extend({
    tenant: z.string(),
    scope: z.object({ service: z.string().nullable(), team: z.string().nullable(), environment: z.string() }),
    window: windowSchema,
    definitions: z.record(z.string(), z.string()),
    groups: z.array(doraNumbersSchema.extend({ service: z.string() })).optional(),
    events: z.record(z.string(), z.string()).describe('links to the contributing events of each number'),
  })
  .openapi('DoraAnswer');

export const doraTrendSchema = z
  .object({
    tenant: z.string(),
    window: windowSchema,
    interval: z.enum(['day', 'week']),
    definitions: z.record(z.string(), z.string()),
    points: z.array(doraNumbersSchema.extend({ start: z.string(), fromDay: z.string(), toDay: z.string() })),
  })
  .openapi('DoraTrend');

export const doraSettingsSchema = z
  .strictObject({
    attributionWindowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
    levelsVersion: z.enum(levelVersions),
    leadTimeStart: z.enum(leadTimeStarts),
  })
  .openapi('DoraSettings');
