// Logging an enquiry from an email: upload the saved .eml or .msg, then check the enquiry form filled in from
// it (the member who sent it, its subject and text, its attachments) and log it. Between the two steps the
// email waits on the server, so nothing has to be uploaded twice.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.ts';
import { NotFoundError, ValidationError } from '../../../errors.ts';
import type { CurrentUser } from '../../../web/access.ts';
import { formErrors, type FormErrors } from '../../../web/forms.ts';
import { installUploads, uploadedFile, uploadedFiles } from '../../../web/uploads.ts';
import { actorOf } from '../../../web/actor.ts';
import { idFromParam } from '../../../web/params.ts';
import { checkFiles, fileErrors } from '../attachments/attachment-uploads.ts';
import { emailIntakeAccess, newEnquiryInput, textFields, type RenderNew } from '../enquiry.form.ts';
import { newEnquiryProblems } from '../enquiry.service.ts';
import { draftFromEmail, emailDraftView, logEnquiryFromEmail, mailboxText, MAX_EMAIL_BYTES } from './enquiry-from-email.service.ts';

type Body = Record<string, unknown>;

const userOf = (request: FastifyRequest): CurrentUser => request.user!;

function draftIdOf(request: FastifyRequest): number {
  const id = idFromParam((request.params as { draft: string }).draft);
  if (id === null) throw new NotFoundError('Email');
  return id;
}

function renderUpload(reply: FastifyReply, errors?: FormErrors, status = 400) {
  return reply.code(errors ? status : 200).page('enquiries/email/views/from-email.njk', { title: 'Log an enquiry from an email', maxMegabytes: MAX_EMAIL_BYTES / 1024 / 1024, errors });
}

/** The upload: its own scope, since an email with its attachments may be larger than one attached file. */
export function registerEmailUpload(app: FastifyInstance, deps: Deps): void {
  app.get('/enquiries/from-email', { config: { access: emailIntakeAccess } }, async (_request, reply) => renderUpload(reply));

  app.register(async (scope) => {
    await installUploads(scope, {
      maxBytes: MAX_EMAIL_BYTES,
      fields: 0,
      access: emailIntakeAccess,
      refuse: async (_request, reply, message, status) => renderUpload(reply, formErrors([{ field: 'file', message }]), status),
    });
    scope.post('/enquiries/from-email', { config: { access: emailIntakeAccess } }, async (request, reply) => {
      const file = uploadedFile(((request.body ?? {}) as Body).file);
      if (!file) return renderUpload(reply, formErrors([{ field: 'file', message: 'Select an email saved as .eml or .msg' }]));
      const draft = await draftFromEmail(deps, userOf(request), file);
      if (!draft.ok) return renderUpload(reply, fileErrors('file', draft.problems));
      return reply.redirect(`/enquiries/from-email/${draft.draftId}`, 303);
    });
  });
}

export type RenderDraft = (request: FastifyRequest, reply: FastifyReply, draftId: number, values?: Body, errors?: FormErrors, status?: number) => Promise<FastifyReply>;

/** The form filled in from the email; it posts, with any more files, inside the enquiry upload scope. */
export function registerEmailConfirm(scope: FastifyInstance, deps: Deps, renderNew: RenderNew): RenderDraft {
  async function render(request: FastifyRequest, reply: FastifyReply, draftId: number, values?: Body, errors?: FormErrors, status?: number) {
    const view = await emailDraftView(deps, userOf(request), draftId);
    const { email } = view;
    return renderNew(request, reply, values ?? view.values, errors, {
      status,
      title: 'Check the enquiry from the email',
      action: `/enquiries/from-email/${draftId}`,
      fromEmail: {
        fileName: view.draft.fileName,
        sender: mailboxText(email.from),
        sentAt: email.sentAt,
        resident: email.forwarded?.from ? mailboxText(email.forwarded.from) : null,
        residentSentAt: email.forwarded?.sentAt ?? null,
        matchedMemberName: view.matchedMemberName,
        kept: [view.draft.fileName, ...view.attachments.map((a) => a.fileName)],
      },
    });
  }

  scope.get('/enquiries/from-email/:draft', { config: { access: emailIntakeAccess } }, async (request, reply) => render(request, reply, draftIdOf(request)));

  scope.post('/enquiries/from-email/:draft', { config: { access: emailIntakeAccess } }, async (request, reply) => {
    const draftId = draftIdOf(request);
    const body = (request.body ?? {}) as Body;
    const text = textFields(body);
    const files = await checkFiles(uploadedFiles(body.attachments));
    try {
      if (files.problems.length) {
        const fields = await newEnquiryProblems(deps, userOf(request), newEnquiryInput(body));
        return await render(request, reply, draftId, text, fileErrors('attachments', files.problems, fields.length ? formErrors(fields) : undefined));
      }
      const enquiry = await logEnquiryFromEmail(deps, actorOf(request), userOf(request), draftId, newEnquiryInput(body), files.accepted);
      return reply.redirect(`/enquiries/${enquiry.id}?logged=yes`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(request, reply, draftId, text, formErrors(error.fields));
    }
  });
  return render;
}
