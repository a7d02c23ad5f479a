// File uploads on a page: multipart parsing registered inside one plugin scope only, so other forms keep their
// own body parsing. The CSRF token travels as a form field, which multipart attaches to the body before the
// CSRF check reads it. A problem with the upload itself (too large, cut short) comes back as the page with an
// error on the file field, never as a bare error page.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import { allows, type Access } from './access.ts';
import { refuseControlCharacters } from './text-guard.ts';

/** tooLarge: the file went over the size limit in a form that takes several files, so only its start arrived. */
export type UploadedFile = { fileName: string; content: Buffer; tooLarge?: boolean };

export type UploadScopeOptions = {
  maxBytes: number;
  /** How many text fields the form has, at most, besides the CSRF token. */
  fields: number;
  /** How many files a form may send: one unless told. With more than one, a file over the limit is marked
   * tooLarge rather than refusing the whole form, so the page can name it beside the others. */
  files?: number;
  /** The longest a text field may be, in bytes: 1,000 unless told. */
  fieldBytes?: number;
  /** Who may upload: anyone else gets the ordinary 403 for a refused upload. */
  access: Access;
  /** Shows the form again with this message on the file field. */
  refuse(request: FastifyRequest, reply: FastifyReply, message: string, status: number): Promise<FastifyReply>;
};

/** Requests that reached their handler: an error before that is a problem with the upload itself. */
const reachedHandler = new WeakSet<FastifyRequest>();

async function keepFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const content = await part.toBuffer();
  // Only the name: some browsers send the whole path the file came from.
  const fileName = (part.filename.split(/[\\/]/).pop() ?? '').slice(0, 200);
  part.value = (part.file.truncated ? { fileName, content, tooLarge: true } : { fileName, content }) satisfies UploadedFile;
}

function uploadProblem(error: FastifyError, maxBytes: number, files: number): { status: number; message: string } {
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, message: `The file must be smaller than ${maxBytes / 1024 / 1024} MB` };
    case 'FST_FILES_LIMIT':
      return { status: 413, message: files === 1 ? 'Upload one file at a time' : `Attach ${files} files or fewer at a time` };
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, message: 'The form sent more than it should; reload the page and try again' };
    default:
      return { status: 400, message: 'The file did not arrive whole; try uploading it again' };
  }
}

export async function installUploads(scope: FastifyInstance, options: UploadScopeOptions): Promise<void> {
  const files = options.files ?? 1;
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: keepFile,
    throwFileSizeLimit: files === 1,
    limits: { fileSize: options.maxBytes, files, fields: options.fields + 1, fieldSize: options.fieldBytes ?? 1000, parts: options.fields + 1 + files },
  });
  scope.addHook('preHandler', async (request, reply) => {
    if (request.method === 'POST') reachedHandler.add(request);
    // The multipart body arrives after the app-wide guard has looked: its text fields and file names are checked here.
    return refuseControlCharacters(request, reply);
  });
  scope.setErrorHandler(async (error: FastifyError, request, reply) => {
    const isUpload = request.method === 'POST' && !reachedHandler.has(request) && request.isMultipart() && !error.code?.startsWith('FST_CSRF');
    if (!isUpload || !allows(options.access, request.user)) throw error;
    const problem = uploadProblem(error, options.maxBytes, files);
    request.log.info({ code: error.code }, `upload refused: ${error.message}`);
    return options.refuse(request, reply, problem.message, problem.status);
  });
}

/** The uploaded file from a parsed body, or undefined where none was chosen. */
export function uploadedFile(value: unknown): UploadedFile | undefined {
  if (typeof value !== 'object' || value === null || !('content' in value)) return undefined;
  const file = value as UploadedFile;
  return !file.fileName && file.content.length === 0 ? undefined : file;
}

/** Every file chosen in a field that takes several; none chosen is an empty list. */
export function uploadedFiles(value: unknown): UploadedFile[] {
  return (Array.isArray(value) ? value : [value]).flatMap((v) => uploadedFile(v) ?? []);
}
