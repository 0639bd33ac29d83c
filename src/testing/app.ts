import { fixedClock } from '../core/clock.js';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { assemble } from '../server.js';
import type { Engine } from '../store/database.js';
import { createTestDatabase } from './databases.js';

export const testBootstrapToken = 'test-bootstrap-token-0123456789abcdef';

/** An assembled app on a fresh database, driven in-process with `app.request()`. */
export async function createTestApp(engine: Engine, opts: { now?: number } = {}) {
  const database = await createTestDatabase(engine);
  const clock = fixedClock(opts.now ?? Date.parse('2026-11-01T12:00:00Z'));
  const config = loadConfig({
    databaseUrl: database.url,
    bootstrapToken: testBootstrapToken,
    logLevel: 'silent',
    demo: 'off',
    ingestBodyLimit: String(4 * 1024 * 1024),
  });
  const { app, deps } = await assemble(config, { log: createLogger('silent'), clock });

  async function call(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; tenant?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const token = opts.token === undefined ? testBootstrapToken : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.tenant) headers['throughline-tenant'] = opts.tenant;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely
    return { status: res.status, headers: res.headers, text, json: json as any };
  }

  /** Creates a customer tenant and a token of the given role in it. */
  async function tenantWithToken(id: string, role: 'tenant-admin' | 'member' | 'viewer' = 'tenant-admin') {
    const t = await call('POST', '/api/v1/tenants', { body: { id, name: id.toUpperCase() } });
    if (t.status !== 201) throw new Error(`tenant ${id}: ${t.status} ${t.text}`);
    const tok = await call('POST', '/api/v1/tokens', { tenant: id, body: { name: `${id}-${role}`, role } });
    if (tok.status !== 201) throw new Error(`token ${id}: ${tok.status} ${tok.text}`);
    return tok.json.secret as string;
  }

  return {
    app,
    deps,
    clock,
    call,
    tenantWithToken,
    async close() {
      await deps.store.close();
      await database.drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
