// All SQL of the document register: meetings, entries with their names joined in, and their files.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { nameForContent } from '../../web/file-names.ts';
import {
  CLASSIFICATIONS,
  CONFIDENTIAL_GROUNDS,
  EXEMPT_PARAGRAPHS,
  type Classification,
  type DocumentEntry,
  type DocumentFile,
  type DocumentFileInfo,
  type Meeting,
} from './document.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

/** The fields a register entry stores of its own; the rest of DocumentEntry is read from other tables. */
export type DocumentRow = Pick<
  DocumentEntry,
  'title' | 'summary' | 'bodyId' | 'meetingId' | 'authorOfficerId' | 'authorName' | 'classification' | 'exemptParagraph' | 'publicInterestTest' | 'confidentialGround' | 'groupId' | 'reviewOn' | 'metadataPublic'
>;

export type DocumentFilter = { bodyId?: number | undefined; classification?: Classification | undefined; words?: string | undefined };

export async function listMeetings(q: Q): Promise<Meeting[]> {
  const rows = await q
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.body_id', 'b.name as body_name', 'm.title', 'm.held_on'])
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, bodyId: r.body_id, bodyName: r.body_name, title: r.title, heldOn: r.held_on }));
}

export async function findMeeting(q: Q, id: number): Promise<{ id: number; bodyId: number } | undefined> {
  const row = await q.selectFrom('meetings').select(['id', 'body_id']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, bodyId: row.body_id };
}

export async function insertMeeting(q: Q, meeting: { bodyId: number; title: string; heldOn: string }, at: string): Promise<number> {
  const row = await q.insertInto('meetings').values({ body_id: meeting.bodyId, title: meeting.title, held_on: meeting.heldOn, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function entries(q: Q) {
  return q
    .selectFrom('documents as d')
    .innerJoin('bodies as b', 'b.id', 'd.body_id')
    .leftJoin('meetings as m', 'm.id', 'd.meeting_id')
    .leftJoin('officers as o', 'o.id', 'd.author_officer_id')
    .leftJoin('political_groups as g', 'g.id', 'd.group_id')
    .select((eb) => [
      'd.id', 'd.title', 'd.summary', 'd.body_id', 'b.name as body_name', 'd.meeting_id', 'm.title as meeting_title', 'm.held_on as meeting_held_on',
      'd.author_officer_id', 'o.full_name as author_officer_name', 'd.author_name', 'd.classification', 'd.exempt_paragraph',
      'd.public_interest_test', 'd.confidential_ground', 'd.group_id', 'g.name as group_name', 'd.review_on', 'd.metadata_public',
      'd.version', 'd.created_at', 'd.updated_at',
      eb.selectFrom('document_files as f').select((f) => f.fn.max<number>('f.version').as('v')).whereRef('f.document_id', '=', 'd.id').as('latest_file_version'),
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['execute']>>[number];

function oneOf<T extends string | number>(list: readonly T[], value: unknown): T | null {
  return list.find((v) => v === value) ?? null;
}

function toEntry(r: EntryRow): DocumentEntry {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    bodyId: r.body_id,
    bodyName: r.body_name,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingHeldOn: r.meeting_held_on,
    authorOfficerId: r.author_officer_id,
    authorOfficerName: r.author_officer_name,
    authorName: r.author_name,
    // A value outside the list would be a corrupted row: treat it as the most closed, never as open.
    classification: oneOf(CLASSIFICATIONS, r.classification) ?? 'confidential',
    exemptParagraph: oneOf(EXEMPT_PARAGRAPHS, r.exempt_paragraph === null ? null : Number(r.exempt_paragraph)),
    publicInterestTest: r.public_interest_test,
    confidentialGround: oneOf(CONFIDENTIAL_GROUNDS, r.confidential_ground),
    groupId: r.group_id,
    groupName: r.group_name,
    reviewOn: r.review_on,
    metadataPublic: Boolean(r.metadata_public),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    latestFileVersion: r.latest_file_version === null ? null : Number(r.latest_file_version),
  };
}

export async function findDocument(q: Q, id: number): Promise<DocumentEntry | undefined> {
  const row = await entries(q).where('d.id', '=', id).executeTakeFirst();
  return row && toEntry(row);
}

/** Several entries at once, by id: for a page that asks who may see each of a few. */
export async function findDocuments(q: Q, ids: readonly number[]): Promise<DocumentEntry[]> {
  if (!ids.length) return [];
  return (await entries(q).where('d.id', 'in', ids).execute()).map(toEntry);
}

/** Every entry matching the filter, newest first. Who may see each is decided afterwards, by document-access.ts. */
export async function listDocuments(q: Q, filter: DocumentFilter): Promise<DocumentEntry[]> {
  let query = entries(q);
  if (filter.bodyId !== undefined) query = query.where('d.body_id', '=', filter.bodyId);
  if (filter.classification !== undefined) query = query.where('d.classification', '=', filter.classification);
  if (filter.words) {
    const pattern = `%${filter.words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`lower(d.title) like ${pattern} escape '\\'`);
  }
  const rows = await query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').execute();
  return rows.map(toEntry);
}

function columns(row: DocumentRow) {
  return {
    title: row.title,
    summary: row.summary,
    body_id: row.bodyId,
    meeting_id: row.meetingId,
    author_officer_id: row.authorOfficerId,
    author_name: row.authorName,
    classification: row.classification,
    exempt_paragraph: row.exemptParagraph,
    public_interest_test: row.publicInterestTest,
    confidential_ground: row.confidentialGround,
    group_id: row.groupId,
    review_on: row.reviewOn,
    metadata_public: row.metadataPublic,
  };
}

export async function insertDocument(trx: Q, row: DocumentRow, at: string): Promise<number> {
  const inserted = await trx.insertInto('documents').values({ ...columns(row), created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Writes the change only if nobody has changed the entry since `version` was read. */
export async function updateDocument(trx: Q, id: number, version: number, row: DocumentRow, at: string): Promise<boolean> {
  const result = await trx.updateTable('documents').set({ ...columns(row), version: version + 1, updated_at: at }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const FILE_INFO = ['document_id', 'version', 'file_name', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at', 'redacted'] as const;

/** The name is given as served (file-names.ts): a file kept before names followed content is listed rightly too. */
function toFileInfo(r: { document_id: number; version: number; file_name: string; content_type: string; size: number; sha256: string; uploaded_by: string; uploaded_at: string; redacted: boolean | number }): DocumentFileInfo {
  return { documentId: r.document_id, version: r.version, fileName: nameForContent(r.file_name, r.content_type), contentType: r.content_type, size: Number(r.size), sha256: r.sha256, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at, redacted: Boolean(r.redacted) };
}

/** A document's file versions, newest first, without their content. */
export async function listFileVersions(q: Q, documentId: number): Promise<DocumentFileInfo[]> {
  const rows = await q.selectFrom('document_files').select(FILE_INFO).where('document_id', '=', documentId).orderBy('version', 'desc').execute();
  return rows.map(toFileInfo);
}

export async function findFile(q: Q, documentId: number, version: number): Promise<DocumentFile | undefined> {
  const row = await q.selectFrom('document_files').select([...FILE_INFO, 'content', 'text', 'text_read_at']).where('document_id', '=', documentId).where('version', '=', version).executeTakeFirst();
  return row && { ...toFileInfo(row), content: row.content, text: row.text, textReadAt: row.text_read_at };
}

/** Keeps the words of a file stored before words were kept; the first reading stored wins. */
export async function storeFileText(q: Q, documentId: number, version: number, text: string | null, at: string): Promise<void> {
  await q.updateTable('document_files').set({ text, text_read_at: at }).where('document_id', '=', documentId).where('version', '=', version).where('text_read_at', 'is', null).execute();
}

/** The first `limit` versions stored before words were kept, in the order they were stored. */
export async function unreadFileVersions(q: Q, limit: number): Promise<{ documentId: number; version: number }[]> {
  const rows = await q.selectFrom('document_files').select(['document_id', 'version']).where('text_read_at', 'is', null).orderBy('document_id').orderBy('version').limit(limit).execute();
  return rows.map((r) => ({ documentId: r.document_id, version: r.version }));
}

/** text: the file's words, read as it was uploaded; left out, the version is read in the background later. */
export type NewFileRow = { fileName: string; contentType: string; size: number; sha256: string; content: Uint8Array; uploadedByUserId: number | null; uploadedBy: string; redacted?: boolean; text?: string | null };

/** Adds the next version. Two uploads at once may both pick the same number: the unique key refuses the second. */
export async function insertFile(trx: Q, documentId: number, file: NewFileRow, at: string): Promise<number> {
  const latest = await trx.selectFrom('document_files').select((eb) => eb.fn.max<number>('version').as('v')).where('document_id', '=', documentId).executeTakeFirst();
  const version = Number(latest?.v ?? 0) + 1;
  await trx
    .insertInto('document_files')
    .values({ document_id: documentId, version, file_name: file.fileName, content_type: file.contentType, size: file.size, sha256: file.sha256, content: file.content, uploaded_by_user_id: file.uploadedByUserId, uploaded_by: file.uploadedBy, uploaded_at: at, redacted: file.redacted ?? false, ...(file.text !== undefined ? { text: file.text, text_read_at: at } : {}) })
    .execute();
  return version;
}
