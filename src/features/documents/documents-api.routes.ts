// The document register over the JSON API: the same reading rules as the pages (document-register.ts), so an
// entry a caller may not see is absent from lists and answers 404, and a file they may not have answers 403.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ValidationError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { apiError } from '../../web/api-errors.ts';
import { findBody } from '../directory/bodies.repository.ts';
import { ukDate } from '../../clock.ts';
import { documentViewerOf } from './document-access.ts';
import { logDocumentView } from './document-views.repository.ts';
import { downloadHeaders, visibleDocument, visibleDocuments, visibleFile, visibleFileVersions, type SeenEntry } from './document-register.ts';
import { CLASSIFICATIONS, CONFIDENTIAL_GROUNDS, type DocumentFileInfo } from './document.types.ts';
import { text } from '../../web/text.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';

const fileSchema = z.object({ version: z.number(), fileName: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), uploadedAt: z.string(), redacted: z.boolean(), url: z.string() });

const entrySchema = z.object({
  id: z.number(),
  title: z.string(),
  body: z.object({ id: z.number(), name: z.string() }),
  meeting: z.object({ id: z.number(), title: z.string(), heldOn: z.string() }).nullable(),
  classification: z.enum(CLASSIFICATIONS),
  exemptParagraph: z.number().nullable().describe('Schedule 12A paragraph 1–7, for an exempt entry'),
  confidentialGround: z.enum(CONFIDENTIAL_GROUNDS).nullable().describe('the s100A(3) ground, for a confidential entry'),
  group: z.string().nullable().describe('the party group, for a group-internal entry'),
  createdAt: z.string(),
  details: z
    .object({ summary: z.string(), author: z.string().nullable(), publicInterestTest: z.string().nullable(), reviewOn: z.string().nullable(), version: z.number(), updatedAt: z.string() })
    .nullable()
    .describe('null where the caller may see only the entry’s metadata'),
  fileAvailable: z.boolean().describe('whether the caller may download the file'),
  latestFileVersion: z.number().nullable(),
});

function toJson(e: SeenEntry): z.infer<typeof entrySchema> {
  return {
    id: e.id,
    title: e.title,
    body: { id: e.bodyId, name: e.bodyName },
    meeting: e.meetingId !== null ? { id: e.meetingId, title: e.meetingTitle ?? '', heldOn: e.meetingHeldOn ?? '' } : null,
    classification: e.classification,
    exemptParagraph: e.exemptParagraph,
    confidentialGround: e.confidentialGround,
    group: e.groupName,
    createdAt: e.createdAt,
    details: e.details && {
      summary: e.details.summary,
      author: [e.details.authorOfficerName, e.details.authorName].filter(Boolean).join(', ') || null,
      publicInterestTest: e.details.publicInterestTest,
      reviewOn: e.details.reviewOn,
      version: e.details.version,
      updatedAt: e.details.updatedAt,
    },
    fileAvailable: e.sight.download,
    latestFileVersion: e.latestFileVersion,
  };
}

function fileJson(id: number, f: DocumentFileInfo): z.infer<typeof fileSchema> {
  return { version: f.version, fileName: f.fileName, contentType: f.contentType, size: f.size, sha256: f.sha256, uploadedAt: f.uploadedAt, redacted: f.redacted, url: `/documents/${id}/versions/${f.version}/file` };
}

const idParams = z.object({ id: z.coerce.number().int().positive().max(LARGEST_INTEGER) });
const listQuery = z.object({
  body: z.coerce.number().int().positive().max(LARGEST_INTEGER).optional().describe('a body id'),
  classification: z.enum(CLASSIFICATIONS).optional(),
  q: text('Search').max(200).optional().describe('words in the title'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(LARGEST_INTEGER).default(0),
});

export function registerDocumentApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const q = deps.db.kysely;
  const config = { access: access.signedIn };

  api.get(
    '/api/v1/documents',
    { config, schema: { tags: ['documents'], summary: 'The register entries the caller may see, newest first', querystring: listQuery, response: { 200: z.object({ total: z.number(), items: z.array(entrySchema) }), 400: apiError } } },
    async (request) => {
      const { body, classification, q: words, limit, offset } = request.query;
      if (body !== undefined && !(await findBody(q, body))) throw new ValidationError([{ field: 'body', message: 'No body has this id' }]);
      const viewer = await documentViewerOf(q, request.user, ukDate(deps.clock.now()));
      const { items, total } = await visibleDocuments(q, viewer, { bodyId: body, classification, words: words?.trim() || undefined }, { limit, offset });
      return { total, items: items.map(toJson) };
    },
  );

  api.get(
    '/api/v1/documents/:id',
    { config, schema: { tags: ['documents'], summary: 'One register entry, with its file versions where the caller may download them', params: idParams, response: { 200: entrySchema.extend({ files: z.array(fileSchema) }), 404: apiError } } },
    async (request) => {
      const entry = await visibleDocument(q, await documentViewerOf(q, request.user, ukDate(deps.clock.now())), request.params.id);
      return { ...toJson(entry), files: (await visibleFileVersions(q, entry)).map((f) => fileJson(entry.id, f)) };
    },
  );

  api.get(
    '/api/v1/documents/:id/file',
    { config, schema: { tags: ['documents'], summary: 'The latest version of the entry’s file, as a download', params: idParams, response: { 200: z.unknown().describe('the file itself, with its own Content-Type, as an attachment'), 403: apiError, 404: apiError } } },
    async (request, reply) => {
      const { file, entry } = await visibleFile(q, await documentViewerOf(q, request.user, ukDate(deps.clock.now())), request.params.id);
      if (entry.classification !== 'open') {
        const user = request.user!;
        await logDocumentView(q, { documentId: entry.id, fileVersion: file.version, accessRequestId: entry.sight.grant?.requestId ?? null, userId: user.id, viewer: user.fullName, kind: 'download' }, deps.clock.now().toISOString());
      }
      return reply.headers(downloadHeaders(file)).send(Buffer.from(file.content));
    },
  );
}
