// Importing the council's directory from a file: read it whole, check it whole, and write it in one transaction
// or not at all. The import is recorded in the imports register with the file's SHA-256.
import { createHash } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../actor.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { describeProblem, inFileOrder, type ImportFormat, type ImportKind, type ImportProblem, type ReadFile } from './import.records.ts';
import { readCommitteesFile, readMembersFile } from './read-directory-file.ts';
import { applyMembers, type ApplyContext } from './members.import.ts';
import { applyCommittees } from './committees.import.ts';
import { insertImport, lockDirectoryImports } from './import.repository.ts';

export type ImportUpload = {
  kind: ImportKind;
  fileName: string;
  content: Uint8Array;
  /** The day terms end where the file gives no end ("unspecified" in modern.gov): usually the next ordinary election. */
  termEndsOn?: string | undefined;
};

export type ImportReport = {
  id: number;
  kind: ImportKind;
  format: ImportFormat;
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  wardsAdded: number;
  groupsAdded: number;
};

/** The file was not imported: nothing was stored. Each problem names its line (or record) and field. */
export class ImportRejected extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${problems.slice(0, 3).map(describeProblem).join('; ')}`);
    this.problems = problems;
  }
}

type Applied = { created: number; updated: number; unchanged: number; wardsAdded?: number; groupsAdded?: number; problems: ImportProblem[] };

export async function importDirectoryFile(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, upload: ImportUpload): Promise<ImportReport> {
  const councilKind = (await councilSummary(deps.db.kysely))?.kind ?? 'principal';
  const options = { termEndsOn: upload.termEndsOn, councilKind };
  if (upload.kind === 'members') {
    const file = readMembersFile(upload.content, options);
    return writeAll(deps, actor, upload, file, (ctx) => applyMembers(ctx, file.records, file.fields));
  }
  const file = readCommitteesFile(upload.content, options);
  return writeAll(deps, actor, upload, file, (ctx) => applyCommittees(ctx, file.records, file.fields));
}

async function writeAll(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  upload: ImportUpload,
  file: ReadFile<unknown>,
  apply: (ctx: ApplyContext) => Promise<Applied>,
): Promise<ImportReport> {
  if (file.problems.length) throw new ImportRejected(inFileOrder(file.problems));
  const { db, clock } = deps;
  const now = clock.now();
  return db.kysely.transaction().execute(async (trx) => {
    await lockDirectoryImports(trx, db.dialect);
    const applied = await apply({ trx, dialect: db.dialect, actor, now });
    // Throwing inside the transaction rolls back whatever was written; the caller reports the problems.
    if (applied.problems.length) throw new ImportRejected(inFileOrder(applied.problems));
    const rows = file.records.length + file.skipped;
    const counts = { created: applied.created, updated: applied.updated, unchanged: applied.unchanged };
    const id = await insertImport(trx, {
      kind: upload.kind,
      format: file.format,
      fileName: upload.fileName,
      sha256: createHash('sha256').update(upload.content).digest('hex'),
      rows,
      ...counts,
      actor: actor.label,
      createdAt: now.toISOString(),
    });
    return { id, kind: upload.kind, format: file.format, fileName: upload.fileName, rows, skipped: file.skipped, ...counts, wardsAdded: applied.wardsAdded ?? 0, groupsAdded: applied.groupsAdded ?? 0 };
  });
}

/** "2 created, 1 updated, 7 unchanged (12 rows, 2 skipped: deleted or expired in modern.gov); 1 ward added." */
export function summariseImport(report: Pick<ImportReport, 'rows' | 'created' | 'updated' | 'unchanged' | 'skipped' | 'wardsAdded' | 'groupsAdded'>): string {
  const rows = `${report.rows} ${report.rows === 1 ? 'row' : 'rows'}${report.skipped ? `, ${report.skipped} skipped: deleted or expired in modern.gov` : ''}`;
  const added = [
    report.wardsAdded ? `${report.wardsAdded} ${report.wardsAdded === 1 ? 'ward' : 'wards'}` : '',
    report.groupsAdded ? `${report.groupsAdded} political ${report.groupsAdded === 1 ? 'group' : 'groups'}` : '',
  ].filter(Boolean);
  return `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged (${rows})${added.length ? `; ${added.join(' and ')} added` : ''}.`;
}
