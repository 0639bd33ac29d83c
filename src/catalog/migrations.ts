import type { Kysely } from 'kysely';
import type { Migrations } from '../store/migrate.js';
import { createTenantIndex, createTenantTable } from '../store/schema.js';

export const catalogMigrations: Migrations = {
  '2026-11-22-02-catalog': {
    async up(db: Kysely<unknown>) {
      await createTenantTable(
        db,
        'services',
        (t) =>
          t
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('title', 'text')
            .addColumn('description', 'text')
            .addColumn('owner', 'text')
            .addColumn('system', 'text')
            .addColumn('tier', 'integer')
            .addColumn('lifecycle', 'text', (c) => c.notNull())
            .addColumn('type', 'text', (c) => c.notNull())
            .addColumn('repository_urls', 'text', (c) => c.notNull())
            .addColumn('environments', 'text', (c) => c.notNull())
            .addColumn('depends_on', 'text', (c) => c.notNull())
            .addColumn('tags', 'text', (c) => c.notNull())
            .addColumn('links', 'text', (c) => c.notNull())
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['name'],
      ).execute();
      await createTenantIndex(db, 'services', ['owner']).execute();
      await createTenantIndex(db, 'services', ['system']).execute();

      await createTenantTable(
        db,
        'service_dependencies',
        (t) =>
          t
            .addColumn('service', 'text', (c) => c.notNull())
            .addColumn('target', 'text', (c) => c.notNull())
            .addColumn('target_kind', 'text', (c) => c.notNull())
            .addColumn('target_name', 'text', (c) => c.notNull()),
        ['service', 'target'],
      ).execute();
      await createTenantIndex(db, 'service_dependencies', ['target_kind', 'target_name']).execute();

      await createTenantTable(
        db,
        'teams',
        (t) =>
          t
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('title', 'text')
            .addColumn('description', 'text')
            .addColumn('email', 'text')
            .addColumn('parent', 'text')
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['name'],
      ).execute();

      await createTenantTable(
        db,
        'team_members',
        (t) =>
          t
            .addColumn('team', 'text', (c) => c.notNull())
            .addColumn('person', 'text', (c) => c.notNull())
            .addColumn('via', 'text', (c) => c.notNull()),
        ['team', 'person', 'via'],
      ).execute();
      await createTenantIndex(db, 'team_members', ['person']).execute();

      await createTenantTable(
        db,
        'people',
        (t) =>
          t
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('display_name', 'text')
            .addColumn('email', 'text')
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['name'],
      ).execute();

      await createTenantTable(
        db,
        'systems',
        (t) =>
          t
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('title', 'text')
            .addColumn('description', 'text')
            .addColumn('owner', 'text')
            .addColumn('domain', 'text')
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['name'],
      ).execute();

      await createTenantTable(
        db,
        'catalog_entities',
        (t) =>
          t
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('namespace', 'text', (c) => c.notNull())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('title', 'text')
            .addColumn('metadata', 'text', (c) => c.notNull())
            .addColumn('spec', 'text', (c) => c.notNull())
            .addColumn('source_file', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'bigint', (c) => c.notNull()),
        ['kind', 'namespace', 'name'],
      ).execute();
    },
  },
};
