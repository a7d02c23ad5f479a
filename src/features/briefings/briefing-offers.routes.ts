// An offered identical session, as the group (or the member in no group) it was offered to sees it, with the
// form to take it up — choosing the day and saying who will be there — or to decline it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { formErrors, type FormErrors } from '../../web/forms.ts';
import { actorOf } from '../../web/actor.ts';
import { idFromParam } from '../../web/params.ts';
import { briefingAccess } from './briefing-access.ts';
import { dateFromBoxes, one, pageField, textValues } from './briefing-form.ts';
import { answerOffer, offerFor } from './briefing-offers.service.ts';
import { offerTag } from './briefing.view.ts';

export function registerBriefingOfferPages(app: FastifyInstance, deps: Deps): void {
  const config = { config: { access: briefingAccess } };
  const idOf = (request: FastifyRequest) => {
    const id = idFromParam((request.params as { id?: string }).id ?? '');
    if (id === null) throw new NotFoundError('Offer');
    return id;
  };

  async function render(request: FastifyRequest, reply: FastifyReply, id: number, extra: { values?: Record<string, string>; errors?: FormErrors; status?: number } = {}) {
    const { offer, mayAnswer } = await offerFor(deps, request.user!, id);
    return reply.code(extra.status ?? 200).page('briefings/views/offer.njk', {
      title: `Offered: ${offer.subject}`,
      offer,
      tag: offerTag(offer),
      mayAnswer: mayAnswer && offer.status === 'offered',
      values: extra.values ?? {},
      errors: extra.errors,
    });
  }

  app.get('/briefings/offers/:id', config, async (request, reply) => render(request, reply, idOf(request)));

  app.post('/briefings/offers/:id', config, async (request, reply) => {
    const id = idOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const input = { ...textValues(body), meetsOn: dateFromBoxes(body, 'meetsOn') || undefined, nonMembersPresent: one(body.nonMembersPresent) || undefined };
      const { briefing } = await answerOffer(deps, actorOf(request), request.user!, id, input);
      return reply.redirect(briefing ? `/briefings/${briefing.id}?done=requested` : `/briefings/offers/${id}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return render(request, reply, id, { values: textValues(body), errors: formErrors(error.fields.map((f) => ({ ...f, field: pageField(f.field) }))), status: 400 });
      if (error instanceof ConflictError) return render(request, reply, id, { errors: formErrors([{ field: 'status', message: error.message }]), status: 409 });
      throw error;
    }
  });
}
