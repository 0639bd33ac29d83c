import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../modules.js';
import { createTestDatabase, engines, type TestDatabase } from '../testing/databases.js';
import { openStore, type Store } from './database.js';
import { migrateToLatest } from './migrate.js';

describe.each(engines)('tenant scope on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = openStore(database.url);
    await migrateToLatest(store.system, allMigrations());
    for (const t of ['a', 'b']) {
      await store.system
        .insertInto('tenants')
        .values({ tenant_id: t, name: t, kind: 'customer', time_zone: 'UTC', created_at: 0 })
        .execute();
      for (const u of ['u1', 'u2']) {
        await store
          .forTenant(t)
          .insertInto('users')
          .values({ user_id: u, name: `${t}-${u}`, email: null, role: 'member', created_at: 0 })
          .execute();
      }
    }
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('sets tenant_id on insert and reads only its own rows', async () => {
    const rows = await store.forTenant('a').selectFrom('users').select(['tenant_id', 'name']).execute();
    expect(rows.map((r) => r.name).sort()).toEqual(['a-u1', 'a-u2']);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set(['a']));
  });

  it('keeps an OR in the query inside the tenant filter', async () => {
    const rows = await store
      .forTenant('a')
      .selectFrom('users')
      .select('name')
      .where((eb) => eb.or([eb('user_id', '=', 'u1'), eb('user_id', '=', 'u2')]))
      .execute();
    expect(rows).toHaveLength(2);
    const top = await store
      .forTenant('a')
      .selectFrom('users')
      .select('name')
      .where(sql<boolean>`user_id = ${'u1'} or user_id = ${'u2'}`)
      .execute();
    expect(top.map((r) => r.name).sort()).toEqual(['a-u1', 'a-u2']);
  });

  it('scopes joined tables and subqueries', async () => {
    const joined = await store
      .forTenant('b')
      .selectFrom('users as x')
      .innerJoin('users as y', 'y.user_id', 'x.user_id')
      .select(['x.name as xn', 'y.name as yn'])
      .execute();
    expect(joined.every((r) => r.xn.startsWith('b-') && r.yn.startsWith('b-'))).toBe(true);
    expect(joined).toHaveLength(2);
    const sub = await store
      .forTenant('b')
      .selectFrom('users')
      .select('name')
      .where('user_id', 'in', (eb) => eb.selectFrom('users as s').select('s.user_id'))
      .execute();
    expect(sub).toHaveLength(2);
  });

  it('updates and deletes only its own rows', async () => {
    await store
      .forTenant('a')
      .updateTable('users')
      .set({ email: 'x@a' })
      .where('user_id', '=', 'u1')
      .execute();
    const b = await store
      .forTenant('b')
      .selectFrom('users')
      .select('email')
      .where('user_id', '=', 'u1')
      .execute();
    expect(b).toEqual([{ email: null }]);
    await store.forTenant('b').deleteFrom('users').where('user_id', '=', 'u2').execute();
    const a = await store.forTenant('a').selectFrom('users').select('user_id').execute();
    expect(a).toHaveLength(2);
  });

  it('refuses raw SQL and explicit tenant ids', async () => {
    await expect(sql`select * from users`.execute(store.forTenant('a'))).rejects.toThrow(/raw SQL/);
    await expect(
      store
        .forTenant('a')
        .insertInto('users')
        // `as never`: the point is to bypass the type that forbids it
        .values({
          tenant_id: 'b',
          user_id: 'u9',
          name: 'x',
          email: null,
          role: 'member',
          created_at: 0,
        } as never)
        .execute(),
    ).rejects.toThrow(/set by the tenant scope/);
  });
});
