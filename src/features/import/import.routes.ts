// The admin page for importing the directory: upload a members or committees file (CSV or modern.gov XML).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { access } from '../../web/access.ts';
import { installUploads, uploadedFile } from '../../web/uploads.ts';
import { formErrors, type FormErrors } from '../../web/forms.ts';
import type { FieldError } from '../../errors.ts';
import { actorOf } from '../../web/actor.ts';
import { describeProblem, FORMAT_NAMES, IMPORT_KINDS, type ImportFormat, type ImportProblem } from './import.records.ts';
import { ImportRejected, importDirectoryFile, summariseImport } from './import.service.ts';
import { findImport, listRecentImports } from './import.repository.ts';
import { readDate } from './dates.ts';
import { formatDateTime } from '../../web/format.ts';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const SHOWN_PROBLEMS = 50;
const who = access.roles('admin', 'democratic-services');

/** The error summary for a rejected file: each problem, up to a point, all pointing at the file field. */
function problemsSummary(fileName: string, problems: ImportProblem[]): FormErrors {
  const list: FormErrors['list'] = problems.slice(0, SHOWN_PROBLEMS).map((p) => ({ text: describeProblem(p), href: '#file' }));
  const more = problems.length - SHOWN_PROBLEMS;
  if (more > 0) list.push({ text: `and ${more} more ${more === 1 ? 'problem' : 'problems'}`, href: '#file' });
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  return { list, fields: { file: { text: `${fileName} was not imported: fix the ${count} listed above and upload it again. Nothing was changed.` } } };
}

function termEndsFrom(body: Record<string, unknown>): { value?: string; error?: string; entered: Record<string, string> } {
  const entered = { day: String(body['termEndsOn-day'] ?? '').trim(), month: String(body['termEndsOn-month'] ?? '').trim(), year: String(body['termEndsOn-year'] ?? '').trim() };
  if (!entered.day && !entered.month && !entered.year) return { entered };
  const value = readDate(`${entered.year}-${entered.month}-${entered.day}`);
  return value ? { value, entered } : { error: 'The day terms end on must be a real date, for example 6 5 2027', entered };
}

export function registerImportRoutes(app: FastifyInstance, deps: Deps): void {
  async function renderPage(reply: FastifyReply, context: Record<string, unknown>, status = 200): Promise<FastifyReply> {
    const imports = (await listRecentImports(deps.db.kysely, 10)).map((i) => {
      const [day, time] = formatDateTime(i.createdAt).split(' at ');
      return { ...i, day, time, formatName: FORMAT_NAMES[i.format as ImportFormat] ?? i.format };
    });
    return reply.code(status).page('import/views/import.njk', { title: 'Import the directory', imports, maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024, values: {}, ...context });
  }

  app.register(async (scope) => {
    await installUploads(scope, {
      maxBytes: MAX_UPLOAD_BYTES,
      fields: 4,
      access: who,
      refuse: (_request, reply, message, status) => renderPage(reply, { errors: formErrors([{ field: 'file', message }]) }, status),
    });

    scope.get('/admin/import', { config: { access: who } }, async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const count = (value: string | undefined) => (/^\d{1,6}$/.test(value ?? '') ? Number(value) : 0);
      const done = /^\d{1,12}$/.test(query.imported ?? '') ? await findImport(deps.db.kysely, Number(query.imported)) : undefined;
      const skipped = done ? done.rows - done.created - done.updated - done.unchanged : 0;
      const flash = done && `${done.fileName} imported: ${summariseImport({ ...done, skipped, wardsAdded: count(query.wards), groupsAdded: count(query.groups) })}`;
      return renderPage(reply, { flash });
    });

    scope.post('/admin/import', { config: { access: who } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const kind = IMPORT_KINDS.find((k) => k === body.kind);
      const file = uploadedFile(body.file);
      const termEnds = termEndsFrom(body);
      const values = { kind, termEndsOn: termEnds.entered };
      const fieldErrors: FieldError[] = [];
      if (!kind) fieldErrors.push({ field: 'kind', message: 'Select what the file lists: members or committees' });
      if (!file) fieldErrors.push({ field: 'file', message: 'Select a CSV or XML file' });
      if (termEnds.error) fieldErrors.push({ field: 'termEndsOn', message: termEnds.error });
      if (fieldErrors.length || !kind || !file) {
        const errors = formErrors(fieldErrors);
        // The summary links to the date's first box, as the GOV.UK date input pattern asks.
        errors.list = errors.list.map((e) => (e.href === '#termEndsOn' ? { ...e, href: '#termEndsOn-day' } : e));
        return renderPage(reply, { errors, values }, 400);
      }

      try {
        const report = await importDirectoryFile(deps, actorOf(request), { kind, fileName: file.fileName || 'upload', content: file.content, termEndsOn: termEnds.value });
        // Wards and groups added are not in the imports register, so the page after the redirect is told them.
        const added = `${report.wardsAdded ? `&wards=${report.wardsAdded}` : ''}${report.groupsAdded ? `&groups=${report.groupsAdded}` : ''}`;
        return reply.redirect(`/admin/import?imported=${report.id}${added}`, 303);
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        return renderPage(reply, { errors: problemsSummary(file.fileName || 'The file', error.problems), values }, 400);
      }
    });
  });
}
