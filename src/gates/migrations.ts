import type { Kysely } from 'kysely';
import type { Migrations } from '../store/migrate.js';
import { createTenantIndex, createTenantTable } from '../store/schema.js';

export const gatesMigrations: Migrations = {
  '2026-11-29-01-gates': {
    async up(db: Kysely<unknown>) {
      await createTenantTable(
        db,
        'gate_policy_versions',
        (t) =>
          t
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('version', 'integer', (c) => c.notNull())
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('model', 'text', (c) => c.notNull())
            .addColumn('created_at', 'bigint', (c) => c.notNull())
            .addColumn('created_by', 'text', (c) => c.notNull()),
        ['name', 'version'],
      ).execute();
      await createTenantTable(
        db,
        'gate_decisions',
        (t) =>
          t
            .addColumn('decision_id', 'text', (c) => c.notNull())
            .addColumn('service', 'text', (c) => c.notNull())
            .addColumn('environment', 'text', (c) => c.notNull())
            .addColumn('sha', 'text')
            .addColumn('version', 'text')
            .addColumn('change_type', 'text', (c) => c.notNull())
            .addColumn('outcome', 'text', (c) => c.notNull())
            .addColumn('bypass', 'integer', (c) => c.notNull())
            .addColumn('policy_name', 'text')
            .addColumn('policy_version', 'integer')
            .addColumn('rules', 'text', (c) => c.notNull())
            .addColumn('summary', 'text', (c) => c.notNull())
            .addColumn('inputs', 'text', (c) => c.notNull())
            .addColumn('origin', 'text', (c) => c.notNull())
            .addColumn('owner', 'text')
            .addColumn('created_at', 'bigint', (c) => c.notNull())
            .addColumn('created_by', 'text', (c) => c.notNull())
            .addColumn('expires_at', 'bigint'),
        ['decision_id'],
      ).execute();
      await createTenantIndex(db, 'gate_decisions', ['created_at']).execute();
      await createTenantIndex(db, 'gate_decisions', ['service', 'created_at']).execute();
      await createTenantIndex(db, 'gate_decisions', ['sha']).execute();
      await createTenantIndex(db, 'gate_decisions', ['outcome', 'expires_at']).execute();
      await createTenantTable(
        db,
        'gate_resolutions',
        (t) =>
          t
            .addColumn('decision_id', 'text', (c) => c.notNull())
            .addColumn('outcome', 'text', (c) => c.notNull())
            .addColumn('by', 'text', (c) => c.notNull())
            .addColumn('comment', 'text')
            .addColumn('at', 'bigint', (c) => c.notNull()),
        ['decision_id'],
      ).execute();
      await createTenantTable(
        db,
        'gate_reviews',
        (t) =>
          t
            .addColumn('review_id', 'text', (c) => c.notNull())
            .addColumn('decision_id', 'text', (c) => c.notNull())
            .addColumn('service', 'text', (c) => c.notNull())
            .addColumn('environment', 'text', (c) => c.notNull())
            .addColumn('reason', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('created_at', 'bigint', (c) => c.notNull()),
        ['review_id'],
      ).execute();
      await createTenantTable(
        db,
        'gate_github_apps',
        (t) =>
          t
            .addColumn('key', 'text', (c) => c.notNull())
            .addColumn('app_id', 'text', (c) => c.notNull())
            .addColumn('private_key', 'text', (c) => c.notNull())
            .addColumn('api_url', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['key'],
      ).execute();
      await createTenantTable(
        db,
        'gate_callbacks',
        (t) =>
          t
            .addColumn('event_id', 'text', (c) => c.notNull())
            .addColumn('decision_id', 'text')
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('state', 'text')
            .addColumn('attempts', 'integer', (c) => c.notNull())
            .addColumn('response_code', 'integer')
            .addColumn('error', 'text')
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['event_id'],
      ).execute();
    },
  },
};
