/** What GET /api/v1/me says about the signed-in caller (src/access/routes.ts). */

export type Role = 'provider-admin' | 'tenant-admin' | 'member' | 'viewer';

export interface Tenant {
  id: string;
  name: string;
  kind: 'provider' | 'customer';
  timeZone: string;
  createdAt: string;
}

export interface Me {
  tenant: string;
  homeTenant: string;
  role: Role;
  tokenId: string;
  tokenName: string;
  tenants: Tenant[];
}

const roles: Role[] = ['provider-admin', 'tenant-admin', 'member', 'viewer'];

/** True when `held` grants at least what `needed` requires (src/access/roles.ts). */
export function atLeast(held: Role, needed: Role): boolean {
  return roles.indexOf(held) <= roles.indexOf(needed);
}
