import { z } from '../core/zod.js';

/** Roles from most to least privileged. A provider-admin acts in every tenant. */
export const roles = ['provider-admin', 'tenant-admin', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** True when `held` grants at least what `needed` requires. */
export function atLeast(held: Role, needed: Role): boolean {
  return roles.indexOf(held) <= roles.indexOf(needed);
}

/** The provider's own tenant: home of provider-admin tokens and of system rows such as leases. */
export const providerTenantId = 'provider';
