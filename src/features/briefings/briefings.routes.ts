// The briefing pages: the lists (a group's own, an officer's invitations, what other groups were told, and the
// statutory officers' view of all), asking for a briefing, and one briefing with the steps open to the reader.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { CurrentUser } from '../../web/access.ts';
import { formErrors, type FormErrors } from '../../web/forms.ts';
import { actorOf } from '../../web/actor.ts';
import { idFromParam } from '../../web/params.ts';
import { listOfficers } from '../directory/officers.repository.ts';
import { hasDuty } from '../../protocol/duties.ts';
import { briefingAccess, groupSideOf, mayAct, standingOn } from './briefing-access.ts';
import { one, pageField, requestInputFrom, textValues } from './briefing-form.ts';
import { listNotices, listOffers } from './briefing.repository.ts';
import { answerBriefing, BRIEFING_REQUEST_TEXT, briefingFor, requestBriefing } from './briefing.service.ts';
import { recordOutcome, recordReport, requestReportCopy, verifyNotes } from './briefing-record.service.ts';
import { briefingReference } from './briefing.types.ts';
import { answerOf, dutiesView, hoursText, LEFT_LABELS, offerTag, statusTag } from './briefing.view.ts';
import { briefingLists } from './briefing-lists.ts';
import { nameSecretary } from './group-secretary.service.ts';

type Body = Record<string, unknown>;

const userOf = (request: FastifyRequest): CurrentUser => request.user!;

function idOf(request: FastifyRequest): number {
  const id = idFromParam((request.params as { id?: string }).id ?? '');
  if (id === null) throw new NotFoundError('Briefing');
  return id;
}

const FLASHES: Record<string, string> = {
  requested: 'Your request was sent to the officer.',
  answer: 'Your answer was recorded and the group told.',
  outcome: 'The meeting was recorded, and what the protocol asks was carried out.',
  verification: 'The notes are now final.',
  report: 'The report was recorded and the other groups told of it.',
  'report-copy': 'A copy of the report was sent to you.',
  secretary: 'Your group’s secretary was saved.',
};

export function registerBriefingPages(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  const today = () => ukDate(deps.clock.now());
  const config = { config: { access: briefingAccess } };

  app.get('/briefings', config, async (request, reply) => {
    const lists = await briefingLists(deps, userOf(request), request.query as Record<string, unknown>);
    const done = one((request.query as Record<string, unknown>).done);
    return reply.code(lists.errors ? 400 : 200).page('briefings/views/list.njk', { title: 'Party group briefings', ...lists, flash: FLASHES[done] });
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: FormErrors) {
    const side = await groupSideOf(q, userOf(request), today());
    if (!side?.speaksForGroup) throw new ForbiddenError('Only a party group’s leader, deputy leader or secretary may ask for a briefing');
    const officers = await listOfficers(q, { day: today() });
    return reply.code(errors ? 400 : 200).page('briefings/views/new.njk', {
      title: 'Ask an officer to brief your group',
      groupName: side.groupName,
      values,
      officerItems: [{ value: '', text: 'Select an officer' }, ...officers.map((o) => ({ value: String(o.id), text: `${o.fullName}, ${o.jobTitle}`, selected: values.officerId === String(o.id) }))],
      errors,
    });
  }

  app.get('/briefings/new', config, async (request, reply) => renderForm(request, reply, {}));

  app.post('/briefings/new', { config: { access: briefingAccess, formText: BRIEFING_REQUEST_TEXT } }, async (request, reply) => {
    const body = (request.body ?? {}) as Body;
    try {
      const b = await requestBriefing(deps, actorOf(request), userOf(request), requestInputFrom(body));
      return reply.redirect(`/briefings/${b.id}?done=requested`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderForm(request, reply, textValues(body), formErrors(error.fields.map((f) => ({ ...f, field: pageField(f.field) }))));
    }
  });

  async function renderBriefing(request: FastifyRequest, reply: FastifyReply, id: number, extra: { errors?: FormErrors; values?: Record<string, string>; status?: number; flash?: string } = {}) {
    const user = userOf(request);
    const b = await briefingFor(deps, user, id);
    const standing = await standingOn(q, user, b, today());
    const [notices, offers] = await Promise.all([listNotices(q, { briefingId: b.id }), listOffers(q, { briefingId: b.id })]);
    return reply.code(extra.status ?? 200).page('briefings/views/briefing.njk', {
      title: b.subject,
      reference: briefingReference(b.id),
      b,
      tag: statusTag(b.status),
      answer: answerOf(b),
      duties: dutiesView(b, notices, offers),
      notices,
      offers: offers.map((o) => ({ ...o, tag: offerTag(o) })),
      left: b.leftBeforePartyBusiness ? LEFT_LABELS[b.leftBeforePartyBusiness] : null,
      hours: b.minutesAttended !== null ? hoursText(b.minutesAttended) : null,
      may: {
        answer: mayAct(standing, 'answer') && b.status === 'requested',
        outcome: mayAct(standing, 'outcome') && b.status === 'accepted',
        outcomeNotYet: b.meetsOn > today(),
        verify: mayAct(standing, 'verify') && b.notesStatus === 'awaiting-officer',
        report: mayAct(standing, 'report') && hasDuty(b.duties, 'announce-reports') && !b.reportTitle && (b.status === 'accepted' || b.status === 'held'),
      },
      cautious: b.decision.outcome === 'forbid' || b.decision.outcome === 'refer',
      values: extra.values ?? {},
      errors: extra.errors,
      flash: extra.flash,
    });
  }

  app.get('/briefings/:id', config, async (request, reply) => {
    const done = one((request.query as Record<string, unknown>).done);
    return renderBriefing(request, reply, idOf(request), { flash: FLASHES[done] });
  });

  const steps = {
    answer: (request: FastifyRequest, id: number, body: Body) => answerBriefing(deps, actorOf(request), userOf(request), id, { version: one(body.version), answer: one(body.answer), reason: one(body.reason) }),
    outcome: (request: FastifyRequest, id: number, body: Body) => recordOutcome(deps, actorOf(request), userOf(request), id, { ...textValues(body), held: one(body.held) || undefined }),
    verification: (request: FastifyRequest, id: number, body: Body) => verifyNotes(deps, actorOf(request), userOf(request), id, { version: one(body.version), response: one(body.response) }),
    report: (request: FastifyRequest, id: number, body: Body) => recordReport(deps, actorOf(request), userOf(request), id, { version: one(body.version), title: one(body.reportTitle), text: one(body.reportText) }),
  } as const;

  for (const [step, run] of Object.entries(steps)) {
    // The outcome alone is read by a schema; the other steps' words are left to the guard.
    const formText = step === 'outcome' ? ['notes', 'attributedComments'] : [];
    app.post(`/briefings/:id/${step}`, { config: { access: briefingAccess, formText } }, async (request, reply) => {
      const id = idOf(request);
      const body = (request.body ?? {}) as Body;
      try {
        await run(request, id, body);
        return reply.redirect(`/briefings/${id}?done=${step}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return renderBriefing(request, reply, id, { errors: formErrors(error.fields.map((f) => ({ ...f, field: `${step}-${f.field}` }))), values: { step, ...textValues(body) }, status: 400 });
        if (error instanceof ConflictError) return renderBriefing(request, reply, id, { errors: formErrors([{ field: 'status', message: error.message }]), status: 409 });
        throw error;
      }
    });
  }

  app.post('/briefings/secretary', config, async (request, reply) => {
    const chosen = one(((request.body ?? {}) as Body).secretaryId);
    const memberId = chosen ? idFromParam(chosen) : null;
    try {
      if (chosen && memberId === null) throw new ValidationError([{ field: 'secretaryId', message: 'Select a member of your group who is in office' }]);
      await nameSecretary(deps, actorOf(request), userOf(request), memberId);
      return reply.redirect('/briefings?done=secretary', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const lists = await briefingLists(deps, userOf(request), {});
      return reply.code(400).page('briefings/views/list.njk', { title: 'Party group briefings', ...lists, errors: formErrors(error.fields) });
    }
  });

  app.post('/briefings/:id/report-copy', config, async (request, reply) => {
    try {
      await requestReportCopy(deps, actorOf(request), userOf(request), idOf(request));
      return reply.redirect('/briefings?done=report-copy', 303);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const lists = await briefingLists(deps, userOf(request), {});
      return reply.code(409).page('briefings/views/list.njk', { title: 'Party group briefings', ...lists, errors: formErrors([{ field: 'notices', message: error.message }]) });
    }
  });
}
