// A fresh, migrated database for one test file, on the engine this run uses.
// PostgreSQL: a new database copied from the run's migrated template (CREATE DATABASE … TEMPLATE …).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresDb, createSqliteDb, type Db } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';
import { postgresAdminUrl, postgresUrlFor, testEngine } from './engines.ts';
import { useAuditKey } from '../../src/features/audit/audit-key.ts';

/** The audit key tests append with, in this process and in the `nolan` commands they run. */
export const TEST_AUDIT_KEY = 'test-audit-key-test-audit-key-0123456789';

export type TestDb = Db & { url: string | undefined; drop(): Promise<void> };

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client(postgresAdminUrl);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createTestDb(options: { poolSize?: number } = {}): Promise<TestDb> {
  useAuditKey(TEST_AUDIT_KEY);
  if (testEngine === 'postgres') {
    const name = `nolan_t_${randomBytes(6).toString('hex')}`;
    const template = process.env.NOLAN_TEST_PG_TEMPLATE;
    await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
    const url = postgresUrlFor(name);
    const db = createPostgresDb(url, options.poolSize ?? 5);
    if (!template) await migrateToLatest(db);
    let dropped = false;
    return {
      ...db,
      url,
      destroy: db.destroy,
      async drop() {
        if (dropped) return;
        dropped = true;
        await db.destroy();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-test-'));
  const db = createSqliteDb(path.join(dir, 'nolan.sqlite'));
  await migrateToLatest(db);
  let dropped = false;
  return {
    ...db,
    url: undefined,
    async drop() {
      if (dropped) return;
      dropped = true;
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a second connection (pool) to the same database, as another app instance would. */
export function connectAgain(db: TestDb, poolSize = 5): Db {
  if (db.dialect === 'postgres' && db.url) return createPostgresDb(db.url, poolSize);
  return createSqliteDb(db.location);
}

/** Runs `work` on a fresh database of its own, dropped afterwards whatever happens. */
export async function withTestDb(work: (db: TestDb) => Promise<void>): Promise<void> {
  const db = await createTestDb();
  try {
    await work(db);
  } finally {
    await db.drop();
  }
}
