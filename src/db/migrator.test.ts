import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb } from '../../test/support/db.ts';
import { latestMigrationName, MigrationError, migrateToLatest } from './migrator.ts';

it('applies every migration once; a second run applies none', async () => {
  const db = await createTestDb();
  try {
    assert.deepEqual(await migrateToLatest(db), []);
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.kysely);
    assert.equal(rows.rows.at(-1)?.name, latestMigrationName());
  } finally {
    await db.drop();
  }
});

it('a failed migration stops with its name, and leaves nothing half-applied', async () => {
  const db = await createTestDb();
  try {
    await sql`drop table kysely_migration`.execute(db.kysely);
    await sql`drop table kysely_migration_lock`.execute(db.kysely);
    // The foundation's tables already exist, so applying it again must fail.
    await assert.rejects(migrateToLatest(db), (error: unknown) => error instanceof MigrationError && error.migration === '0001_foundation');
  } finally {
    await db.drop();
  }
});
