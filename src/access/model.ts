import { slugPattern } from '../core/ids.js';
import { z } from '../core/zod.js';
import { roleSchema } from './roles.js';

export const tenantIdSchema = z
  .string()
  .regex(slugPattern, 'lower-case letters, digits and dashes, 1–63 characters')
  .openapi({ example: 'acme' });

export const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

export const tenantSchema = z
  .object({
    id: tenantIdSchema,
    name: z.string(),
    kind: z.enum(['provider', 'customer']),
    timeZone: z.string(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Tenant');
export type Tenant = z.infer<typeof tenantSchema>;

export const createTenantSchema = z
  .strictObject({
    id: tenantIdSchema,
    name: z.string().min(1).max(200),
    timeZone: timeZoneSchema.default('UTC'),
  })
  .openapi('CreateTenant');

export const tokenSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    name: z.string(),
    role: roleSchema,
    userId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .openapi('Token');
export type Token = z.infer<typeof tokenSchema>;

export const createTokenSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    role: roleSchema,
    userId: z.string().optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    expiresInDays: z.number().int().positive().max(3650).optional(),
  })
  .openapi('CreateToken');

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    role: roleSchema,
    createdAt: z.iso.datetime(),
  })
  .openapi('User');
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z
  .strictObject({
    id: z.string().regex(slugPattern, 'lower-case letters, digits and dashes'),
    name: z.string().min(1).max(200),
    email: z.email().optional(),
    role: roleSchema.exclude(['provider-admin']),
  })
  .openapi('CreateUser');

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms == null ? null : iso(ms));
