import { type RawBuilder, sql } from 'kysely';
import { chunks } from '../store/chunks.js';
import type { TenantDb } from '../store/database.js';
import type { Tables } from '../store/tables.js';

/**
 * Shared pieces of the catalog's stores. Every function takes the request's `TenantDb`, so the
 * tenant scope adds `tenant_id` to each statement; none of them names the tenant itself.
 */

type RowOf<T extends keyof Tables> = { [K in keyof Tables[T]]?: unknown };

/**
 * Inserts rows, replacing those whose key exists (`excluded.*` works on SQLite ≥ 3.24 and
 * PostgreSQL alike). Kysely cannot type a column list chosen at run time, hence the casts.
 */
export async function upsertRows<T extends keyof Tables>(
  db: TenantDb,
  table: T,
  rows: readonly RowOf<T>[],
  key: readonly (keyof Tables[T] & string)[],
): Promise<void> {
  for (const part of chunks(rows, 200)) {
    const update = Object.keys(part[0]!).filter((c) => !key.includes(c as never));
    await db
      .insertInto(table)
      .values(part as never)
      .onConflict((oc) => {
        const target = oc.columns(['tenant_id', ...key] as never);
        return update.length === 0
          ? target.doNothing()
          : target.doUpdateSet(
              (eb) => Object.fromEntries(update.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never,
            );
      })
      .execute();
  }
}

/** `column LIKE %text%` with the text's wildcards escaped; `lower` on both sides when asked. */
export function contains(
  column: string,
  text: string,
  opts: { caseless?: boolean } = {},
): RawBuilder<boolean> {
  const needle = opts.caseless ? text.toLowerCase() : text;
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const col = opts.caseless ? sql`lower(${sql.ref(column)})` : sql.ref(column);
  return sql<boolean>`${col} like ${pattern} escape '\\'`;
}
