import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { atLeast, type Role } from '../access/roles.js';
import type { AccessService } from '../access/service.js';
import { ForbiddenError, UnauthorizedError } from '../core/errors.js';
import type { Store } from '../store/database.js';
import type { AppEnv } from './env.js';

export const sessionCookie = 'tl_session';
/** Provider-admins choose the tenant they act in with this header (the console's tenant switcher). */
export const tenantHeader = 'throughline-tenant';

/**
 * Authenticates every request (Bearer token, or the console's session cookie), resolves the tenant
 * it acts in, and hands the handler a database scoped to that tenant. Reading needs `viewer`,
 * writing `member`; routes that need more add `requireRole`.
 */
export function authenticate(deps: { access: AccessService; store: Store }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    let principal: Awaited<ReturnType<AccessService['authenticateToken']>>;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new UnauthorizedError('Authorization header must be "Bearer <token>"');
      principal = await deps.access.authenticateToken(m[1]!);
    } else {
      const cookie = getCookie(c, sessionCookie);
      if (!cookie) throw new UnauthorizedError('authentication required: send a Bearer token');
      principal = await deps.access.authenticateSession(cookie);
    }
    const requested = c.req.header(tenantHeader) ?? c.req.query('tenant');
    const tenant = await deps.access.resolveTenant(principal, requested || undefined);
    c.set('principal', principal);
    c.set('tenant', tenant);
    c.set('db', deps.store.forTenant(tenant));
    const needed: Role = c.req.method === 'GET' || c.req.method === 'HEAD' ? 'viewer' : 'member';
    if (!atLeast(principal.role, needed))
      throw new ForbiddenError(`a ${principal.role} cannot ${c.req.method}`);
    await next();
  };
}

export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role: held } = c.get('principal');
    if (!atLeast(held, role)) throw new ForbiddenError(`requires ${role}; this token is ${held}`);
    await next();
  };
}
