// Applies the frozen migrations in order; a failure stops everything with the migration's name.
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Db } from './create-db.ts';
import { migrations } from './migrations/index.ts';

export class MigrationError extends Error {
  readonly migration: string;
  constructor(migration: string, cause: unknown) {
    super(`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.migration = migration;
  }
}

const provider: MigrationProvider = {
  getMigrations: async () => migrations as Record<string, Migration>,
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) throw new MigrationError(failed?.migrationName ?? 'unknown', error);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export function latestMigrationName(): string {
  return Object.keys(migrations).sort().at(-1) ?? '';
}
