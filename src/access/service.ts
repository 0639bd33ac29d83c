import type { Clock } from '../core/clock.js';
import {
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  UnauthorizedError,
} from '../core/errors.js';
import { newId, newSecret } from '../core/ids.js';
import type { Store, TenantDb } from '../store/database.js';
import type { Tenant, Token, User } from './model.js';
import { iso, isoOrNull } from './model.js';
import { atLeast, providerTenantId, type Role } from './roles.js';
import type { TenantTable, TokenTable, UserTable } from './tables.js';
import { formatToken, hashSecret, parseToken, secretMatches } from './tokens.js';

/** Who is calling: the token's home tenant and role. */
export interface Principal {
  homeTenant: string;
  role: Role;
  tokenId: string;
  name: string;
}

const sessionTtlMs = 12 * 3600_000;
/** `last_used_at` is written at most this often per token, so reads stay reads. */
const lastUsedResolutionMs = 60_000;
/** A bootstrap token given by configuration may have any shape; it is stored under this id. */
const bootstrapTokenId = '00000000000000000000000000';

export class AccessService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  // --- tenants -----------------------------------------------------------------------------

  /** Creates the provider tenant and the first provider-admin token on an empty store. */
  async bootstrap(configured: string): Promise<{ token?: string }> {
    await this.store.system
      .insertInto('tenants')
      .values({
        tenant_id: providerTenantId,
        name: 'Provider',
        kind: 'provider',
        time_zone: 'UTC',
        created_at: this.clock.now(),
      })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .execute();
    const db = this.store.forTenant(providerTenantId);
    const any = await db.selectFrom('tokens').select('token_id').limit(1).executeTakeFirst();
    if (any) return {};
    // A configured token in Throughline's own format keeps its id; any other string is stored under a fixed id.
    const parsed = configured === '' ? undefined : parseToken(configured, 'token');
    if (parsed && parsed.tenantId !== providerTenantId) {
      throw new InputError(`THROUGHLINE_BOOTSTRAP_TOKEN must belong to tenant ${providerTenantId}`);
    }
    const tokenId = parsed?.tokenId ?? bootstrapTokenId;
    const secret = parsed?.secret ?? (configured === '' ? newSecret() : configured);
    const raw =
      configured === '' ? formatToken('token', { tenantId: providerTenantId, tokenId, secret }) : configured;
    // The fixed id makes this insert the arbiter when several processes start at once.
    const inserted = await db
      .insertInto('tokens')
      .values({
        token_id: tokenId,
        name: 'bootstrap',
        role: 'provider-admin',
        user_id: null,
        secret_hash: hashSecret(secret),
        created_at: this.clock.now(),
        created_by: null,
        expires_at: null,
        revoked_at: null,
        last_used_at: null,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'token_id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 && configured === '' ? { token: raw } : {};
  }

  async createTenant(input: { id: string; name: string; timeZone: string }): Promise<Tenant> {
    const row = {
      tenant_id: input.id,
      name: input.name,
      kind: 'customer' as const,
      time_zone: input.timeZone,
      created_at: this.clock.now(),
    };
    const res = await this.store.system
      .insertInto('tenants')
      .values(row)
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new ConflictError(`tenant ${input.id} exists already`, [{ path: '/id', message: 'taken' }]);
    }
    return toTenant(row);
  }

  async listTenants(principal: Principal): Promise<Tenant[]> {
    let q = this.store.system.selectFrom('tenants').selectAll().orderBy('tenant_id');
    if (principal.role !== 'provider-admin') q = q.where('tenant_id', '=', principal.homeTenant);
    return (await q.execute()).map(toTenant);
  }

  async getTenant(id: string): Promise<Tenant | undefined> {
    const row = await this.store.forTenant(id).selectFrom('tenants').selectAll().executeTakeFirst();
    return row ? toTenant(row) : undefined;
  }

  /** The tenant a request acts in: the token's own, or any tenant for a provider-admin who names one. */
  async resolveTenant(principal: Principal, requested: string | undefined): Promise<string> {
    if (!requested || requested === principal.homeTenant) return principal.homeTenant;
    // Another tenant is invisible to anyone but a provider-admin: answer as if it did not exist.
    if (principal.role !== 'provider-admin' || !(await this.getTenant(requested))) {
      throw new NotFoundError(`tenant ${requested} not found`);
    }
    return requested;
  }

  // --- tokens ------------------------------------------------------------------------------

  async authenticateToken(raw: string): Promise<Principal> {
    const parsed = parseToken(raw, 'token') ?? {
      tenantId: providerTenantId,
      tokenId: bootstrapTokenId,
      secret: raw,
    };
    const db = this.store.forTenant(parsed.tenantId);
    const row = await db
      .selectFrom('tokens')
      .selectAll()
      .where('token_id', '=', parsed.tokenId)
      .executeTakeFirst();
    const now = this.clock.now();
    if (!row || !secretMatches(parsed.secret, row.secret_hash)) throw new UnauthorizedError('invalid token');
    if (row.revoked_at != null) throw new UnauthorizedError('token revoked');
    if (row.expires_at != null && row.expires_at <= now) throw new UnauthorizedError('token expired');
    if (row.last_used_at == null || row.last_used_at < now - lastUsedResolutionMs) {
      await db
        .updateTable('tokens')
        .set({ last_used_at: now })
        .where('token_id', '=', row.token_id)
        .execute();
    }
    return { homeTenant: parsed.tenantId, role: row.role as Role, tokenId: row.token_id, name: row.name };
  }

  async createToken(
    db: TenantDb,
    principal: Principal,
    input: { name: string; role: Role; userId?: string; expiresAt?: string; expiresInDays?: number },
  ): Promise<{ token: Token; secret: string }> {
    if (!atLeast(principal.role, input.role)) {
      throw new ForbiddenError(`a ${principal.role} cannot create a ${input.role} token`);
    }
    if (input.role === 'provider-admin' && db.tenantId !== providerTenantId) {
      throw new InputError('provider-admin tokens belong to the provider tenant', [
        { path: '/role', message: 'not allowed in a customer tenant' },
      ]);
    }
    if (input.userId) {
      const user = await db
        .selectFrom('users')
        .select('user_id')
        .where('user_id', '=', input.userId)
        .executeTakeFirst();
      if (!user)
        throw new InputError('unknown user', [{ path: '/userId', message: `no user ${input.userId}` }]);
    }
    const now = this.clock.now();
    const expiresAt =
      input.expiresAt != null
        ? Date.parse(input.expiresAt)
        : input.expiresInDays != null
          ? now + input.expiresInDays * 86_400_000
          : null;
    if (expiresAt != null && expiresAt <= now) {
      throw new InputError('expiry is in the past', [
        { path: '/expiresAt', message: 'must be in the future' },
      ]);
    }
    const tokenId = newId(now);
    const secret = newSecret();
    const row = {
      token_id: tokenId,
      name: input.name,
      role: input.role,
      user_id: input.userId ?? null,
      secret_hash: hashSecret(secret),
      created_at: now,
      created_by: principal.tokenId,
      expires_at: expiresAt,
      revoked_at: null,
      last_used_at: null,
    };
    await db.insertInto('tokens').values(row).execute();
    return {
      token: toToken(db.tenantId, row),
      secret: formatToken('token', { tenantId: db.tenantId, tokenId, secret }),
    };
  }

  async listTokens(db: TenantDb): Promise<Token[]> {
    const rows = await db.selectFrom('tokens').selectAll().orderBy('created_at').execute();
    return rows.map((r) => toToken(db.tenantId, r));
  }

  async revokeToken(db: TenantDb, tokenId: string): Promise<Token> {
    const now = this.clock.now();
    await db
      .updateTable('tokens')
      .set({ revoked_at: now })
      .where('token_id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await db.selectFrom('tokens').selectAll().where('token_id', '=', tokenId).executeTakeFirst();
    if (!row) throw new NotFoundError(`token ${tokenId} not found`);
    await db.deleteFrom('sessions').where('token_id', '=', tokenId).execute();
    return toToken(db.tenantId, row);
  }

  // --- console sessions --------------------------------------------------------------------

  /** Exchanges a valid API token for a console session; the cookie carries only the session. */
  async createSession(
    rawToken: string,
  ): Promise<{ cookie: string; principal: Principal; expiresAt: number }> {
    const principal = await this.authenticateToken(rawToken);
    const now = this.clock.now();
    const sessionId = newId(now);
    const secret = newSecret();
    const expiresAt = now + sessionTtlMs;
    await this.store
      .forTenant(principal.homeTenant)
      .insertInto('sessions')
      .values({
        session_id: sessionId,
        token_id: principal.tokenId,
        secret_hash: hashSecret(secret),
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    return {
      cookie: formatToken('session', { tenantId: principal.homeTenant, tokenId: sessionId, secret }),
      principal,
      expiresAt,
    };
  }

  async authenticateSession(cookie: string): Promise<Principal> {
    const parsed = parseToken(cookie, 'session');
    if (!parsed) throw new UnauthorizedError('invalid session');
    const db = this.store.forTenant(parsed.tenantId);
    const session = await db
      .selectFrom('sessions')
      .selectAll()
      .where('session_id', '=', parsed.tokenId)
      .executeTakeFirst();
    if (
      !session ||
      !secretMatches(parsed.secret, session.secret_hash) ||
      session.expires_at <= this.clock.now()
    ) {
      throw new UnauthorizedError('session expired');
    }
    const token = await db
      .selectFrom('tokens')
      .selectAll()
      .where('token_id', '=', session.token_id)
      .executeTakeFirst();
    const now = this.clock.now();
    if (!token || token.revoked_at != null || (token.expires_at != null && token.expires_at <= now)) {
      throw new UnauthorizedError('token behind this session is no longer valid');
    }
    return {
      homeTenant: parsed.tenantId,
      role: token.role as Role,
      tokenId: token.token_id,
      name: token.name,
    };
  }

  async endSession(cookie: string): Promise<void> {
    const parsed = parseToken(cookie, 'session');
    if (!parsed) return;
    await this.store
      .forTenant(parsed.tenantId)
      .deleteFrom('sessions')
      .where('session_id', '=', parsed.tokenId)
      .execute();
  }

  /** Deletes expired sessions of every tenant; run by one process at a time under a lease. */
  async purgeExpiredSessions(): Promise<number> {
    const res = await this.store.system
      .deleteFrom('sessions')
      .where('expires_at', '<=', this.clock.now())
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  // --- users -------------------------------------------------------------------------------

  async createUser(
    db: TenantDb,
    input: { id: string; name: string; email?: string; role: Exclude<Role, 'provider-admin'> },
  ): Promise<User> {
    const row = {
      user_id: input.id,
      name: input.name,
      email: input.email ?? null,
      role: input.role,
      created_at: this.clock.now(),
    };
    const res = await db
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new ConflictError(`user ${input.id} exists already`, [{ path: '/id', message: 'taken' }]);
    }
    return toUser(row);
  }

  async listUsers(db: TenantDb): Promise<User[]> {
    return (await db.selectFrom('users').selectAll().orderBy('user_id').execute()).map(toUser);
  }
}

function toTenant(r: Omit<TenantTable, 'tenant_id'> & { tenant_id: string }): Tenant {
  return { id: r.tenant_id, name: r.name, kind: r.kind, timeZone: r.time_zone, createdAt: iso(r.created_at) };
}

function toToken(tenant: string, r: Omit<TokenTable, 'tenant_id'>): Token {
  return {
    id: r.token_id,
    tenant,
    name: r.name,
    role: r.role as Role,
    userId: r.user_id,
    createdAt: iso(r.created_at),
    expiresAt: isoOrNull(r.expires_at),
    revokedAt: isoOrNull(r.revoked_at),
    lastUsedAt: isoOrNull(r.last_used_at),
  };
}

function toUser(r: Omit<UserTable, 'tenant_id'>): User {
  return { id: r.user_id, name: r.name, email: r.email, role: r.role as Role, createdAt: iso(r.created_at) };
}
