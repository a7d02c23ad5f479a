// The register as the public sees it, without signing in: open papers with their files, and the bare facts of
// exempt and confidential papers the council has chosen to publish — never their summaries or files.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { formErrors } from '../../web/forms.ts';
import { idFromParam, readFilters } from '../../web/params.ts';
import { downloadHeaders, visibleDocuments, visibleFile } from './document-register.ts';
import { listQuery, PAGE_SIZE } from './documents.routes.ts';
import { meetingText, privateReason } from './document.view.ts';

const PUBLIC = { kind: 'public' } as const;
const publicQuery = listQuery.pick({ page: true });

export function registerPublicDocumentPages(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;

  app.get('/public/documents', { config: { access: access.public } }, async (request, reply) => {
    const { values, problems } = readFilters(publicQuery, request.query);
    const page = values.page ?? 1;
    const { items, total } = problems.length ? { items: [], total: 0 } : await visibleDocuments(q, PUBLIC, {}, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const href = (n: number) => (n > 1 ? `/public/documents?page=${n}` : '/public/documents');
    return reply.code(problems.length ? 400 : 200).page('documents/views/public-list.njk', {
      title: 'Council documents',
      rows: items.map((e) => ({ ...e, reason: privateReason(e), meetingText: e.meetingTitle ? meetingText({ title: e.meetingTitle, heldOn: e.meetingHeldOn ?? '' }) : null })),
      total,
      page,
      pastEnd: page > 1 && !items.length && !problems.length,
      pagination: { previous: page > 1 ? href(page - 1) : null, next: page < pages ? href(page + 1) : null, items: pages > 1 ? Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: href(i + 1), current: i + 1 === page })) : [] },
      errors: problems.length ? formErrors(problems) : undefined,
    });
  });

  app.get('/public/documents/:id/file', { config: { access: access.public } }, async (request, reply) => {
    const id = idFromParam((request.params as { id: string }).id);
    if (id === null) throw new NotFoundError('Document');
    const { file } = await visibleFile(q, PUBLIC, id);
    return reply.headers(downloadHeaders(file)).send(Buffer.from(file.content));
  });
}
