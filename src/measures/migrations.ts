import type { Kysely } from 'kysely';
import type { Migrations } from '../store/migrate.js';
import { createTenantIndex, createTenantTable } from '../store/schema.js';

const counters = [
  'deployments',
  'failed',
  'unplanned',
  'changes',
  'excluded_first',
  'excluded_unknown',
  'dropped_authored',
  'dropped_committed',
  'dropped_pr_opened',
  'dropped_pr_first_commit',
  'no_pr',
  'unrecovered',
];
const lists = ['lt_authored', 'lt_committed', 'lt_pr_opened', 'lt_pr_first_commit', 'recovery'];

export const measuresMigrations: Migrations = {
  '2026-11-22-04-measures': {
    async up(db: Kysely<unknown>) {
      for (const [table, period] of [
        ['dora_daily', 'day'],
        ['dora_weekly', 'week'],
      ] as const) {
        await createTenantTable(
          db,
          table,
          (t) => {
            let b = t
              .addColumn('service', 'text', (c) => c.notNull())
              .addColumn('environment', 'text', (c) => c.notNull())
              .addColumn(period, 'text', (c) => c.notNull());
            for (const n of counters) b = b.addColumn(n, 'integer', (c) => c.notNull());
            for (const n of lists) b = b.addColumn(n, 'text', (c) => c.notNull());
            if (period === 'week') b = b.addColumn('active_days', 'text', (c) => c.notNull());
            return b.addColumn('computed_at', 'bigint', (c) => c.notNull());
          },
          // Period first after the tenant: window queries over all services read one contiguous range.
          ['environment', period, 'service'],
        ).execute();
      }
      await db.schema
        .createIndex('dora_weekly_service_idx')
        .on('dora_weekly')
        .columns(['tenant_id', 'service', 'environment', 'week'])
        .execute();
      await db.schema
        .createIndex('dora_daily_service_idx')
        .on('dora_daily')
        .columns(['tenant_id', 'service', 'environment', 'day'])
        .execute();
      // The rollup rebuild looks deployments up by what they restored, incidents by the deployment
      // they name, and pull requests by merge or head sha: without these each lookup scans the table.
      await createTenantIndex(db, 'deployments', ['previous_id']).execute();
      await createTenantIndex(db, 'source_incidents', ['deployment_id']).execute();
      await createTenantIndex(db, 'changes', ['merge_sha']).execute();
      await createTenantIndex(db, 'changes', ['head_sha']).execute();
      await createTenantTable(
        db,
        'dora_state',
        (t) =>
          t
            .addColumn('attribution_window_hours', 'integer', (c) => c.notNull())
            .addColumn('levels_version', 'text', (c) => c.notNull())
            .addColumn('lead_time_start', 'text', (c) => c.notNull())
            .addColumn('rollup_time_zone', 'text')
            .addColumn('rollup_window_hours', 'integer')
            .addColumn('watermark', 'bigint', (c) => c.notNull()),
        [],
      ).execute();
    },
  },
};
