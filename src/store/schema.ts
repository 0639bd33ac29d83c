import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Starts a tenant table: `tenant_id` first, and the primary key `(tenant_id, …key)`, so the
 * schema can be distributed by tenant (Citus) without change.
 */
export function createTenantTable(
  db: Kysely<unknown>,
  name: string,
  columns: (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>,
  key: readonly string[],
) {
  const t = db.schema.createTable(name).addColumn('tenant_id', 'text', (c) => c.notNull());
  return columns(t).addPrimaryKeyConstraint(`${name}_pk`, ['tenant_id', ...key] as never);
}

/** Secondary indexes lead with `tenant_id` too. */
export function createTenantIndex(db: Kysely<unknown>, table: string, columns: readonly string[]) {
  return db.schema
    .createIndex(`${table}_${columns.join('_')}_idx`)
    .on(table)
    .columns(['tenant_id', ...columns]);
}
