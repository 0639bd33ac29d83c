import { timeZoneSchema } from '../access/model.js';
import { slugPattern } from '../core/ids.js';
import { z } from '../core/zod.js';

/**
 * A gate policy as written in YAML: optionally narrowed to services, teams (owners) and
 * environments, with rules that each say what they check, their threshold and their outcome.
 */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

const name = z.string().regex(slugPattern, 'lower-case letters, digits and "-"');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a local time HH:MM');
const duration = z.string().regex(/^\d{1,5}[mhd]$/, 'a duration such as 30m, 4h or 2d');
/** `10`, `10%` or `"10 %"`: a percentage, kept as a fraction. */
const percent = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?\s*%?$/, 'a percentage such as 10 or "10 %"')])
  .transform((v) => (typeof v === 'number' ? v : Number.parseFloat(v)))
  .pipe(z.number().min(0).max(100))
  .transform((v) => v / 100);
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    'an RFC 3339 time with offset',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
const outcome = z.enum(['reject', 'manual']).default('reject');
const ruleBase = { name: name.optional(), description: z.string().max(500).optional() };

const weekly = z
  .strictObject({
    days: z.array(z.enum(weekdays)).min(1),
    from: clockTime.default('00:00'),
    to: clockTime.default('24:00'),
  })
  .refine((w) => w.from < w.to, { message: '`from` must be before `to`', path: ['to'] });

export const freezeWindowSchema = z
  .strictObject({
    reason: z.string().max(200).optional(),
    from: instant.optional(),
    to: instant.optional(),
    weekly: weekly.optional(),
    monthEnd: z.strictObject({ lastDays: z.number().int().min(1).max(15) }).optional(),
  })
  .superRefine((w, ctx) => {
    const kinds = [w.from !== undefined || w.to !== undefined, !!w.weekly, !!w.monthEnd].filter(Boolean);
    if (kinds.length !== 1)
      ctx.addIssue({ code: 'custom', message: 'one of from/to, weekly or monthEnd', path: [] });
    if ((w.from === undefined) !== (w.to === undefined))
      ctx.addIssue({
        code: 'custom',
        message: 'a one-off window needs both from and to',
        path: [w.from ? 'to' : 'from'],
      });
    if (w.from && w.to && Date.parse(w.to) <= Date.parse(w.from))
      ctx.addIssue({ code: 'custom', message: 'must be after `from`', path: ['to'] });
  });
export type FreezeWindow = z.infer<typeof freezeWindowSchema>;

export const workingHoursSchema = z.strictObject({
  days: z.array(z.enum(weekdays)).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
  from: clockTime.default('09:00'),
  to: clockTime.default('18:00'),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const ruleSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...ruleBase,
    type: z.literal('required-checks'),
    outcome,
    /** names or `*` patterns of pipeline runs, builds, tasks, checks and test suites */
    required: z.array(z.string().min(1).max(200)).min(1),
  }),
  z.strictObject({ ...ruleBase, type: z.literal('error-budget'), outcome, minRemaining: percent }),
  z.strictObject({
    ...ruleBase,
    type: z.literal('open-incidents'),
    outcome,
    /** incidents of this severity or worse block (sev1 is the worst) */
    severity: z.string().regex(/^sev[1-9]$/, 'sev1 … sev9'),
    includeDependencies: z.boolean().default(true),
  }),
  z.strictObject({
    ...ruleBase,
    type: z.literal('freeze'),
    outcome,
    windows: z.array(freezeWindowSchema).min(1),
  }),
  z
    .strictObject({
      ...ruleBase,
      type: z.literal('change-risk'),
      /** a score above this needs manual approval */
      manualAbove: z.number().min(0).max(100).default(40),
      /** a score above this is rejected */
      rejectAbove: z.number().min(0).max(100).default(70),
      sizeCommits: z.number().int().min(1).default(50),
      staleDays: z.number().min(1).default(30),
      workingHours: workingHoursSchema.default({
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        from: '09:00',
        to: '18:00',
      }),
    })
    .refine((r) => r.manualAbove <= r.rejectAbove, {
      message: 'must not exceed rejectAbove',
      path: ['manualAbove'],
    }),
]);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleType = Rule['type'];

export const policySchema = z.strictObject({
  apiVersion: z.literal('throughline.dev/v1').optional(),
  kind: z.literal('GatePolicy').optional(),
  name: name.optional(),
  description: z.string().max(2000).optional(),
  scope: z
    .strictObject({
      services: z.array(name).min(1).optional(),
      teams: z.array(z.string().min(1)).min(1).optional(),
      environments: z.array(z.string().min(1)).min(1).optional(),
    })
    .default({}),
  /** freeze windows and working hours are read in this zone; the tenant's zone by default */
  timeZone: timeZoneSchema.optional(),
  /** how long a pending decision waits for approval before it expires (rejected) */
  pendingExpiry: duration.default('24h'),
  allowEmergency: z.boolean().default(true),
  rules: z.array(ruleSchema).default([]),
});
export type Policy = z.infer<typeof policySchema>;

export function durationMs(d: string): number {
  const n = Number(d.slice(0, -1));
  return n * { m: 60_000, h: 3_600_000, d: 86_400_000 }[d.slice(-1) as 'm' | 'h' | 'd'];
}

/** The name a rule's result carries: its own, else its type (numbered when a type repeats). */
export function ruleNames(rules: readonly Rule[]): string[] {
  const seen = new Map<string, number>();
  return rules.map((r) => {
    if (r.name) return r.name;
    const n = (seen.get(r.type) ?? 0) + 1;
    seen.set(r.type, n);
    return n === 1 ? r.type : `${r.type}-${n}`;
  });
}
