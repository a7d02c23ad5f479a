// Writing a backup: every table, a page at a time in key order, from one consistent snapshot of the database.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Tables } from '../../db/database.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './backup.format.ts';
import { appliedMigration, readPage, schemaTables, type Row } from './backup.repository.ts';
import { BACKUP_TABLE_NAMES, specOf, type BackupTable } from './backup.tables.ts';

export const BACKUP_PAGE_SIZE = 1000;

export type BackupSummary = { file: string; migration: string; tables: number; rows: number; gzip: boolean };

/** A value as the file holds it: booleans as true/false whichever engine they came from. */
function toFileValue(table: BackupTable, column: string, value: unknown): unknown {
  if (specOf(table).booleans?.includes(column) && value !== null) return value === true || value === 1 || value === '1';
  if (specOf(table).binaries?.includes(column) && value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  return value;
}

async function* backupLines(trx: Transaction<Tables>, header: BackupHeader, totals: { rows: number }): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of BACKUP_TABLE_NAMES) {
    const key = specOf(table).key;
    let count = 0;
    let page: Row[] = await readPage(trx, table, null, BACKUP_PAGE_SIZE);
    // The columns come from the rows; a table with none is written with none.
    const columns = Object.keys(page[0] ?? {});
    yield `${JSON.stringify({ table, columns })}\n`;
    while (page.length > 0) {
      yield page.map((row) => `${JSON.stringify(columns.map((c) => toFileValue(table, c, row[c])))}\n`).join('');
      count += page.length;
      if (page.length < BACKUP_PAGE_SIZE) break;
      const last = page[page.length - 1]!;
      page = await readPage(trx, table, key.map((k) => last[k]), BACKUP_PAGE_SIZE);
    }
    totals.rows += count;
    yield `${JSON.stringify({ tableEnd: table, rows: count })}\n`;
  }
  yield `${JSON.stringify({ backupEnd: true, tables: BACKUP_TABLE_NAMES.length, rows: totals.rows })}\n`;
}

/**
 * Writes the backup to `file` (gzipped when it ends in .gz). It is written beside the file first and renamed at
 * the end, so a backup that fails half way never leaves a file that looks whole. It holds password hashes, so
 * only its owner may read it.
 */
export async function writeBackup(deps: Pick<Deps, 'db' | 'clock'>, file: string): Promise<BackupSummary> {
  const { db, clock } = deps;
  const present = await schemaTables(db.kysely, db.dialect);
  const unlisted = present.filter((t) => !(BACKUP_TABLE_NAMES as string[]).includes(t));
  if (unlisted.length) throw new Error(`the database has tables that backups do not include yet: ${unlisted.join(', ')} (add them to backup.tables.ts)`);
  const migration = (await appliedMigration(db.kysely)) ?? '';
  const gzip = file.endsWith('.gz');
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    migration,
    engine: db.dialect,
    createdAt: clock.now().toISOString(),
    tables: BACKUP_TABLE_NAMES,
  };
  const totals = { rows: 0 };
  const partial = `${file}.partial`;
  let snapshot = db.kysely.transaction();
  // One snapshot for every table, so rows written meanwhile cannot leave a reference without its target.
  if (db.dialect === 'postgres') snapshot = snapshot.setIsolationLevel('repeatable read').setAccessMode('read only');
  try {
    await snapshot.execute(async (trx) => {
      const source = Readable.from(backupLines(trx, header, totals));
      const target = fs.createWriteStream(partial, { mode: 0o600 });
      if (gzip) await pipeline(source, createGzip(), target);
      else await pipeline(source, target);
    });
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { file, migration, tables: BACKUP_TABLE_NAMES.length, rows: totals.rows, gzip };
}
