import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Migrations } from '../store/migrate.js';
import { createTenantIndex, createTenantTable } from '../store/schema.js';

export const sloMigrations: Migrations = {
  '2026-11-22-05-slo': {
    async up(db: Kysely<unknown>) {
      // Minutes and rollups are read as key ranges; without rowid SQLite stores them in key order.
      const clustered = db.getExecutor().adapter instanceof SqliteAdapter ? sql`without rowid` : sql``;
      await createTenantTable(
        db,
        'slo_objects',
        (t) =>
          t
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('model', 'text', (c) => c.notNull())
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('service', 'text')
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['kind', 'name'],
      ).execute();
      await createTenantIndex(db, 'slo_objects', ['service']).execute();
      await createTenantTable(
        db,
        'slo_series',
        (t) =>
          t
            .addColumn('slo', 'text', (c) => c.notNull())
            .addColumn('objective', 'integer', (c) => c.notNull())
            .addColumn('sli', 'text', (c) => c.notNull())
            .addColumn('series', 'text', (c) => c.notNull())
            .addColumn('sli_type', 'text', (c) => c.notNull())
            .addColumn('method', 'text', (c) => c.notNull()),
        ['slo', 'objective'],
      ).execute();
      await createTenantIndex(db, 'slo_series', ['sli']).execute();
      await createTenantTable(
        db,
        'sli_minutes',
        (t) =>
          t
            .addColumn('sli', 'text', (c) => c.notNull())
            .addColumn('series', 'text', (c) => c.notNull())
            .addColumn('minute', 'bigint', (c) => c.notNull())
            .addColumn('good', 'double precision', (c) => c.notNull())
            .addColumn('total', 'double precision', (c) => c.notNull()),
        ['sli', 'series', 'minute'],
      )
        .modifyEnd(clustered)
        .execute();
      await createTenantTable(
        db,
        'sli_values',
        (t) =>
          t
            .addColumn('sli', 'text', (c) => c.notNull())
            .addColumn('t', 'bigint', (c) => c.notNull())
            .addColumn('value', 'double precision', (c) => c.notNull()),
        ['sli', 't'],
      )
        .modifyEnd(clustered)
        .execute();
      for (const table of ['slo_hours', 'slo_days']) {
        await createTenantTable(
          db,
          table,
          (t) =>
            t
              .addColumn('slo', 'text', (c) => c.notNull())
              .addColumn('objective', 'integer', (c) => c.notNull())
              .addColumn('t', 'bigint', (c) => c.notNull())
              .addColumn('good', 'double precision', (c) => c.notNull())
              .addColumn('total', 'double precision', (c) => c.notNull())
              .addColumn('minutes', 'integer', (c) => c.notNull()),
          ['slo', 'objective', 't'],
        )
          .modifyEnd(clustered)
          .execute();
      }
      await createTenantTable(
        db,
        'slo_pull_positions',
        (t) =>
          t
            .addColumn('sli', 'text', (c) => c.notNull())
            .addColumn('pulled_until', 'bigint', (c) => c.notNull())
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['sli'],
      ).execute();
      await createTenantTable(
        db,
        'slo_alerts',
        (t) =>
          t
            .addColumn('alert_id', 'text', (c) => c.notNull())
            .addColumn('slo', 'text', (c) => c.notNull())
            .addColumn('objective', 'integer', (c) => c.notNull())
            .addColumn('severity', 'text', (c) => c.notNull())
            .addColumn('started_at', 'bigint', (c) => c.notNull())
            .addColumn('ended_at', 'bigint')
            .addColumn('details', 'text', (c) => c.notNull()),
        ['alert_id'],
      ).execute();
      await createTenantIndex(db, 'slo_alerts', ['slo', 'started_at']).execute();
      await createTenantTable(
        db,
        'slo_targets',
        (t) =>
          t
            .addColumn('target_id', 'text', (c) => c.notNull())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('url', 'text', (c) => c.notNull())
            .addColumn('secret', 'text')
            .addColumn('created_at', 'bigint', (c) => c.notNull()),
        ['target_id'],
      ).execute();
      await createTenantTable(
        db,
        'slo_deliveries',
        (t) =>
          t
            .addColumn('delivery_id', 'text', (c) => c.notNull())
            .addColumn('target_id', 'text', (c) => c.notNull())
            .addColumn('alert_id', 'text', (c) => c.notNull())
            .addColumn('event', 'text', (c) => c.notNull())
            .addColumn('body', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('attempts', 'integer', (c) => c.notNull())
            .addColumn('next_attempt_at', 'bigint')
            .addColumn('created_at', 'bigint', (c) => c.notNull()),
        ['delivery_id'],
      ).execute();
      await createTenantIndex(db, 'slo_deliveries', ['status', 'next_attempt_at']).execute();
      await createTenantTable(
        db,
        'slo_delivery_attempts',
        (t) =>
          t
            .addColumn('delivery_id', 'text', (c) => c.notNull())
            .addColumn('attempt', 'integer', (c) => c.notNull())
            .addColumn('at', 'bigint', (c) => c.notNull())
            .addColumn('ok', 'integer', (c) => c.notNull())
            .addColumn('response_code', 'integer')
            .addColumn('error', 'text')
            .addColumn('next_retry_at', 'bigint'),
        ['delivery_id', 'attempt'],
      ).execute();
    },
  },
};
