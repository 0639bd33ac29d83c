import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { engines } from '../testing/databases.js';

describe.each(engines)('access on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('rejects requests without or with a bad token, as problem+json', async () => {
    for (const token of [
      '',
      'tl1.provider.00000000000000000000000000.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ]) {
      const res = await t.call('GET', '/api/v1/me', { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.json.status).toBe(401);
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('creates tenants and tokens; the secret is shown once and only a hash is stored', async () => {
    const secret = await t.tenantWithToken('acme');
    expect(secret).toMatch(/^tl1\.acme\.[0-9a-z]{26}\.[A-Za-z0-9_-]{43}$/);
    const me = await t.call('GET', '/api/v1/me', { token: secret });
    expect(me.json).toMatchObject({ tenant: 'acme', role: 'tenant-admin', homeTenant: 'acme' });
    expect(me.json.tenants.map((x: { id: string }) => x.id)).toEqual(['acme']);
    const rows = await t.deps.store.forTenant('acme').selectFrom('tokens').select('secret_hash').execute();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(secret.split('.')[3]);
    const list = await t.call('GET', '/api/v1/tokens', { token: secret });
    expect(list.text).not.toContain(secret.split('.')[3]);
  });

  it('refuses a duplicate tenant with 409 and a field path', async () => {
    const res = await t.call('POST', '/api/v1/tenants', { body: { id: 'acme', name: 'Again' } });
    expect(res.status).toBe(409);
    expect(res.json.errors).toEqual([{ path: '/id', message: 'taken' }]);
  });

  it('enforces roles: viewers read, members write, only admins mint tokens', async () => {
    const viewer = await t.tenantWithToken('globex', 'viewer');
    expect((await t.call('GET', '/api/v1/users', { token: viewer })).status).toBe(200);
    const write = await t.call('POST', '/api/v1/users', {
      token: viewer,
      body: { id: 'x', name: 'X', role: 'member' },
    });
    expect(write.status).toBe(403);
    const member = await t.tenantWithToken('initech', 'member');
    const mint = await t.call('POST', '/api/v1/tokens', {
      token: member,
      body: { name: 'n', role: 'member' },
    });
    expect(mint.status).toBe(403);
    const admin = await t.call('POST', '/api/v1/tenants', { token: member, body: { id: 'evil', name: 'E' } });
    expect(admin.status).toBe(403);
  });

  it('does not let a tenant-admin mint a stronger token', async () => {
    const admin = await t.tenantWithToken('hooli');
    const res = await t.call('POST', '/api/v1/tokens', {
      token: admin,
      body: { name: 'n', role: 'provider-admin' },
    });
    expect(res.status).toBe(403);
  });

  it('answers 404 for another tenant, never 403', async () => {
    const a = await t.tenantWithToken('tenant-a');
    await t.tenantWithToken('tenant-b');
    expect((await t.call('GET', '/api/v1/me', { token: a, tenant: 'tenant-b' })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/tenants/tenant-b', { token: a })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/me', { tenant: 'no-such-tenant' })).status).toBe(404);
    const bTokens = await t.call('GET', '/api/v1/tokens', { tenant: 'tenant-b' });
    const bTokenId = bTokens.json.items[0].id as string;
    expect((await t.call('DELETE', `/api/v1/tokens/${bTokenId}`, { token: a })).status).toBe(404);
    expect(
      (await t.call('GET', '/api/v1/tokens', { tenant: 'tenant-b' })).json.items[0].revokedAt,
    ).toBeNull();
  });

  it('revokes tokens and honours expiry', async () => {
    const created = await t.call('POST', '/api/v1/tokens', {
      tenant: 'acme',
      body: { name: 'short', role: 'viewer', expiresInDays: 1 },
    });
    const secret = created.json.secret as string;
    expect((await t.call('GET', '/api/v1/me', { token: secret })).status).toBe(200);
    t.clock.advance(86_400_000 + 1);
    const expired = await t.call('GET', '/api/v1/me', { token: secret });
    expect(expired.status).toBe(401);
    expect(expired.json.detail).toBe('token expired');

    const other = await t.call('POST', '/api/v1/tokens', {
      tenant: 'acme',
      body: { name: 'r', role: 'viewer' },
    });
    const revoked = await t.call('DELETE', `/api/v1/tokens/${other.json.token.id}`, { tenant: 'acme' });
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).not.toBeNull();
    expect((await t.call('GET', '/api/v1/me', { token: other.json.secret })).json.detail).toBe(
      'token revoked',
    );
  });

  it('rejects an expiry in the past with the field named', async () => {
    const res = await t.call('POST', '/api/v1/tokens', {
      tenant: 'acme',
      body: { name: 'old', role: 'viewer', expiresAt: '2000-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].path).toBe('/expiresAt');
  });

  it('signs the console in with an HttpOnly, SameSite cookie that dies with its token', async () => {
    const created = await t.call('POST', '/api/v1/tokens', {
      tenant: 'acme',
      body: { name: 'web', role: 'member' },
    });
    const login = await t.call('POST', '/api/session', { token: '', body: { token: created.json.secret } });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^tl_session=tl1s\.acme\./);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const me = await t.call('GET', '/api/v1/me', { token: '', headers: { cookie } });
    expect(me.json.tenant).toBe('acme');
    await t.call('DELETE', `/api/v1/tokens/${created.json.token.id}`, { tenant: 'acme' });
    expect((await t.call('GET', '/api/v1/me', { token: '', headers: { cookie } })).status).toBe(401);
    const bad = await t.call('POST', '/api/session', { token: '', body: { token: 'nope' } });
    expect(bad.status).toBe(401);
  });

  it('lets a provider-admin act in any tenant with the tenant header', async () => {
    const me = await t.call('GET', '/api/v1/me', { tenant: 'acme' });
    expect(me.json).toMatchObject({ tenant: 'acme', homeTenant: 'provider', role: 'provider-admin' });
    expect(me.json.tenants.length).toBeGreaterThanOrEqual(5);
  });
});
