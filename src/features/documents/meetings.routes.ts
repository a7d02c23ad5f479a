// Adding a meeting: a custodian records a body's meeting so that its papers can be filed against it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { ValidationError } from '../../errors.ts';
import { formErrors, type FormErrors } from '../../web/forms.ts';
import { actorOf } from '../../web/actor.ts';
import { listBodies } from '../directory/bodies.repository.ts';
import { custodianAccess } from './document-access.ts';
import { textValues } from './document.view.ts';
import { addMeeting, MEETING_TEXT } from './meeting.service.ts';

export function registerMeetingPages(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  const config = { access: custodianAccess };

  async function renderForm(reply: FastifyReply, values: Record<string, string>, errors?: FormErrors) {
    const bodies = await listBodies(q, ukDate(deps.clock.now()));
    return reply.code(errors ? 400 : 200).page('documents/views/meeting-form.njk', {
      title: 'Add a meeting',
      values,
      bodyItems: [{ value: '', text: 'Select a committee or body' }, ...bodies.map((b) => ({ value: String(b.id), text: b.name, selected: String(b.id) === values.bodyId }))],
      errors,
    });
  }

  app.get('/documents/meetings/new', { config }, async (_request, reply) => renderForm(reply, {}));

  app.post('/documents/meetings/new', { config: { ...config, formText: MEETING_TEXT } }, async (request, reply) => {
    const body = textValues((request.body ?? {}) as Record<string, unknown>);
    const [day = '', month = '', year = ''] = ['heldOn-day', 'heldOn-month', 'heldOn-year'].map((k) => (body[k] ?? '').trim());
    const heldOn = day || month || year ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
    try {
      const id = await addMeeting(deps, actorOf(request), { bodyId: body.bodyId ?? '', title: body.title ?? '', heldOn });
      // Straight on to filing a paper against it, the usual next step.
      return reply.redirect(`/documents/new?meeting=${id}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderForm(reply, body, formErrors(error.fields.map((f) => ({ ...f, field: f.field === 'heldOn' ? 'heldOn-day' : f.field }))));
    }
  });
}
