// Restoring a backup into a new, empty database of the same schema, in one transaction: all of it or nothing.
import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Tables } from '../../db/database.ts';
import { BackupRefused, readHeader, readLine, type BackupHeader } from './backup.format.ts';
import { appliedMigration, countRows, insertRows, readPage, replaceRow, resetIdentity, setColumn, type Row } from './backup.repository.ts';
import { BACKUP_TABLE_NAMES, specOf, type BackupTable } from './backup.tables.ts';

export type RestoreSummary = { header: BackupHeader; tables: number; rows: number };

/** Few enough values a statement for either engine's limit on bound parameters. */
function batchSize(columns: number): number {
  return Math.max(1, Math.min(500, Math.floor(8000 / Math.max(columns, 1))));
}

function openBackup(file: string): Readable {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, 'r');
  } catch (error) {
    throw new BackupRefused(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const magic = Buffer.alloc(2);
  fs.readSync(descriptor, magic, 0, 2, 0);
  const stream = fs.createReadStream('', { fd: descriptor, start: 0 });
  // Gzipped or not is read from the file itself, whatever its name says.
  return magic[0] === 0x1f && magic[1] === 0x8b ? stream.pipe(createGunzip()) : stream;
}

/** Tables holding anything a fresh, migrated database does not. */
export async function occupiedTables(deps: Pick<Deps, 'db'>): Promise<string[]> {
  const occupied: string[] = [];
  for (const table of BACKUP_TABLE_NAMES) {
    if (specOf(table).createdByMigration) {
      const [row] = await readPage(deps.db.kysely, table, null, 1);
      if (row && Number(row.seq ?? 0) !== 0) occupied.push(`${table} (a chain at seq ${String(row.seq)})`);
      continue;
    }
    const rows = await countRows(deps.db.kysely, table);
    if (rows > 0) occupied.push(`${table} (${rows} ${rows === 1 ? 'row' : 'rows'})`);
  }
  return occupied;
}

type TableInProgress = { table: BackupTable; columns: string[]; pending: Row[]; count: number; links: { key: Row; column: string; value: unknown }[] };

class Restorer {
  private readonly trx: Transaction<Tables>;
  private readonly postgres: boolean;
  private current: TableInProgress | null = null;
  private next = 0;
  rows = 0;

  constructor(trx: Transaction<Tables>, postgres: boolean) {
    this.trx = trx;
    this.postgres = postgres;
  }

  start(table: string, columns: string[]): void {
    const expected = BACKUP_TABLE_NAMES[this.next];
    if (this.current) throw new BackupRefused(`table ${table} starts before ${this.current.table} ends: the backup is damaged`);
    if (table !== expected) throw new BackupRefused(`expected table ${expected ?? '(none)'} next, found ${table}: the backup is damaged or from another schema`);
    this.current = { table, columns, pending: [], count: 0, links: [] };
  }

  async row(values: unknown[], lineNumber: number): Promise<void> {
    const current = this.current;
    if (!current) throw new BackupRefused(`line ${lineNumber} is a row outside any table`);
    if (values.length !== current.columns.length) throw new BackupRefused(`line ${lineNumber} has ${values.length} values for ${current.columns.length} columns of ${current.table}`);
    const spec = specOf(current.table);
    const row: Row = Object.fromEntries(current.columns.map((c, i) => [c, values[i]]));
    for (const column of spec.binaries ?? []) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string') throw new BackupRefused(`line ${lineNumber}: ${current.table}.${column} should hold base64 bytes`);
      row[column] = Buffer.from(value, 'base64');
    }
    for (const column of spec.selfReferences ?? []) {
      if (row[column] === null || row[column] === undefined) continue;
      current.links.push({ key: Object.fromEntries(spec.key.map((k) => [k, row[k]])), column, value: row[column] });
      row[column] = null;
    }
    current.count += 1;
    if (spec.createdByMigration) return replaceRow(this.trx, current.table, row);
    current.pending.push(row);
    if (current.pending.length >= batchSize(current.columns.length)) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.current) return;
    await insertRows(this.trx, this.current.table, this.current.pending);
    this.current.pending = [];
  }

  async end(table: string, rows: number): Promise<void> {
    const current = this.current;
    if (!current || current.table !== table) throw new BackupRefused(`the end of table ${table} does not match its start: the backup is damaged`);
    if (current.count !== rows) throw new BackupRefused(`table ${table} should have ${rows} rows but the backup holds ${current.count}: it is damaged`);
    await this.flush();
    for (const link of current.links) await setColumn(this.trx, current.table, link.key, link.column, link.value);
    if (this.postgres && specOf(current.table).key.join() === 'id') await resetIdentity(this.trx, current.table);
    this.rows += current.count;
    this.current = null;
    this.next += 1;
  }

  finish(tables: number, rows: number): void {
    if (this.current || this.next !== BACKUP_TABLE_NAMES.length || tables !== this.next || rows !== this.rows) {
      throw new BackupRefused('the backup’s last line does not match what came before it: the backup is damaged');
    }
  }
}

/**
 * Restores `file` into this database, which must be new: migrated to the backup's migration and holding nothing
 * else. Rows keep their ids, so references, the audit chain and its head come back exactly as they were.
 */
export async function restoreBackup(deps: Pick<Deps, 'db'>, file: string): Promise<RestoreSummary> {
  const { db } = deps;
  const lines = readline.createInterface({ input: openBackup(file), crlfDelay: Infinity })[Symbol.asyncIterator]();
  try {
    const first = await lines.next();
    const header = readHeader(first.done ? undefined : (first.value as string));
    const migration = await appliedMigration(db.kysely);
    if (header.migration !== migration) {
      throw new BackupRefused(`the backup was taken at migration ${header.migration} but this database is at ${migration ?? 'none'}; restore it with the Nolan version that made it`);
    }
    const occupied = await occupiedTables(deps);
    if (occupied.length) {
      throw new BackupRefused(`restore needs a new, empty database, and this one already holds ${occupied.join(', ')}; nothing was changed`);
    }
    return await db.kysely.transaction().execute(async (trx) => {
      const restorer = new Restorer(trx, db.dialect === 'postgres');
      let lineNumber = 1;
      for (;;) {
        const next = await lines.next();
        if (next.done) throw new BackupRefused(`the backup ends at line ${lineNumber} before its last line: it is incomplete; nothing was restored`);
        lineNumber += 1;
        if (!next.value.trim()) continue;
        const line = readLine(next.value, lineNumber);
        if (line.kind === 'row') await restorer.row(line.values, lineNumber);
        else if (line.kind === 'table') restorer.start(line.table, line.columns);
        else if (line.kind === 'tableEnd') await restorer.end(line.table, line.rows);
        else {
          restorer.finish(line.tables, line.rows);
          return { header, tables: line.tables, rows: line.rows };
        }
      }
    });
  } catch (error) {
    // A gzip stream that is not gzip, or is cut short, fails while reading: that is a damaged file, not a bug.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) throw new BackupRefused(`cannot read ${file}: ${error.message}`);
    throw error;
  } finally {
    await lines.return?.();
  }
}
