import type { Kysely } from 'kysely';
import type { Migrations } from '../store/migrate.js';
import { createTenantTable } from '../store/schema.js';

export const accessMigrations: Migrations = {
  '2026-11-22-01-access': {
    async up(db: Kysely<unknown>) {
      // The tenants table is keyed by tenant_id alone: the tenant is its own row.
      await db.schema
        .createTable('tenants')
        .addColumn('tenant_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await createTenantTable(
        db,
        'users',
        (t) =>
          t
            .addColumn('user_id', 'text', (c) => c.notNull())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('email', 'text')
            .addColumn('role', 'text', (c) => c.notNull())
            .addColumn('created_at', 'bigint', (c) => c.notNull()),
        ['user_id'],
      ).execute();
      await createTenantTable(
        db,
        'tokens',
        (t) =>
          t
            .addColumn('token_id', 'text', (c) => c.notNull())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('role', 'text', (c) => c.notNull())
            .addColumn('user_id', 'text')
            .addColumn('secret_hash', 'text', (c) => c.notNull())
            .addColumn('created_at', 'bigint', (c) => c.notNull())
            .addColumn('created_by', 'text')
            .addColumn('expires_at', 'bigint')
            .addColumn('revoked_at', 'bigint')
            .addColumn('last_used_at', 'bigint'),
        ['token_id'],
      ).execute();
      await createTenantTable(
        db,
        'sessions',
        (t) =>
          t
            .addColumn('session_id', 'text', (c) => c.notNull())
            .addColumn('token_id', 'text', (c) => c.notNull())
            .addColumn('secret_hash', 'text', (c) => c.notNull())
            .addColumn('created_at', 'bigint', (c) => c.notNull())
            .addColumn('expires_at', 'bigint', (c) => c.notNull()),
        ['session_id'],
      ).execute();
      await createTenantTable(
        db,
        'leases',
        (t) =>
          t
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('holder', 'text', (c) => c.notNull())
            .addColumn('expires_at', 'bigint', (c) => c.notNull()),
        ['name'],
      ).execute();
    },
  },
};
