// The council's protocol document: an admin page to upload it (text, Word or PDF) and read the coverage report,
// and a page anyone signed in can read it on, clause by clause, which answers link to.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ValidationError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { formErrors } from '../../web/forms.ts';
import { installUploads, uploadedFile } from '../../web/uploads.ts';
import { actorOf } from '../../web/actor.ts';
import { findFullProfile } from '../../protocol/profiles/index.ts';
import { listDocuments } from './protocol-document.repository.ts';
import { councilDocument, councilProfileId, importCouncilProtocol } from './protocol-document.service.ts';
import { documentSections, documentSummary } from './protocol-document.view.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const protocolDocumentAccess = access.anyOf(['admin', 'democratic-services'], ['monitoring-officer']);
const SHOWN_WARNINGS = 30;

export function registerProtocolDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  async function renderAdminPage(reply: FastifyReply, context: Record<string, unknown>, status = 200): Promise<FastifyReply> {
    const current = await councilDocument(deps);
    const profile = findFullProfile(current?.profile.id ?? (await councilProfileId(deps)));
    const history = (await listDocuments(deps.db.kysely, 10)).map((d) => ({ ...d, summary: documentSummary(d) }));
    return reply.code(status).page('protocol-document/views/admin.njk', {
      title: 'The council’s protocol document',
      current: current && { ...current, summary: documentSummary(current.document), warnings: current.document.warnings.slice(0, SHOWN_WARNINGS), moreWarnings: Math.max(0, current.document.warnings.length - SHOWN_WARNINGS) },
      profile,
      history,
      maxMegabytes: MAX_DOCUMENT_BYTES / 1024 / 1024,
      ...context,
    });
  }

  app.register(async (scope) => {
    await installUploads(scope, {
      maxBytes: MAX_DOCUMENT_BYTES,
      fields: 0,
      access: protocolDocumentAccess,
      refuse: (_request, reply, message, status) => renderAdminPage(reply, { errors: formErrors([{ field: 'file', message }]) }, status),
    });

    scope.get('/admin/protocol', { config: { access: protocolDocumentAccess } }, async (request, reply) => {
      const imported = (request.query as Record<string, string | undefined>).imported;
      return renderAdminPage(reply, { flash: imported === 'yes' ? 'The document was read and is now the one answers quote.' : undefined });
    });

    scope.post('/admin/protocol', { config: { access: protocolDocumentAccess } }, async (request, reply) => {
      const file = uploadedFile((request.body as Record<string, unknown> | undefined)?.file);
      if (!file) return renderAdminPage(reply, { errors: formErrors([{ field: 'file', message: 'Select the protocol document: a text file, a Word document (.docx) or a PDF' }]) }, 400);
      try {
        await importCouncilProtocol(deps, actorOf(request), { fileName: file.fileName || 'protocol', content: file.content });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderAdminPage(reply, { errors: formErrors(error.fields) }, 400);
      }
      return reply.redirect('/admin/protocol?imported=yes', 303);
    });
  });

  app.get('/protocol/document', { config: { access: access.signedIn } }, async (_request, reply) => {
    const current = await councilDocument(deps);
    return reply.page('protocol-document/views/document.njk', {
      title: 'The council’s protocol',
      current: current && { ...current, summary: documentSummary(current.document), sections: documentSections(current.clauses, current.coverage) },
    });
  });
}
