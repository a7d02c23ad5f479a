// Column helpers for migrations, so one frozen file creates the same schema on SQLite and PostgreSQL.
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer primary key the database numbers itself. */
export function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Booleans are native on PostgreSQL and 0/1 integers on SQLite. */
export function boolType(db: AnyDb) {
  return isPostgres(db) ? sql`boolean` : sql`integer`;
}

export function falseDefault(db: AnyDb) {
  return isPostgres(db) ? sql`false` : sql`0`;
}
