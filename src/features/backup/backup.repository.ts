// All SQL of backup and restore. Tables are named at run time, so queries go through an untyped handle.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Dialect } from '../../db/create-db.ts';
import type { AnyDb } from '../../db/migrations/dialect.ts';
import { MIGRATOR_TABLES, specOf, type BackupTable } from './backup.tables.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type Row = Record<string, unknown>;

function untyped(q: Q): AnyDb {
  return q as unknown as AnyDb;
}

/**
 * The tables that exist in the database, whatever the list in backup.tables.ts says. On SQLite, only ordinary
 * tables: the enquiry search index is an FTS5 virtual table with shadow tables of its own, which hold nothing
 * but words taken from enquiries. A backup leaves them out on purpose; restoring the enquiries fills the index
 * again through its triggers, so it can never disagree with the rows it indexes.
 */
export async function schemaTables(q: Q, dialect: Dialect): Promise<string[]> {
  const result =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(q)
      : await sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%'`.execute(q);
  return result.rows.map((r) => r.name).filter((name) => !MIGRATOR_TABLES.includes(name)).sort();
}

/** Columns PostgreSQL stores as booleans, as table.column: each must be listed in backup.tables.ts. */
export async function postgresBooleanColumns(q: Q): Promise<string[]> {
  const result = await sql<{ name: string }>`select table_name || '.' || column_name as name from information_schema.columns
    where table_schema = current_schema() and data_type = 'boolean'`.execute(q);
  return result.rows.map((r) => r.name).sort();
}

export async function appliedMigration(q: Q): Promise<string | null> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(q);
  return result.rows[0]?.name ?? null;
}

export async function countRows(q: Q, table: BackupTable): Promise<number> {
  const row = await untyped(q).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The next page of a table after the row whose key is `after` (the first page when null), in key order. */
export async function readPage(q: Q, table: BackupTable, after: unknown[] | null, limit: number): Promise<Row[]> {
  const key = [...specOf(table).key];
  let query = untyped(q).selectFrom(table).selectAll();
  if (after) {
    // A row value comparison, (a, b) > (x, y), pages through composite keys in the same order as ORDER BY.
    query =
      key.length === 1
        ? query.where(key[0]!, '>', after[0])
        : query.where(sql<boolean>`(${sql.join(key.map((k) => sql.ref(k)))}) > (${sql.join(after)})`);
  }
  for (const k of key) query = query.orderBy(k);
  return (await query.limit(limit).execute()) as Row[];
}

export async function insertRows(q: Q, table: BackupTable, rows: Row[]): Promise<void> {
  if (rows.length) await untyped(q).insertInto(table).values(rows).execute();
}

/** For a table whose only row the migration made: the backup's row replaces it. */
export async function replaceRow(q: Q, table: BackupTable, row: Row): Promise<void> {
  const key = specOf(table).key;
  let query = untyped(q).updateTable(table).set(row);
  for (const k of key) query = query.where(k, '=', row[k]);
  await query.execute();
}

export async function setColumn(q: Q, table: BackupTable, keyValues: Row, column: string, value: unknown): Promise<void> {
  let query = untyped(q).updateTable(table).set({ [column]: value });
  for (const [k, v] of Object.entries(keyValues)) query = query.where(k, '=', v);
  await query.execute();
}

/**
 * PostgreSQL's identity columns keep their own counter, which rows inserted with their ids do not move: set it
 * past the highest id so that the next row the app adds gets a new one. (SQLite's AUTOINCREMENT follows by itself.)
 */
export async function resetIdentity(q: Q, table: BackupTable): Promise<void> {
  const sequence = await sql<{ name: string | null }>`select pg_get_serial_sequence(${table}, 'id') as name`.execute(q);
  const name = sequence.rows[0]?.name;
  if (!name) return;
  await sql`select setval(${name}, coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(q);
}
