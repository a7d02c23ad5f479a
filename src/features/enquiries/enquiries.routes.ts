// The enquiry pages: the list each person sees (a member's own, an officer's queue, everything for democratic
// services), logging a new one, and one enquiry with its deadline, history and the steps the reader may take.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { allows, type CurrentUser } from '../../web/access.ts';
import { asList, formErrors } from '../../web/forms.ts';
import { nameForContent } from '../../web/file-names.ts';
import { installUploads, uploadedFiles } from '../../web/uploads.ts';
import { actorOf } from '../../web/actor.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { listMembers } from '../directory/members.repository.ts';
import { listOfficers, listServices } from '../directory/officers.repository.ts';
import { listWards } from '../directory/wards.repository.ts';
import type { Officer, Service, Ward } from '../directory/directory.types.ts';
import { idFromParam } from '../../web/params.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { ACTIONS, availableActions, listScopeFor, oversees, standingOn, type EnquiryAction } from './enquiry-access.ts';
import { findAttachment, listAttachments, listEnquiries, listEvents, listMeetingContacts, type ListScope } from './enquiry.repository.ts';
import { LIST_VIEWS, listHref, readListFilter, type ListParams } from './enquiry-list-filter.ts';
import { readListNames, type ListNames } from './enquiry-list.repository.ts';
import { actOnEnquiry, enquiryFor, logEnquiry, NEW_ENQUIRY_TEXT, newEnquiryProblems } from './enquiry.service.ts';
import { STATUS_LABELS, type EnquiryListItem } from './enquiry.types.ts';
import { keptTables } from './kept-tables.ts';
import { emailIntakeAccess, enquiryAccess, newEnquiryInput, one, textFields, type RenderNew } from './enquiry.form.ts';
import { ACTION_LABELS, deadlineView, eventRow, statusTag } from './enquiry.view.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments/attachment-check.ts';
import { checkFiles, fileErrors, MAX_ATTACHMENTS } from './attachments/attachment-uploads.ts';
import { addAttachments, mayAttach } from './attachments/enquiry-attachments.service.ts';
import { registerEmailConfirm, registerEmailUpload, type RenderDraft } from './email/enquiry-from-email.routes.ts';

export { enquiryAccess };
const PAGE_SIZE = 50;
type Body = Record<string, unknown>;

/** The new-enquiry form and the attachment form: text fields besides the files, with a checkbox per member. */
const UPLOAD_FIELDS = 500;

function userOf(request: FastifyRequest): CurrentUser {
  return request.user!;
}

type DirectoryLists = { wards: Ward[]; services: Service[]; officers: Officer[] };

type Select = { id: string; name: string; label: { text: string }; items: { value: string | number; text: string; selected?: boolean }[]; errorMessage?: { text: string } };
type FilterSelects = { service: Select; officer: Select; ward: Select };

/** The list's three filters as GOV.UK select parameters, the chosen one selected, any error against its field. */
function filterSelects(lists: DirectoryLists, params: ListParams, errors?: { fields: Record<string, { text: string } | undefined> }): FilterSelects {
  const item = (value: string | number, text: string, chosen: string) => ({ value, text, selected: chosen === String(value) });
  const select = (name: keyof FilterSelects, label: string, items: Select['items']): Select => ({ id: name, name, label: { text: label }, items, errorMessage: errors?.fields[name] });
  return {
    service: select('service', 'Service', [{ value: '', text: 'Any service' }, item('none', 'No service given', params.service), ...lists.services.map((s) => item(s.id, s.name, params.service))]),
    officer: select('officer', 'Assigned officer', [{ value: '', text: 'Any officer' }, item('none', 'Not yet assigned', params.officer), ...lists.officers.map((o) => item(o.id, o.fullName, params.officer))]),
    ward: select('ward', 'Ward', [{ value: '', text: 'Any ward' }, ...lists.wards.map((w) => item(w.id, w.name, params.ward))]),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

const rememberedSelects = new WeakMap<DirectoryLists, Map<string, FilterSelects>>();
const MAX_REMEMBERED_SELECTS = 200;

/**
 * The selects without errors, made once per reading of the directory and choice of filters, and frozen. Handing
 * govuk() the same frozen objects lets it find their markup by identity, rather than writing out seventy-odd
 * officers as its key on every page.
 */
function sharedFilterSelects(lists: DirectoryLists, params: ListParams): FilterSelects {
  let byChoice = rememberedSelects.get(lists);
  if (!byChoice) rememberedSelects.set(lists, (byChoice = new Map()));
  const key = `${params.service}\u0000${params.officer}\u0000${params.ward}`;
  let selects = byChoice.get(key);
  if (!selects) {
    if (byChoice.size >= MAX_REMEMBERED_SELECTS) byChoice.clear();
    byChoice.set(key, (selects = deepFreeze(filterSelects(lists, params))));
  }
  return selects;
}

export function registerEnquiryPages(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  // The filters' wards, services and officers, read at most every 30 seconds (read-cache.ts).
  const directoryLists = app.readCache<DirectoryLists>(30_000, ['wards', 'services', 'officers']);
  // A list's page of enquiries (with the names it shows) and how many it holds, for the same reader and filters,
  // read again only after a write to them here or elsewhere: an officer's queue is opened far more often than it
  // changes. Exact caches, so kept only while writes made elsewhere are being heard; a few hundred pages at most.
  const listCounts = app.readCache<number>(60_000, ['enquiries', 'enquiry_copies', 'officers'], { exact: true, maxEntries: 1_000 });
  const listItems = app.readCache<EnquiryListItem[]>(60_000, ['enquiries', 'enquiry_copies', 'members', 'wards', 'services', 'officers'], { exact: true, maxEntries: 200 });
  const tableOf = keptTables((items) => listItems.holds(items as EnquiryListItem[]));
  // Whose enquiries a reader sees follows line management, which changes rarely: read at most every 30 seconds.
  const listScopes = app.readCache<ListScope>(30_000, ['officers']);
  const scopeOf = (user: CurrentUser) => listScopes.through(JSON.stringify([user.memberId, user.memberRecordId, user.officerId, oversees(user)]), () => listScopeFor(q, user));
  // The names the list shows, read at most every 30 seconds, and again at once if a page names someone new.
  const listNames = app.readCache<ListNames>(30_000, ['members', 'wards', 'services', 'officers']);
  const names = async (fresh: boolean) => {
    if (fresh) listNames.clear();
    return listNames.through('names', () => readListNames(q));
  };
  const today = () => ukDate(deps.clock.now());
  const calendar = async () => ({ nation: (await councilSummary(q))?.nation ?? 'england-and-wales', closures: (await readSettings(q)).closures });

  app.get('/enquiries', { config: { access: enquiryAccess } }, async (request, reply) => {
    const user = userOf(request);
    const day = today();
    const lists = await directoryLists.through(day, async () => {
      const [wards, services, officers] = await Promise.all([listWards(q), listServices(q), listOfficers(q, { day, includeLeft: true })]);
      return { wards, services, officers };
    });
    const { filter, problems, page, params, dates } = readListFilter(request.query as Record<string, string | undefined>, lists, day, PAGE_SIZE);
    const remember = (key: string, count: () => Promise<number>) => listCounts.through(key, count);
    const kept = (key: string, read: () => Promise<EnquiryListItem[]>) => listItems.through(key, read);
    const { items, total, totalAtLeast } = problems.length ? { items: [], total: 0, totalAtLeast: false } : await listEnquiries(q, await scopeOf(user), filter, { remember, names, items: kept });
    const title = oversees(user) ? 'Enquiries' : user.officerId !== null && user.memberId === null ? 'Your enquiry queue' : 'Your enquiries';
    const errors = problems.length ? formErrors(problems) : undefined;
    // Past the counting limit the last page is unknown: there is a next page while this one is full.
    const pages = totalAtLeast ? (items.length === PAGE_SIZE ? page + 1 : page) : Math.max(1, Math.ceil(total / PAGE_SIZE));
    return reply.code(problems.length ? 400 : 200).page('enquiries/views/list.njk', {
      title,
      table: items.length ? tableOf(items, day) : null,
      total,
      totalAtLeast,
      searched: Boolean(params.q),
      view: params.view,
      views: LIST_VIEWS.map(([id, text]) => ({ id, text, href: listHref({ ...params, view: id }) })),
      // Shared only while the lists are kept: remembered for lists read once, they would outlive the request.
      filters: problems.length ? filterSelects(lists, params, errors) : directoryLists.holds(lists) ? sharedFilterSelects(lists, params) : filterSelects(lists, params),
      values: { ...params, ...dates },
      reports: user.officerId !== null || oversees(user),
      pastEnd: page > 1 && !items.length && !problems.length,
      pagination: { page, pages, first: listHref({ ...params, page: 1 }), previous: page > 1 ? listHref({ ...params, page: page - 1 }) : null, next: page < pages ? listHref({ ...params, page: page + 1 }) : null },
      errors,
    });
  });

  const renderNew: RenderNew = async (request, reply, values, errors, extra = {}) => {
    const user = userOf(request);
    const day = today();
    const members = await listMembers(q, { day, status: 'in-office' });
    const { status, ...context } = extra;
    return reply.code(typeof status === 'number' ? status : errors ? 400 : 200).page('enquiries/views/new.njk', {
      title: 'Log an enquiry',
      onBehalf: user.memberId === null,
      mayLogFromEmail: allows(emailIntakeAccess, user),
      members: members.filter((m) => m.id !== user.memberId),
      wards: await listWards(q),
      services: await listServices(q),
      meetingContacts: await listMeetingContacts(q, day),
      values: { ...values, copyTo: asList(values.copyTo) },
      errors,
      action: '/enquiries/new',
      maxAttachments: MAX_ATTACHMENTS,
      maxMegabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
      ...context,
    });
  };

  app.get('/enquiries/new', { config: { access: enquiryAccess } }, async (request, reply) => renderNew(request, reply, {}));

  let renderDraft: RenderDraft = async () => {
    throw new Error('the email pages are not registered yet');
  };
  app.register(async (scope) => {
    await installUploads(scope, {
      maxBytes: MAX_ATTACHMENT_BYTES,
      files: MAX_ATTACHMENTS,
      fields: UPLOAD_FIELDS,
      fieldBytes: 100_000,
      access: enquiryAccess,
      // The form again, empty but for the error: a refused upload stops before its fields are read.
      refuse: async (request, reply, message, status) => {
        const params = request.params as { id?: string; draft?: string };
        const errors = fileErrors('attachments', [message]);
        const id = idFromParam(params.id ?? '');
        const draftId = idFromParam(params.draft ?? '');
        if (id !== null) return renderEnquiry(request, reply, id, { errors, status });
        if (draftId !== null) return renderDraft(request, reply, draftId, undefined, errors, status);
        return renderNew(request, reply, {}, errors, { status });
      },
    });

    scope.post('/enquiries/new', { config: { access: enquiryAccess, formText: NEW_ENQUIRY_TEXT } }, async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      const files = await checkFiles(uploadedFiles(body.attachments));
      try {
        // Every problem at once: the form's own, then each file's. Nothing is kept unless all are right.
        if (files.problems.length) {
          const fields = await newEnquiryProblems(deps, userOf(request), newEnquiryInput(body));
          return await renderNew(request, reply, textFields(body), fileErrors('attachments', files.problems, fields.length ? formErrors(fields) : undefined));
        }
        const enquiry = await logEnquiry(deps, actorOf(request), userOf(request), newEnquiryInput(body), files.accepted);
        return reply.redirect(`/enquiries/${enquiry.id}?logged=yes`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderNew(request, reply, textFields(body), formErrors(error.fields));
      }
    });

    scope.post('/enquiries/:id/attachments', { config: { access: enquiryAccess } }, async (request, reply) => {
      const id = idFromParam((request.params as { id: string }).id);
      if (id === null) throw new NotFoundError('Enquiry');
      const chosen = uploadedFiles(((request.body ?? {}) as Body).attachments);
      const files = await checkFiles(chosen);
      if (!chosen.length) files.problems.push('Select the files to attach');
      if (files.problems.length) {
        await enquiryFor(deps, userOf(request), id);
        return renderEnquiry(request, reply, id, { errors: fileErrors('attachments', files.problems), status: 400 });
      }
      await addAttachments(deps, actorOf(request), userOf(request), id, files.accepted);
      return reply.redirect(`/enquiries/${id}?attached=${files.accepted.length}`, 303);
    });

    renderDraft = registerEmailConfirm(scope, deps, renderNew);
  });
  registerEmailUpload(app, deps);

  async function renderEnquiry(request: FastifyRequest, reply: FastifyReply, id: number, extra: { errors?: ReturnType<typeof formErrors>; values?: Body; status?: number; flash?: string } = {}) {
    const user = userOf(request);
    const enquiry = await enquiryFor(deps, user, id);
    const day = today();
    const standing = await standingOn(q, user, enquiry, day);
    const actions = availableActions(standing, enquiry.status);
    const colleagues = actions.includes('pass-on') ? (await listMembers(q, { day, status: 'in-office' })).sort((a, b) => Number(b.wardId === enquiry.wardId) - Number(a.wardId === enquiry.wardId)) : [];
    return reply.code(extra.status ?? 200).page('enquiries/views/enquiry.njk', {
      title: `${enquiry.reference}: ${enquiry.subject}`,
      enquiry,
      tag: statusTag(enquiry.status),
      deadline: deadlineView(enquiry, await calendar(), day),
      events: (await listEvents(q, enquiry.id)).map(eventRow),
      attachments: await listAttachments(q, enquiry.id),
      mayAttach: mayAttach(standing),
      maxAttachments: MAX_ATTACHMENTS,
      maxMegabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
      actions: actions.map((a) => ({ id: a, ...ACTION_LABELS[a] })),
      officers: actions.includes('reassign') ? (await listOfficers(q, { day })).filter((o) => o.id !== enquiry.assignedOfficerId) : [],
      colleagues,
      authorGone: !standing.authorInOffice,
      statusLabels: STATUS_LABELS,
      values: extra.values ?? {},
      errors: extra.errors,
      flash: extra.flash,
    });
  }

  app.get('/enquiries/:id', { config: { access: enquiryAccess } }, async (request, reply) => {
    const id = idFromParam((request.params as { id: string }).id);
    if (id === null) throw new NotFoundError('Enquiry');
    const query = request.query as Record<string, string | undefined>;
    const attached = /^\d{1,2}$/.test(query.attached ?? '') ? Number(query.attached) : 0;
    const flash = query.logged === 'yes' ? 'The enquiry was logged.' : attached ? `${attached} ${attached === 1 ? 'file was' : 'files were'} attached.` : undefined;
    return renderEnquiry(request, reply, id, { flash });
  });

  app.post('/enquiries/:id/:action', { config: { access: enquiryAccess } }, async (request, reply) => {
    const params = request.params as { id: string; action: string };
    const id = idFromParam(params.id);
    const action = ACTIONS.find((a) => a === params.action);
    if (id === null || !action) throw new NotFoundError('Enquiry');
    const body = (request.body ?? {}) as Body;
    const dueDate = [one(body['dueOn-year']), one(body['dueOn-month']).padStart(2, '0'), one(body['dueOn-day']).padStart(2, '0')].join('-');
    try {
      await actOnEnquiry(deps, actorOf(request), userOf(request), id, action as EnquiryAction, {
        version: Number(one(body.version)),
        text: one(body.text),
        dueOn: one(body['dueOn-year']) ? dueDate : undefined,
        agreed: one(body.agreed) === 'yes',
        officerId: Number(one(body.officerId)) || undefined,
        memberId: Number(one(body.memberId)) || undefined,
      });
      return reply.redirect(`/enquiries/${id}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        const fields = error.fields.map((f) => ({ field: `${action}-${f.field === 'dueOn' ? 'dueOn-day' : f.field}`, message: f.message }));
        return renderEnquiry(request, reply, id, { errors: formErrors(fields), values: { action, ...body }, status: 400 });
      }
      if (error instanceof ConflictError) return renderEnquiry(request, reply, id, { errors: formErrors([{ field: 'history', message: error.message }]), status: 409 });
      throw error;
    }
  });

  app.get('/enquiries/:id/attachments/:attachment', { config: { access: enquiryAccess } }, async (request, reply) => {
    const params = request.params as { id: string; attachment: string };
    const id = idFromParam(params.id);
    const attachmentId = idFromParam(params.attachment);
    if (id === null || attachmentId === null) throw new NotFoundError('Attachment');
    await enquiryFor(deps, userOf(request), id);
    const file = await findAttachment(q, id, attachmentId);
    if (!file) throw new NotFoundError('Attachment');
    // Always a download, never shown in the page's origin: a file is only as safe as whoever sent it. Its name
    // ends in the extension of its checked type, for a file kept before names followed content too.
    const fileName = nameForContent(file.fileName, file.contentType);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(file.content));
  });
}
