import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely';
import type { Tables } from './tables.js';

/** Migrations are named `YYYY-MM-DD-NN-capability-what` so that capabilities interleave in time order. */
export type Migrations = Record<string, Migration>;

export async function migrateToLatest(
  db: Kysely<Tables>,
  migrations: Migrations,
): Promise<{ applied: string[] }> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${cause}`.trim());
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of migrations not yet applied; `/readyz` answers ready only when this is empty. */
export async function pendingMigrations(db: Kysely<Tables>, migrations: Migrations): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
