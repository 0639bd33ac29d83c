import type { ColumnType } from 'kysely';

/**
 * The database schema, one interface per table. Each capability adds its tables to `Tables` by
 * declaration merging in its own `tables.ts`, so this file never imports a capability.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each capability
export interface Tables {}

/** `tenant_id` leads every key. Set by the tenant scope on insert, never updated. */
export type TenantColumn = ColumnType<string, string | undefined, never>;

/** Epoch milliseconds (UTC) as an integer; `bigint` in PostgreSQL, read back as a number. */
export type Millis = number;

/** JSON kept as text on both engines; stores convert with `toJson`/`fromJson`. */
export type JsonText = string;

export function toJson(value: unknown): JsonText {
  return JSON.stringify(value);
}

export function fromJson<T>(text: JsonText | null | undefined, fallback: T): T {
  return text == null || text === '' ? fallback : (JSON.parse(text) as T);
}
