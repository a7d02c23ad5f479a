// Reading the register as one reader may: lists, one entry and its files, each passed through documentSight.
// What a reader may not see is dropped here, before any page, API answer or public list is built, so a template
// or serialiser never holds a summary or a file it must not show.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { nameForContent } from '../../web/file-names.ts';
import { documentSight, type DocumentSight, type DocumentViewer } from './document-access.ts';
import { findDocument, findFile, listDocuments, listFileVersions, type DocumentFilter } from './document.repository.ts';
import type { DocumentEntry, DocumentFile, DocumentFileInfo } from './document.types.ts';

/** An entry cut down to what its reader may see: the details are null where they may not see them. */
export type SeenEntry = {
  id: number;
  title: string;
  bodyId: number;
  bodyName: string;
  meetingId: number | null;
  meetingTitle: string | null;
  meetingHeldOn: string | null;
  classification: DocumentEntry['classification'];
  exemptParagraph: DocumentEntry['exemptParagraph'];
  confidentialGround: DocumentEntry['confidentialGround'];
  groupName: string | null;
  metadataPublic: boolean;
  createdAt: string;
  sight: DocumentSight;
  details: {
    summary: string;
    authorOfficerName: string | null;
    authorName: string | null;
    publicInterestTest: string | null;
    reviewOn: string | null;
    version: number;
    updatedAt: string;
  } | null;
  /** The newest file's version, only where the reader may download it. */
  latestFileVersion: number | null;
};

function seen(entry: DocumentEntry, sight: DocumentSight): SeenEntry {
  return {
    id: entry.id,
    title: entry.title,
    bodyId: entry.bodyId,
    bodyName: entry.bodyName,
    meetingId: entry.meetingId,
    meetingTitle: entry.meetingTitle,
    meetingHeldOn: entry.meetingHeldOn,
    classification: entry.classification,
    exemptParagraph: entry.exemptParagraph,
    confidentialGround: entry.confidentialGround,
    groupName: entry.groupName,
    metadataPublic: entry.metadataPublic,
    createdAt: entry.createdAt,
    sight,
    details: sight.details
      ? { summary: entry.summary, authorOfficerName: entry.authorOfficerName, authorName: entry.authorName, publicInterestTest: entry.publicInterestTest, reviewOn: entry.reviewOn, version: entry.version, updatedAt: entry.updatedAt }
      : null,
    latestFileVersion: sight.file ? entry.latestFileVersion : null,
  };
}

export type RegisterPage = { items: SeenEntry[]; total: number };

/** The entries the reader may see that match the filter, newest first, one page of them. Visibility is decided
 * per entry by documentSight rather than in SQL, so no second copy of the rule can drift from the first; a
 * council's register runs to thousands of entries, not millions, and only metadata is read. */
export async function visibleDocuments(q: Kysely<Tables>, viewer: DocumentViewer, filter: DocumentFilter, page: { limit: number; offset: number }): Promise<RegisterPage> {
  const visible = (await listDocuments(q, filter)).flatMap((entry) => {
    const sight = documentSight(viewer, entry);
    return sight.entry ? [seen(entry, sight)] : [];
  });
  return { items: visible.slice(page.offset, page.offset + page.limit), total: visible.length };
}

/** One entry; an entry the reader may not see does not exist for them. */
export async function visibleDocument(q: Kysely<Tables>, viewer: DocumentViewer, id: number): Promise<SeenEntry> {
  const entry = await findDocument(q, id);
  const sight = entry ? documentSight(viewer, entry) : undefined;
  if (!entry || !sight?.entry) throw new NotFoundError('Document');
  return seen(entry, sight);
}

/** The versions of an entry's file the reader may open: none where they may not, the redacted ones alone under a
 * grant of the redacted version. */
export async function visibleFileVersions(q: Kysely<Tables>, entry: SeenEntry): Promise<DocumentFileInfo[]> {
  if (!entry.sight.file) return [];
  const versions = await listFileVersions(q, entry.id);
  return entry.sight.redactedOnly ? versions.filter((v) => v.redacted) : versions;
}

/** A version of the file (the newest the reader may open when none is named), to download or to view in Nolan:
 * 404 where the entry is not seen or the version does not exist, 403 where the entry is seen but this use of its
 * file (or this version, under a redacted grant) is not for this reader. */
export async function visibleFile(q: Kysely<Tables>, viewer: DocumentViewer, id: number, version?: number, use: 'download' | 'view' = 'download'): Promise<{ file: DocumentFile; entry: SeenEntry }> {
  const entry = await visibleDocument(q, viewer, id);
  if (!(use === 'download' ? entry.sight.download : entry.sight.file)) throw new ForbiddenError(use === 'download' && entry.sight.file ? 'This document may be viewed in Nolan but not downloaded' : 'The file of this document is not available to you');
  const allowed = await visibleFileVersions(q, entry);
  const wanted = version ?? allowed[0]?.version ?? null;
  if (wanted !== null && entry.sight.redactedOnly && !allowed.some((v) => v.version === wanted)) throw new ForbiddenError('Only the redacted version of this document is available to you');
  const file = wanted === null ? undefined : await findFile(q, id, wanted);
  if (!file) throw new NotFoundError('File');
  return { file, entry };
}

/** Headers for a download: always saved, never shown in Nolan's own origin, whatever the file holds. */
export function downloadHeaders(file: Pick<DocumentFile, 'fileName' | 'contentType'>): Record<string, string> {
  // A file kept before names followed content is served under the name it should have had.
  const fileName = nameForContent(file.fileName, file.contentType);
  return {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${fileName.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'x-content-type-options': 'nosniff',
  };
}
