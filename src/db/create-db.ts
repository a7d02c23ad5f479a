// Opens the database: PostgreSQL when a URL is given, otherwise SQLite through node:sqlite.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue, type SQLOutputValue } from 'node:sqlite';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Tables } from './database.ts';
import { tableWrites } from './table-writes.ts';
import { postgresChangeFeed, sqliteChangeFeed, type ChangeFeed, type ChangeListener } from './change-feed.ts';

export type Dialect = 'sqlite' | 'postgres';

export type Db = {
  kysely: Kysely<Tables>;
  dialect: Dialect;
  /** Where the data lives, for messages: a file path or the database name. */
  location: string;
  /** Starts hearing about writes made outside this process (change-feed.ts). */
  watchChanges(listener: ChangeListener): ChangeFeed;
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

/**
 * Turns a row read as an array into a plain object with the statement's column names, through a function written
 * for those columns. node:sqlite's own row objects have a null prototype and would each need copying to compare
 * and serialise like PostgreSQL's; reading arrays and building objects of one fixed shape is three times cheaper.
 */
export function rowMaker(columns: readonly string[]): (values: readonly SQLOutputValue[]) => Record<string, SQLOutputValue> {
  // A column named __proto__ would set the prototype in an object literal; such a statement takes the slow road.
  if (columns.includes('__proto__')) return (values) => Object.fromEntries(columns.map((name, i) => [name, values[i]!]));
  const fields = columns.map((name, i) => `${JSON.stringify(name)}: values[${i}]`).join(', ');
  return new Function('values', `return { ${fields} };`) as (values: readonly SQLOutputValue[]) => Record<string, SQLOutputValue>;
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
      const columns = statement.columns().map((c) => c.name);
      const reader = columns.length > 0;
      const toRow = rowMaker(columns);
      if (reader) statement.setReturnArrays(true);
      const wrapped: SqliteStatement = {
        reader,
        all: (parameters) => (statement.all(...parameters.map(toSqlite)) as unknown as SQLOutputValue[][]).map(toRow),
        run: (parameters) => {
          const result = statement.run(...parameters.map(toSqlite));
          return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
        },
        iterate: function* (parameters) {
          for (const values of statement.iterate(...parameters.map(toSqlite)) as unknown as Iterable<SQLOutputValue[]>) yield toRow(values);
        },
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
  // No memory-mapped reads: mapped pages count towards the process's resident memory, and a large database
  // would hold hundreds of megabytes of it. The lists read a page of rows through indexes (a few hundred pages
  // of the file), which SQLite's own page cache and the system's file cache serve as quickly.
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  return database;
}

export function createSqliteDb(file: string): Db {
  const database = openSqliteFile(file);
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqliteAdapter(database) }), plugins: [tableWrites] });
  return { kysely, dialect: 'sqlite', location: file, watchChanges: (listener) => sqliteChangeFeed(database, listener), destroy: () => kysely.destroy() };
}

/** SELECT texts given a name so far, process-wide: a name always stands for one text on every connection. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 500;

/**
 * Reads are prepared once per connection and then only bound and run: the list's statement is long, and parsing
 * and planning it on every page cost PostgreSQL more than running it. Only SELECTs with parameters are named,
 * and only the first few hundred distinct texts, so a connection holds a bounded set.
 */
class PreparingClient extends pg.Client {
  // @ts-expect-error pg's query has many overloads; Kysely calls only query(text, values).
  override query(config: unknown, values?: unknown, callback?: unknown) {
    if (typeof config === 'string' && Array.isArray(values) && values.length && /^select\s/i.test(config)) {
      let name = statementNames.get(config);
      if (!name && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(config, (name = `nolan_${statementNames.size + 1}`));
      if (name) return super.query({ name, text: config, values } as pg.QueryConfig, callback as never);
    }
    return super.query(config as string, values as unknown[], callback as never);
  }
}

export function createPostgresDb(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient as unknown as typeof pg.Client });
  // An idle connection the server closes (a restart, a failover, an administrator) is dropped from the pool and
  // the next query opens a new one. Without a listener, node-postgres rethrows it and the whole process stops.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, 'NolanDatabaseWarning'));
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: [tableWrites] });
  const name = new URL(url).pathname.replace(/^\//, '') || 'postgres';
  return { kysely, dialect: 'postgres', location: `PostgreSQL database ${name}`, watchChanges: (listener) => postgresChangeFeed(url, listener), destroy: () => kysely.destroy() };
}

export function createDb(options: { databaseUrl?: string | undefined; dataDir: string }): Db {
  if (options.databaseUrl) return createPostgresDb(options.databaseUrl);
  return createSqliteDb(path.join(options.dataDir, 'nolan.sqlite'));
}
