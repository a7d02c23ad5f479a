// All the SQL of the council's protocol document: each upload kept with its clauses; the newest one is current.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ProtocolDocumentsTable, Tables } from '../../db/database.ts';
import type { ProtocolClause, ProtocolVersionRow } from '../../protocol/importer.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type StoredDocument = {
  id: number;
  fileName: string;
  kind: string;
  sha256: string;
  profileId: string;
  clauseCount: number;
  versions: ProtocolVersionRow[];
  warnings: string[];
  actor: string;
  createdAt: string;
};

export type NewDocument = Omit<StoredDocument, 'id'>;

// Both engines cap the parameters of one statement (SQLite at 32,766): 6 columns × 500 rows stays well under.
const CLAUSES_PER_INSERT = 500;

export async function insertDocument(trx: Transaction<Tables>, document: NewDocument, clauses: readonly ProtocolClause[]): Promise<number> {
  const { id } = await trx
    .insertInto('protocol_documents')
    .values({
      file_name: document.fileName,
      kind: document.kind,
      sha256: document.sha256,
      profile_id: document.profileId,
      clause_count: document.clauseCount,
      versions_json: JSON.stringify(document.versions),
      warnings_json: JSON.stringify(document.warnings),
      actor: document.actor,
      created_at: document.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = clauses.map((c, position) => ({ document_id: id, position, clause_id: c.id, parent: c.parent ?? null, heading: c.heading ?? null, text: c.text }));
  for (let i = 0; i < rows.length; i += CLAUSES_PER_INSERT) await trx.insertInto('protocol_clauses').values(rows.slice(i, i + CLAUSES_PER_INSERT)).execute();
  return id;
}

function documentFrom(row: Selectable<ProtocolDocumentsTable>): StoredDocument {
  return {
    id: row.id,
    fileName: row.file_name,
    kind: row.kind,
    sha256: row.sha256,
    profileId: row.profile_id,
    clauseCount: row.clause_count,
    versions: JSON.parse(row.versions_json) as ProtocolVersionRow[],
    warnings: JSON.parse(row.warnings_json) as string[],
    actor: row.actor,
    createdAt: row.created_at,
  };
}

/** The council's protocol as it stands: the most recent upload. */
export async function currentDocument(q: Q): Promise<StoredDocument | undefined> {
  const row = await q.selectFrom('protocol_documents').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row && documentFrom(row);
}

export async function listDocuments(q: Q, limit: number): Promise<StoredDocument[]> {
  const rows = await q.selectFrom('protocol_documents').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map(documentFrom);
}

export async function clausesOf(q: Q, documentId: number): Promise<ProtocolClause[]> {
  const rows = await q.selectFrom('protocol_clauses').select(['clause_id', 'parent', 'heading', 'text']).where('document_id', '=', documentId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.clause_id, text: r.text, ...(r.heading !== null ? { heading: r.heading } : {}), ...(r.parent !== null ? { parent: r.parent } : {}) }));
}
