// The register's pages: the list (with filters), one entry with its versions, adding and changing entries,
// uploading a new version of the file, and downloads. Who sees what is decided in document-access.ts and applied
// in document-register.ts; these routes only decide who may change the register (its custodians).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { formErrors, type FormErrors } from '../../web/forms.ts';
import { installUploads, uploadedFile } from '../../web/uploads.ts';
import { actorOf } from '../../web/actor.ts';
import { listBodies } from '../directory/bodies.repository.ts';
import { idFromParam, readFilters } from '../../web/params.ts';
import { listGroups } from '../directory/groups.repository.ts';
import { listOfficers } from '../directory/officers.repository.ts';
import { MAX_ATTACHMENT_BYTES } from '../enquiries/attachments/attachment-check.ts';
import { checkFiles, fileErrors } from '../enquiries/attachments/attachment-uploads.ts';
import { custodianAccess, documentViewerOf } from './document-access.ts';
import { downloadHeaders, visibleDocument, visibleDocuments, visibleFile, visibleFileVersions } from './document-register.ts';
import { findDocument, findMeeting, listMeetings } from './document.repository.ts';
import { DocumentLimitError } from '../protocol-import/text-limits.ts';
import { addDocumentFile, changeDocument, createDocument, DOCUMENT_TEXT, viewerParagraphs } from './document.service.ts';
import { fileText } from './document-text.ts';
import { listDocumentViews, logDocumentView } from './document-views.repository.ts';
import { latestRequestFor } from './document-grants.ts';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, CONFIDENTIAL_GROUND_LABELS, EXEMPT_PARAGRAPH_LABELS } from './document.types.ts';
import { classificationReason, classificationTag, classificationText, documentInputFrom, formValues, meetingText, sizeText, textValues } from './document.view.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';
import { text } from '../../web/text.ts';

export const PAGE_SIZE = 25;
type Body = Record<string, unknown>;

const blank = (v: unknown) => (v === '' ? undefined : v);
export const listQuery = z.object({
  body: z.preprocess(blank, z.coerce.number({ error: 'Select a committee or body from the list' }).int('Select a committee or body from the list').positive('Select a committee or body from the list').max(LARGEST_INTEGER, 'Select a committee or body from the list').optional()),
  classification: z.preprocess(blank, z.enum(CLASSIFICATIONS, { error: 'Select a classification from the list' }).optional()),
  q: z.preprocess(blank, text('Search', { trim: true, max: 200, tooLong: 'Search for 200 characters or fewer' }).optional()),
  page: z.preprocess(blank, z.coerce.number({ error: 'The page must be a whole number' }).int('The page must be a whole number').min(1, 'The page must be 1 or more').max(100_000, 'The page must be 100,000 or less').optional()),
});

function listHref(values: { body?: number | undefined; classification?: string | undefined; q?: string | undefined }, page: number): string {
  const params = new URLSearchParams();
  if (values.body !== undefined) params.set('body', String(values.body));
  if (values.classification) params.set('classification', values.classification);
  if (values.q) params.set('q', values.q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/documents${query ? `?${query}` : ''}`;
}

function idOf(request: FastifyRequest, name = 'id'): number {
  const id = idFromParam((request.params as Record<string, string>)[name] ?? '');
  if (id === null) throw new NotFoundError('Document');
  return id;
}

/** The form's field for a service error: the date input's first box stands for the review date. */
function pageField(field: string): string {
  return field === 'reviewOn' ? 'reviewOn-day' : field;
}

export function registerDocumentPages(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  const today = () => ukDate(deps.clock.now());
  const viewerOf = (request: FastifyRequest) => documentViewerOf(q, request.user, today());

  app.get('/documents', { config: { access: access.signedIn, formText: ['q'] } }, async (request, reply) => {
    const { values, problems } = readFilters(listQuery, request.query);
    const bodies = await listBodies(q, today());
    if (values.body !== undefined && !bodies.some((b) => b.id === values.body)) problems.push({ field: 'body', message: 'Select a committee or body from the list' });
    const page = values.page ?? 1;
    const filter = problems.length ? undefined : { bodyId: values.body, classification: values.classification, words: values.q };
    const viewer = await viewerOf(request);
    const { items, total } = filter ? await visibleDocuments(q, viewer, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : { items: [], total: 0 };
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const selected = (value: string | number, chosen: string | number | undefined) => String(value) === String(chosen ?? '');
    return reply.code(problems.length ? 400 : 200).page('documents/views/list.njk', {
      title: 'Documents',
      custodian: viewer.kind === 'signed-in' && viewer.custodian,
      rows: items.map((e) => ({ ...e, tag: classificationTag(e), classificationText: classificationText(e), meetingText: e.meetingTitle ? meetingText({ title: e.meetingTitle, heldOn: e.meetingHeldOn ?? '' }) : null })),
      total,
      searched: Boolean(values.q || values.body || values.classification),
      values,
      bodyItems: [{ value: '', text: 'Any committee or body' }, ...bodies.map((b) => ({ value: b.id, text: b.name, selected: selected(b.id, values.body) }))],
      classificationItems: [{ value: '', text: 'Any classification' }, ...CLASSIFICATIONS.map((c) => ({ value: c, text: CLASSIFICATION_LABELS[c], selected: selected(c, values.classification) }))],
      pastEnd: page > 1 && !items.length && !problems.length,
      pagination: {
        page,
        pages,
        first: listHref(values, 1),
        items: pages > 1 ? Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: listHref(values, i + 1), current: i + 1 === page })) : [],
        previous: page > 1 ? listHref(values, page - 1) : null,
        next: page < pages ? listHref(values, page + 1) : null,
      },
      errors: problems.length ? formErrors(problems) : undefined,
    });
  });

  async function renderForm(reply: FastifyReply, options: { id?: number; values: Record<string, string>; errors?: FormErrors; status?: number }) {
    const day = today();
    const [bodies, meetings, officers, groups] = await Promise.all([listBodies(q, day), listMeetings(q), listOfficers(q, { day }), listGroups(q)]);
    const v = options.values;
    const item = (value: string | number, text: string, chosen: string | undefined) => ({ value: String(value), text, selected: String(value) === (chosen ?? '') });
    return reply.code(options.status ?? (options.errors ? 400 : 200)).page('documents/views/form.njk', {
      title: options.id === undefined ? 'Add a document to the register' : 'Change a document’s entry',
      action: options.id === undefined ? '/documents/new' : `/documents/${options.id}/edit`,
      back: options.id === undefined ? '/documents' : `/documents/${options.id}`,
      values: v,
      bodyItems: [{ value: '', text: 'Select a committee or body' }, ...bodies.map((b) => item(b.id, b.name, v.bodyId))],
      meetingItems: [{ value: '', text: 'No meeting' }, ...meetings.map((m) => item(m.id, meetingText(m), v.meetingId))],
      officerItems: [{ value: '', text: 'Not written by an officer' }, ...officers.map((o) => item(o.id, `${o.fullName}, ${o.jobTitle}`, v.authorOfficerId))],
      groupItems: [{ value: '', text: 'Select a party group' }, ...groups.map((g) => item(g.id, g.name, v.groupId))],
      paragraphItems: Object.entries(EXEMPT_PARAGRAPH_LABELS).map(([value, text]) => ({ value, text, checked: v.exemptParagraph === value })),
      groundItems: Object.entries(CONFIDENTIAL_GROUND_LABELS).map(([value, text]) => ({ value, text, checked: v.confidentialGround === value })),
      errors: options.errors,
    });
  }

  const custodian = { config: { access: custodianAccess } };

  app.get('/documents/new', custodian, async (request, reply) => {
    // Coming from adding a meeting: that meeting, and its body, chosen already.
    const meetingId = idFromParam((request.query as Record<string, string | undefined>).meeting ?? '');
    const meeting = meetingId === null ? undefined : await findMeeting(q, meetingId);
    return renderForm(reply, { values: meeting ? { meetingId: String(meeting.id), bodyId: String(meeting.bodyId) } : {} });
  });

  const custodianForm = { config: { access: custodianAccess, formText: DOCUMENT_TEXT } };
  app.post('/documents/new', custodianForm, async (request, reply) => {
    const body = (request.body ?? {}) as Body;
    try {
      const entry = await createDocument(deps, actorOf(request), documentInputFrom(body));
      return reply.redirect(`/documents/${entry.id}?done=added`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderForm(reply, { values: textValues(body), errors: formErrors(error.fields.map((f) => ({ ...f, field: pageField(f.field) }))) });
    }
  });

  app.get('/documents/:id/edit', custodian, async (request, reply) => {
    const entry = await findDocument(q, idOf(request));
    if (!entry) throw new NotFoundError('Document');
    return renderForm(reply, { id: entry.id, values: formValues(entry) });
  });

  app.post('/documents/:id/edit', custodianForm, async (request, reply) => {
    const id = idOf(request);
    const body = (request.body ?? {}) as Body;
    try {
      await changeDocument(deps, actorOf(request), id, Number(body.version), documentInputFrom(body));
      return reply.redirect(`/documents/${id}?done=changed`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        return renderForm(reply, { id, values: textValues(body), errors: formErrors(error.fields.map((f) => ({ ...f, field: pageField(f.field) }))) });
      }
      if (error instanceof ConflictError) {
        // The form again with the entry as it now stands, and the conflict above it.
        const now = await findDocument(q, id);
        if (!now) throw new NotFoundError('Document');
        return renderForm(reply, { id, values: formValues(now), errors: formErrors([{ field: 'title', message: error.message }]), status: 409 });
      }
      throw error;
    }
  });

  async function renderEntry(request: FastifyRequest, reply: FastifyReply, id: number, extra: { errors?: FormErrors; status?: number; flash?: string } = {}) {
    const viewer = await viewerOf(request);
    const entry = await visibleDocument(q, viewer, id);
    const versions = await visibleFileVersions(q, entry);
    const user = request.user;
    const member = user !== null && user.memberId !== null && (user.roles.includes('member') || user.roles.includes('group-leader'));
    return reply.code(extra.status ?? 200).page('documents/views/document.njk', {
      title: entry.title,
      entry,
      mayAsk: member && !entry.sight.file && !entry.sight.grant,
      request: member && user.memberId !== null ? await latestRequestFor(q, user.memberId, entry.id) : undefined,
      tag: classificationTag(entry),
      classificationText: classificationText(entry),
      reason: classificationReason(entry),
      meetingText: entry.meetingTitle ? meetingText({ title: entry.meetingTitle, heldOn: entry.meetingHeldOn ?? '' }) : null,
      versions: versions.map((v) => ({ ...v, sizeText: sizeText(v.size) })),
      custodian: viewer.kind === 'signed-in' && viewer.custodian,
      openings: viewer.kind === 'signed-in' && viewer.custodian && entry.classification !== 'open' ? (await listDocumentViews(q, entry.id)).slice(0, 20) : [],
      maxMegabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
      errors: extra.errors,
      flash: extra.flash,
    });
  }

  const FLASHES: Record<string, string> = { added: 'The document was added to the register.', changed: 'The entry was changed.', uploaded: 'The new version of the file was uploaded.' };
  app.get('/documents/:id', { config: { access: access.signedIn } }, async (request, reply) => {
    const done = (request.query as Record<string, string | undefined>).done;
    return renderEntry(request, reply, idOf(request), { flash: done ? FLASHES[done] : undefined });
  });

  /** Serves a version the reader may open, logging the opening of any paper that is not open to all. */
  async function openFile(request: FastifyRequest, use: 'download' | 'view') {
    const version = idFromParam((request.params as { version: string }).version);
    if (version === null) throw new NotFoundError('File');
    const opened = await visibleFile(q, await viewerOf(request), idOf(request), version, use);
    if (opened.entry.classification !== 'open') {
      const user = request.user!;
      await logDocumentView(q, { documentId: opened.entry.id, fileVersion: version, accessRequestId: opened.entry.sight.grant?.requestId ?? null, userId: user.id, viewer: user.fullName, kind: use }, deps.clock.now().toISOString());
    }
    return opened;
  }

  app.get('/documents/:id/versions/:version/file', { config: { access: access.signedIn } }, async (request, reply) => {
    const { file } = await openFile(request, 'download');
    return reply.headers(downloadHeaders(file)).send(Buffer.from(file.content));
  });

  app.get('/documents/:id/versions/:version/view', { config: { access: access.signedIn } }, async (request, reply) => {
    const { file, entry } = await openFile(request, 'view');
    return reply.page('documents/views/viewer.njk', { title: entry.title, entry, file, paragraphs: viewerParagraphs(deps, file), viewedBy: request.user!.fullName, viewedAt: deps.clock.now().toISOString() });
  });

  app.register(async (scope) => {
    await installUploads(scope, {
      maxBytes: MAX_ATTACHMENT_BYTES,
      fields: 2,
      access: custodianAccess,
      refuse: async (request, reply, message, status) => renderEntry(request, reply, idOf(request), { errors: fileErrors('file', [message]), status }),
    });
    scope.post('/documents/:id/versions', custodian, async (request, reply) => {
      const id = idOf(request);
      if (!(await findDocument(q, id))) throw new NotFoundError('Document');
      const chosen = uploadedFile((request.body as Body | undefined)?.file);
      const checked = chosen ? await checkFiles([chosen]) : { accepted: [], problems: ['Select the file to upload'] };
      // The register holds papers: PDF and Office documents, not the photos an enquiry may carry.
      const accepted = checked.accepted.filter((f) => !f.contentType.startsWith('image/') && !f.contentType.startsWith('text/'));
      const refusedAsPaper = checked.accepted.filter((f) => !accepted.includes(f)).map((f) => `${f.fileName} is not a PDF or Office document: upload the paper as a PDF, Word, Excel, PowerPoint or OpenDocument file`);
      const messages = [...checked.problems, ...refusedAsPaper];
      if (messages.length || !accepted[0]) {
        return renderEntry(request, reply, id, { errors: fileErrors('file', messages), status: 400 });
      }
      // Its words are read now, once, for the viewer; a file past the reading limits is refused.
      let text: string | null;
      try {
        text = await fileText(accepted[0]);
      } catch (error) {
        if (!(error instanceof DocumentLimitError)) throw error;
        return renderEntry(request, reply, id, { errors: fileErrors('file', [error.message]), status: 400 });
      }
      await addDocumentFile(deps, actorOf(request), id, { ...accepted[0], text, redacted: (request.body as Body | undefined)?.redacted === 'yes' });
      return reply.redirect(`/documents/${id}?done=uploaded`, 303);
    });
  });
}
