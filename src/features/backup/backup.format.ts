// The backup file: JSON Lines, optionally gzipped. One JSON value per line, so that a backup of any size is
// written and read a line at a time:
//   {"format":"nolan-backup","version":1,"migration":"0001_foundation",…}   the header
//   {"table":"wards","columns":["id","external_id","name","created_at"]}   then, for each table in order,
//   [1,null,"Abbey","2026-01-01T00:00:00.000Z"]                            one array per row, in key order,
//   {"tableEnd":"wards","rows":1}                                           and the count, to check against;
//   {"backupEnd":true,"tables":19,"rows":1234}                              last: a file cut short has no end.

export const BACKUP_FORMAT = 'nolan-backup';
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The last migration applied to the database backed up: a restore needs the same schema. */
  migration: string;
  engine: string;
  createdAt: string;
  tables: string[];
};

export type TableStart = { table: string; columns: string[] };
export type TableEnd = { tableEnd: string; rows: number };
export type BackupEnd = { backupEnd: true; tables: number; rows: number };

export type BackupLine =
  | { kind: 'row'; values: unknown[] }
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'tableEnd'; table: string; rows: number }
  | { kind: 'backupEnd'; tables: number; rows: number };

/** A backup that cannot be restored here: exit 2 on the command line, with this message. */
export class BackupRefused extends Error {}

export function readHeader(line: string | undefined): BackupHeader {
  let value: unknown;
  try {
    value = line === undefined ? undefined : JSON.parse(line);
  } catch {
    value = undefined;
  }
  const header = value as Partial<BackupHeader> | undefined;
  if (!header || header.format !== BACKUP_FORMAT) throw new BackupRefused('this is not a Nolan backup: its first line is not a nolan-backup header');
  if (header.version !== BACKUP_VERSION) throw new BackupRefused(`this backup is format version ${String(header.version)}; this Nolan reads version ${BACKUP_VERSION}`);
  if (typeof header.migration !== 'string') throw new BackupRefused('the backup header does not name its migration');
  return header as BackupHeader;
}

export function readLine(line: string, lineNumber: number): BackupLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupRefused(`line ${lineNumber} is not valid JSON: the backup is damaged`);
  }
  if (Array.isArray(value)) return { kind: 'row', values: value };
  const item = (value ?? {}) as Partial<TableStart & TableEnd & BackupEnd>;
  if (typeof item.table === 'string' && Array.isArray(item.columns) && item.columns.every((c) => typeof c === 'string')) {
    return { kind: 'table', table: item.table, columns: item.columns };
  }
  if (typeof item.tableEnd === 'string' && Number.isInteger(item.rows)) return { kind: 'tableEnd', table: item.tableEnd, rows: item.rows! };
  if (item.backupEnd === true && Number.isInteger(item.tables) && Number.isInteger(item.rows)) return { kind: 'backupEnd', tables: item.tables!, rows: item.rows! };
  throw new BackupRefused(`line ${lineNumber} is not part of a Nolan backup`);
}
