// Opens the database: PostgreSQL when a URL is given, otherwise SQLite through node:sqlite.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Tables } from './database.ts';
import { tableWrites } from './table-writes.ts';

export type Dialect = 'sqlite' | 'postgres';

export type Db = {
  kysely: Kysely<Tables>;
  dialect: Dialect;
  /** Where the data lives, for messages: a file path or the database name. */
  location: string;
  destroy(): Promise<void>;
};

// COUNT(*) and other bigint results arrive as strings by default; every count Nolan keeps fits a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

function toSqlite(value: unknown): SQLInputValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value as SQLInputValue;
}

/** Kysely's SqliteDialect takes any object with prepare() and close(); node:sqlite needs only this much. */
export function sqliteAdapter(database: DatabaseSync): SqliteDatabase {
  // Preparing a statement costs more than running most of Nolan's queries: each distinct SQL text is prepared
  // once and kept (the texts are few: values are always parameters). Statements run synchronously, one at a time.
  const prepared = new Map<string, SqliteStatement>();
  return {
    close: () => {
      prepared.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = prepared.get(sql);
      if (cached) return cached;
      const statement = database.prepare(sql);
      const reader = statement.columns().length > 0;
      const wrapped: SqliteStatement = {
        reader,
        // node:sqlite returns null-prototype rows; plain objects compare and serialise like PostgreSQL's.
        all: (parameters) => statement.all(...parameters.map(toSqlite)).map((row) => ({ ...row })),
        run: (parameters) => {
          const result = statement.run(...parameters.map(toSqlite));
          return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
        },
        iterate: (parameters) => statement.iterate(...parameters.map(toSqlite)),
      };
      if (prepared.size >= 1000) prepared.clear();
      prepared.set(sql, wrapped);
      return wrapped;
    },
  };
}

export function openSqliteFile(file: string): DatabaseSync {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
  // Reads map the file rather than copying each page through a small page cache: lists that join a page of rows
  // scattered over a large table stay cheap. Only the pages touched are resident.
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA mmap_size = 268435456;');
  return database;
}

export function createSqliteDb(file: string): Db {
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqliteAdapter(openSqliteFile(file)) }), plugins: [tableWrites] });
  return { kysely, dialect: 'sqlite', location: file, destroy: () => kysely.destroy() };
}

export function createPostgresDb(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (a restart, a failover, an administrator) is dropped from the pool and
  // the next query opens a new one. Without a listener, node-postgres rethrows it and the whole process stops.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, 'NolanDatabaseWarning'));
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: [tableWrites] });
  const name = new URL(url).pathname.replace(/^\//, '') || 'postgres';
  return { kysely, dialect: 'postgres', location: `PostgreSQL database ${name}`, destroy: () => kysely.destroy() };
}

export function createDb(options: { databaseUrl?: string | undefined; dataDir: string }): Db {
  if (options.databaseUrl) return createPostgresDb(options.databaseUrl);
  return createSqliteDb(path.join(options.dataDir, 'nolan.sqlite'));
}
