import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables.js';
import { TenantScopePlugin } from './tenant-scope.js';

export type Engine = 'sqlite' | 'postgres';

/** A tenant-scoped database: every query it builds is confined to one tenant (see tenant-scope.ts). */
export type TenantDb = Kysely<Tables> & { readonly tenantId: string; readonly engine: Engine };

/** Runs `fn` in a transaction whose handle is still a TenantDb (same tenant, same engine). */
export function inTransaction<T>(db: TenantDb, fn: (trx: TenantDb) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .execute((trx) => fn(Object.assign(trx, { tenantId: db.tenantId, engine: db.engine })));
}

export interface Store {
  readonly engine: Engine;
  /** Unscoped access, for the few places that work across tenants: auth lookup, tenant admin, migrations. */
  readonly system: Kysely<Tables>;
  forTenant(tenantId: string): TenantDb;
  close(): Promise<void>;
}

// int8 (counts, epoch milliseconds) and numeric come back as JS numbers, as they do from SQLite.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function engineOf(url: string): Engine {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** Opens the store named by a `sqlite:PATH` or `postgres://…` URL. Dialect differences stop here. */
export function openStore(url: string): Store {
  const engine = engineOf(url);
  const system = new Kysely<Tables>({
    dialect: engine === 'sqlite' ? sqliteDialect(url) : postgresDialect(url),
  });
  const scoped = new Map<string, TenantDb>();
  return {
    engine,
    system,
    forTenant(tenantId) {
      let db = scoped.get(tenantId);
      if (!db) {
        db = Object.assign(system.withPlugin(new TenantScopePlugin(tenantId)), { tenantId, engine });
        if (scoped.size > 10_000) scoped.clear();
        scoped.set(tenantId, db);
      }
      return db;
    },
    close: () => system.destroy(),
  };
}

function sqliteDialect(url: string): SqliteDialect {
  const path = url.slice('sqlite:'.length);
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return new SqliteDialect({
    database: async () => {
      const db = new SQLite(file);
      db.pragma('journal_mode = WAL');
      // FULL: a committed transaction survives power loss, which is what a 2xx promises.
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      // Checkpoint the WAL every ~40 MB instead of ~4 MB: bulk ingest spends less time copying pages back.
      db.pragma('wal_autocheckpoint = 10000');
      return withStatementCache(db);
    },
  });
}

/**
 * Kysely prepares every query anew; statements of the same text (a batch insert of the same width,
 * a lookup by key) are reused instead, which saves SQLite's parse and plan on hot paths.
 */
function withStatementCache(db: SQLite.Database): SQLite.Database {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, SQLite.Statement>();
  return Object.assign(db, {
    prepare(source: string) {
      let stmt = cache.get(source);
      if (!stmt) {
        stmt = prepare(source);
        if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
        cache.set(source, stmt);
      }
      return stmt;
    },
  });
}

function postgresDialect(url: string): PostgresDialect {
  return new PostgresDialect({
    pool: async () => {
      const pool = new pg.Pool({ connectionString: url, max: 10 });
      pool.on('error', () => {
        // An idle client lost its connection; the pool replaces it. Queries report their own errors.
      });
      return pool;
    },
  });
}
