import { type Kysely, sql } from 'kysely';
import type { Migrations } from '../store/migrate.js';
import { createTenantIndex, createTenantTable } from '../store/schema.js';

export const ledgerMigrations: Migrations = {
  '2026-11-22-03-ledger': {
    async up(db: Kysely<unknown>) {
      await createTenantTable(
        db,
        'ledger_events',
        (t) =>
          t
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('event_id', 'text', (c) => c.notNull())
            .addColumn('type', 'text', (c) => c.notNull())
            .addColumn('occurred_at', 'bigint', (c) => c.notNull())
            .addColumn('received_at', 'bigint', (c) => c.notNull())
            .addColumn('raw', 'text', (c) => c.notNull())
            .addColumn('fact_count', 'integer', (c) => c.notNull())
            .addColumn('unmatched', 'integer', (c) => c.notNull())
            .addColumn('repo', 'text'),
        ['source', 'event_id'],
      ).execute();
      await createTenantIndex(db, 'ledger_events', ['received_at']).execute();
      // Partial: only the few unmatched events are indexed, so matched ones cost nothing extra to insert.
      await createTenantIndex(db, 'ledger_events', ['unmatched', 'repo'])
        .where(sql.ref('unmatched'), '=', 1)
        .execute();

      await createTenantTable(
        db,
        'ledger_facts',
        (t) =>
          t
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('entity_id', 'text', (c) => c.notNull())
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('event_id', 'text', (c) => c.notNull())
            .addColumn('seq', 'integer', (c) => c.notNull())
            .addColumn('occurred_at', 'bigint', (c) => c.notNull())
            .addColumn('fact', 'text', (c) => c.notNull()),
        ['kind', 'entity_id', 'source', 'event_id', 'seq'],
      ).execute();

      await createTenantTable(
        db,
        'commits',
        (t) =>
          t
            .addColumn('repo', 'text', (c) => c.notNull())
            .addColumn('sha', 'text', (c) => c.notNull())
            .addColumn('parents', 'text', (c) => c.notNull())
            .addColumn('authored_at', 'bigint', (c) => c.notNull())
            .addColumn('committed_at', 'bigint', (c) => c.notNull())
            .addColumn('author', 'text')
            .addColumn('work_items', 'text', (c) => c.notNull()),
        ['repo', 'sha'],
      ).execute();

      await createTenantTable(
        db,
        'changes',
        (t) =>
          t
            .addColumn('change_id', 'text', (c) => c.notNull())
            .addColumn('repo', 'text')
            .addColumn('service', 'text')
            .addColumn('number', 'integer')
            .addColumn('title', 'text')
            .addColumn('state', 'text', (c) => c.notNull())
            .addColumn('opened_at', 'bigint')
            .addColumn('first_commit_at', 'bigint')
            .addColumn('first_review_at', 'bigint')
            .addColumn('merged_at', 'bigint')
            .addColumn('merge_sha', 'text')
            .addColumn('head_sha', 'text')
            .addColumn('commits', 'text', (c) => c.notNull())
            .addColumn('work_items', 'text', (c) => c.notNull())
            .addColumn('url', 'text')
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['change_id'],
      ).execute();
      await createTenantIndex(db, 'changes', ['repo', 'merge_sha']).execute();
      await createTenantIndex(db, 'changes', ['updated_at']).execute();

      await createTenantTable(
        db,
        'runs',
        (t) =>
          t
            .addColumn('run_id', 'text', (c) => c.notNull())
            .addColumn('category', 'text', (c) => c.notNull())
            .addColumn('repo', 'text')
            .addColumn('service', 'text')
            .addColumn('name', 'text')
            .addColumn('sha', 'text')
            .addColumn('ref', 'text')
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('started_at', 'bigint')
            .addColumn('finished_at', 'bigint')
            .addColumn('url', 'text')
            .addColumn('as_of', 'bigint', (c) => c.notNull()),
        ['run_id'],
      ).execute();
      await createTenantIndex(db, 'runs', ['sha']).execute();

      await createTenantTable(
        db,
        'artifacts',
        (t) =>
          t
            .addColumn('artifact_id', 'text', (c) => c.notNull())
            .addColumn('action', 'text', (c) => c.notNull())
            .addColumn('repo', 'text')
            .addColumn('service', 'text')
            .addColumn('version', 'text')
            .addColumn('sha', 'text')
            .addColumn('at', 'bigint', (c) => c.notNull())
            .addColumn('url', 'text'),
        ['artifact_id', 'action'],
      ).execute();

      await createTenantTable(
        db,
        'deployments',
        (t) =>
          t
            .addColumn('deployment_id', 'text', (c) => c.notNull())
            .addColumn('run_id', 'text')
            .addColumn('service', 'text')
            .addColumn('repo', 'text')
            .addColumn('environment', 'text', (c) => c.notNull())
            .addColumn('version', 'text')
            .addColumn('sha', 'text')
            .addColumn('ref', 'text')
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('started_at', 'bigint')
            .addColumn('finished_at', 'bigint')
            .addColumn('intent', 'text')
            .addColumn('description', 'text')
            .addColumn('url', 'text')
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('as_of', 'bigint', (c) => c.notNull())
            .addColumn('kind', 'text')
            .addColumn('previous_id', 'text')
            .addColumn('derive_state', 'text', (c) => c.notNull())
            .addColumn('dirty_gen', 'integer', (c) => c.notNull().defaultTo(0))
            .addColumn('shipped_count', 'integer')
            .addColumn('changed_at', 'bigint', (c) => c.notNull()),
        ['deployment_id'],
      ).execute();
      await createTenantIndex(db, 'deployments', ['service', 'environment', 'finished_at']).execute();
      await createTenantIndex(db, 'deployments', ['derive_state']).execute();
      await createTenantIndex(db, 'deployments', ['changed_at']).execute();

      await createTenantTable(
        db,
        'deployment_changes',
        (t) =>
          t
            .addColumn('deployment_id', 'text', (c) => c.notNull())
            .addColumn('sha', 'text', (c) => c.notNull())
            .addColumn('repo', 'text', (c) => c.notNull())
            .addColumn('authored_at', 'bigint', (c) => c.notNull())
            .addColumn('committed_at', 'bigint', (c) => c.notNull())
            .addColumn('work_items', 'text', (c) => c.notNull()),
        ['deployment_id', 'sha'],
      ).execute();
      await createTenantIndex(db, 'deployment_changes', ['sha']).execute();

      await createTenantTable(
        db,
        'source_incidents',
        (t) =>
          t
            .addColumn('incident_id', 'text', (c) => c.notNull())
            .addColumn('service', 'text')
            .addColumn('repo', 'text')
            .addColumn('environment', 'text')
            .addColumn('title', 'text')
            .addColumn('severity', 'text')
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('detected_at', 'bigint')
            .addColumn('resolved_at', 'bigint')
            .addColumn('url', 'text')
            .addColumn('deployment_id', 'text')
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('as_of', 'bigint', (c) => c.notNull())
            .addColumn('changed_at', 'bigint', (c) => c.notNull()),
        ['incident_id'],
      ).execute();
      await createTenantIndex(db, 'source_incidents', ['changed_at']).execute();
      await createTenantIndex(db, 'source_incidents', ['service', 'detected_at']).execute();

      await createTenantTable(
        db,
        'repo_mappings',
        (t) =>
          t
            .addColumn('pattern', 'text', (c) => c.notNull())
            .addColumn('service', 'text', (c) => c.notNull())
            .addColumn('created_at', 'bigint', (c) => c.notNull()),
        ['pattern'],
      ).execute();

      await createTenantTable(
        db,
        'source_secrets',
        (t) =>
          t
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('secret_id', 'text', (c) => c.notNull())
            .addColumn('secret', 'text', (c) => c.notNull())
            .addColumn('created_at', 'bigint', (c) => c.notNull())
            .addColumn('expires_at', 'bigint'),
        ['source', 'secret_id'],
      ).execute();

      await createTenantTable(
        db,
        'ingest_counters',
        (t) =>
          t
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('day', 'text', (c) => c.notNull())
            .addColumn('accepted', 'integer', (c) => c.notNull())
            .addColumn('duplicate', 'integer', (c) => c.notNull())
            .addColumn('rejected', 'integer', (c) => c.notNull())
            .addColumn('unauthorized', 'integer', (c) => c.notNull())
            .addColumn('last_error', 'text')
            .addColumn('last_error_at', 'bigint'),
        ['source', 'day'],
      ).execute();
    },
  },
};
