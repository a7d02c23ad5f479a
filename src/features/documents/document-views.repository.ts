// The log of every opening of a file that is not open to all: who viewed or downloaded which version, and under
// which grant. Written in the request that serves the file, so a view that fails to log is not served.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type ViewLogEntry = { documentId: number; fileVersion: number; accessRequestId: number | null; userId: number | null; viewer: string; kind: 'view' | 'download' };

export async function logDocumentView(q: Q, entry: ViewLogEntry, at: string): Promise<void> {
  await q
    .insertInto('document_views')
    .values({ document_id: entry.documentId, file_version: entry.fileVersion, access_request_id: entry.accessRequestId, user_id: entry.userId, viewer: entry.viewer, kind: entry.kind, at })
    .execute();
}

export async function listDocumentViews(q: Q, documentId: number): Promise<{ fileVersion: number; viewer: string; kind: string; at: string; accessRequestId: number | null }[]> {
  const rows = await q.selectFrom('document_views').selectAll().where('document_id', '=', documentId).orderBy('at', 'desc').orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({ fileVersion: r.file_version, viewer: r.viewer, kind: r.kind, at: r.at, accessRequestId: r.access_request_id }));
}

