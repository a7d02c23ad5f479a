// Keeping the document register: adding an entry, changing or reclassifying it, adding a version of its file.
// Each change is one transaction — the entry, its file and the audit event together, or nothing.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { findBody } from '../directory/bodies.repository.ts';
import { findGroup } from '../directory/groups.repository.ts';
import { findOfficer } from '../directory/officers.repository.ts';
import { readOldVersion } from './document-old-text.ts';
import { fileText, storedParagraphs } from './document-text.ts';
import { findDocument, findMeeting, insertDocument, insertFile, updateDocument, type DocumentRow } from './document.repository.ts';
import { CLASSIFICATIONS, CONFIDENTIAL_GROUNDS, type DocumentEntry, type DocumentFile } from './document.types.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';
import { text } from '../../web/text.ts';
import { isIsoDate } from '../../dates.ts';

export type DocumentDeps = Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'logger'>>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalWords = (label: string, max: number, name: string) =>
  z.preprocess(blankToUndefined, text(label, { trim: true, max, tooLong: `${name} must be ${max.toLocaleString('en-GB')} characters or fewer` }).optional());
const optionalId = (message: string) => z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int(message).positive(message).max(LARGEST_INTEGER, message).optional());

/** What a custodian sends, from the form or in code. Field names are the form's. */
export const documentInputSchema = z.object({
  title: text('Title', { required: 'Enter a title', max: 300, tooLong: 'The title must be 300 characters or fewer', singleLine: true }),
  summary: text('Summary', { required: 'Enter a summary', max: 5000, tooLong: 'The summary must be 5,000 characters or fewer' }),
  bodyId: z.preprocess(blankToUndefined, z.coerce.number({ error: 'Select the committee or body the document belongs to' }).int().positive().max(LARGEST_INTEGER)),
  meetingId: optionalId('Select a meeting from the list'),
  authorOfficerId: optionalId('Select an officer from the list'),
  authorName: optionalWords('Author’s name', 200, 'The author’s name'),
  classification: z.enum(CLASSIFICATIONS, { error: 'Select how the document is classified' }),
  exemptParagraph: z.preprocess(blankToUndefined, z.coerce.number({ error: 'Select a paragraph of Schedule 12A from 1 to 7' }).int('Select a paragraph of Schedule 12A from 1 to 7').min(1, 'Select a paragraph of Schedule 12A from 1 to 7').max(7, 'Select a paragraph of Schedule 12A from 1 to 7').optional()),
  publicInterestTest: optionalWords('Public interest test', 10_000, 'The public interest test'),
  confidentialGround: z.preprocess(blankToUndefined, z.enum(CONFIDENTIAL_GROUNDS, { error: 'Select a ground from the list' }).optional()),
  groupId: optionalId('Select a party group from the list'),
  reviewOn: z.preprocess(blankToUndefined, text('Review date').refine(isIsoDate, 'The review date must be a real date').optional()),
  metadataPublic: z.preprocess((v) => v === true || v === 'yes' || v === 'true', z.boolean()),
});
export type DocumentInput = z.input<typeof documentInputSchema>;
/** The document form's fields its schema reads as text: the review date's boxes make reviewOn. */
export const DOCUMENT_TEXT = ['title', 'summary', 'authorName', 'publicInterestTest', 'reviewOn-day', 'reviewOn-month', 'reviewOn-year'] as const;
type Parsed = z.infer<typeof documentInputSchema>;

/** The rules that join fields: what each classification needs, and what it must not carry. */
function classificationProblems(d: Partial<Parsed>): FieldError[] {
  const problems: FieldError[] = [];
  if (d.authorOfficerId === undefined && !d.authorName) problems.push({ field: 'authorOfficerId', message: 'Select the officer who wrote the document, or enter the author’s name' });
  if (d.classification === 'exempt') {
    if (d.exemptParagraph === undefined) problems.push({ field: 'exemptParagraph', message: 'Select the paragraph of Schedule 12A the information falls under' });
    // Schedule 12A para 10: exempt only while keeping it so outweighs the public interest in disclosure.
    if (!d.publicInterestTest) problems.push({ field: 'publicInterestTest', message: 'Record the public interest test: why keeping it exempt outweighs disclosing it' });
  }
  if (d.classification === 'confidential' && d.confidentialGround === undefined) problems.push({ field: 'confidentialGround', message: 'Select the ground on which the information is confidential' });
  if (d.classification === 'group-internal') {
    if (d.groupId === undefined) problems.push({ field: 'groupId', message: 'Select the party group the paper belongs to' });
    if (d.metadataPublic) problems.push({ field: 'metadataPublic', message: 'A party group’s internal paper is never published, not even its title' });
  }
  if ((d.classification === 'exempt' || d.classification === 'confidential') && d.reviewOn === undefined) {
    problems.push({ field: 'reviewOn', message: 'Enter the date by which the classification is to be reviewed' });
  }
  return problems;
}

async function referenceProblems(deps: DocumentDeps, d: Partial<Parsed>): Promise<FieldError[]> {
  const q = deps.db.kysely;
  const problems: FieldError[] = [];
  if (d.bodyId !== undefined && !(await findBody(q, d.bodyId))) problems.push({ field: 'bodyId', message: 'Select the committee or body from the list' });
  if (d.meetingId !== undefined) {
    const meeting = await findMeeting(q, d.meetingId);
    if (!meeting) problems.push({ field: 'meetingId', message: 'Select a meeting from the list' });
    else if (d.bodyId !== undefined && meeting.bodyId !== d.bodyId) problems.push({ field: 'meetingId', message: 'Select a meeting of the body the document belongs to' });
  }
  if (d.authorOfficerId !== undefined && !(await findOfficer(q, d.authorOfficerId))) problems.push({ field: 'authorOfficerId', message: 'Select an officer from the list' });
  if (d.classification === 'group-internal' && d.groupId !== undefined && !(await findGroup(q, d.groupId))) problems.push({ field: 'groupId', message: 'Select a party group from the list' });
  return problems;
}

/** Every problem with the input at once, so the form's error summary lists them all; or the row to store. */
export async function checkDocumentInput(deps: DocumentDeps, input: unknown): Promise<{ row: DocumentRow } | { problems: FieldError[] }> {
  // Field by field, so that a missing title does not hide a missing paragraph: the summary lists every problem.
  const given = (input ?? {}) as Record<string, unknown>;
  const values: Partial<Record<keyof Parsed, unknown>> = {};
  const problems: FieldError[] = [];
  for (const [field, schema] of Object.entries(documentInputSchema.shape) as [keyof Parsed, z.ZodType][]) {
    const result = schema.safeParse(given[field]);
    if (result.success) values[field] = result.data;
    else problems.push({ field, message: result.error.issues[0]?.message ?? 'Enter a valid value' });
  }
  const partial = values as Partial<Parsed>;
  for (const problem of [...classificationProblems(partial), ...(await referenceProblems(deps, partial))]) {
    if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
  }
  if (problems.length) return { problems };
  const d = values as Parsed;
  // Only what the classification uses is kept, so a reclassified entry never carries a stale ground or group.
  return {
    row: {
      title: d.title,
      summary: d.summary,
      bodyId: d.bodyId,
      meetingId: d.meetingId ?? null,
      authorOfficerId: d.authorOfficerId ?? null,
      authorName: d.authorName ?? null,
      classification: d.classification,
      exemptParagraph: d.classification === 'exempt' ? (d.exemptParagraph as DocumentRow['exemptParagraph']) : null,
      publicInterestTest: d.classification === 'exempt' ? (d.publicInterestTest ?? null) : null,
      confidentialGround: d.classification === 'confidential' ? (d.confidentialGround ?? null) : null,
      groupId: d.classification === 'group-internal' ? (d.groupId ?? null) : null,
      reviewOn: d.reviewOn ?? null,
      metadataPublic: (d.classification === 'exempt' || d.classification === 'confidential') && d.metadataPublic,
    },
  };
}

async function rowOrThrow(deps: DocumentDeps, input: unknown): Promise<DocumentRow> {
  const checked = await checkDocumentInput(deps, input);
  if ('problems' in checked) throw new ValidationError(checked.problems);
  return checked.row;
}

const CLASSIFICATION_FIELDS = ['classification', 'exemptParagraph', 'publicInterestTest', 'confidentialGround', 'groupId', 'reviewOn', 'metadataPublic'] as const;

function auditedRow(row: DocumentRow | DocumentEntry) {
  const { title, summary, bodyId, meetingId, authorOfficerId, authorName } = row;
  return { title, summary, bodyId, meetingId, authorOfficerId, authorName, ...Object.fromEntries(CLASSIFICATION_FIELDS.map((f) => [f, row[f]])) };
}

export async function createDocument(deps: DocumentDeps, actor: Actor, input: unknown): Promise<DocumentEntry> {
  const row = await rowOrThrow(deps, input);
  const now = deps.clock.now();
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    const id = await insertDocument(trx, row, now.toISOString());
    await appendAudit(trx, deps.db.dialect, actor, { action: 'document.created', entity: 'document', entityId: id, after: auditedRow(row) }, now);
    return id;
  });
  return (await findDocument(deps.db.kysely, id))!;
}

/** Changes an entry read at `version`; a change made by someone else since then is a conflict, never overwritten. */
export async function changeDocument(deps: DocumentDeps, actor: Actor, id: number, version: number, input: unknown): Promise<DocumentEntry> {
  const row = await rowOrThrow(deps, input);
  const now = deps.clock.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await findDocument(trx, id);
    if (!before) throw new NotFoundError('Document');
    if (before.version !== version || !(await updateDocument(trx, id, version, row, now.toISOString()))) {
      throw new ConflictError(`Someone changed “${before.title}” after you opened it. Nothing you sent was saved: check the entry as it is now and make your change again.`);
    }
    const reclassified = CLASSIFICATION_FIELDS.some((f) => before[f] !== row[f]);
    await appendAudit(trx, deps.db.dialect, actor, { action: reclassified ? 'document.reclassified' : 'document.updated', entity: 'document', entityId: id, before: auditedRow(before), after: auditedRow(row) }, now);
  });
  return (await findDocument(deps.db.kysely, id))!;
}

/** text: the file's words as fileText() read them at upload; left out, they are read here, before storing. */
export type CheckedFile = { fileName: string; contentType: string; content: Uint8Array; redacted?: boolean; text?: string | null };

/** Stores the file as the document's next version and returns its number. */
export async function addDocumentFile(deps: DocumentDeps, actor: Actor, id: number, file: CheckedFile): Promise<number> {
  if (file.text === undefined) file = { ...file, text: await fileText(file) };
  const now = deps.clock.now();
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  try {
    return await deps.db.kysely.transaction().execute(async (trx) => {
      if (!(await findDocument(trx, id))) throw new NotFoundError('Document');
      const size = file.content.byteLength;
      const version = await insertFile(trx, id, { ...file, size, sha256, uploadedByUserId: actor.userId, uploadedBy: actor.label }, now.toISOString());
      await appendAudit(trx, deps.db.dialect, actor, { action: 'document.file-added', entity: 'document', entityId: id, after: { version, fileName: file.fileName, contentType: file.contentType, size, sha256, redacted: file.redacted ?? false } }, now);
      return version;
    });
  } catch (error) {
    if (error instanceof NotFoundError) throw error;
    // Another upload took the same version number first (the unique key on document and version).
    if (/unique|duplicate/i.test(String((error as Error).message))) throw new ConflictError('Another version of this file was uploaded at the same moment: upload yours again.');
    throw error;
  }
}

/**
 * The viewer's paragraphs: the words stored at upload; 'preparing' for a file stored before words were kept,
 * whose reading is started in the background (or joined, if under way) and never awaited by the viewer.
 */
export function viewerParagraphs(deps: DocumentDeps, file: DocumentFile): string[] | null | 'preparing' {
  if (file.textReadAt !== null) return storedParagraphs(file.text);
  readOldVersion(deps, file.documentId, file.version).catch((error: unknown) => deps.logger?.error({ err: error }, 'the text of an old document version could not be read'));
  return 'preparing';
}
