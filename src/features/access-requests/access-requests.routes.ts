// The access-request pages: a member's own requests and the decider's queue, asking for a paper or for
// information, and one request with its
// reasoning and whatever step the reader may take on it (advice, decision, withdrawal, dispute, confirmation).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { findFullProfile } from '../../protocol/profiles/index.ts';
import type { Party } from '../../protocol/types.ts';
import { partyLabel } from '../../protocol/wording.ts';
import { ukDate } from '../../clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { formErrors, type FormErrors } from '../../web/forms.ts';
import { actorOf } from '../../web/actor.ts';
import { idFromParam } from '../../web/params.ts';
import { documentViewerOf } from '../documents/document-access.ts';
import { visibleDocument } from '../documents/document-register.ts';
import { listDocumentViews } from '../documents/document-views.repository.ts';
import { inOfficeMember, isRequester, mayAdvise, mayDecide, maySeeRequest, reasonsHeldFrom, seesEveryRequest } from './access-request-access.ts';
import { memberRecord } from './access-request-facts.ts';
import { findAccessRequest, listMemberRequests } from './access-request.repository.ts';
import { ACCESS_REQUEST_TEXT, adviseOnRequest, confirmPurpose, createAccessRequest, decideRequest, disputeRequest, openRequests, withdrawRequest } from './access-request.service.ts';
import { DECIDER_TITLES, grantInForce, grantLastDay, PURPOSE_LABELS, PURPOSES, type AccessRequest } from './access-request.types.ts';
import { areaWords } from '../directory/area-term.ts';
import { conditionsList, deciderText, memberRoles, purposeText, reasoning, scrutinyDue, statusTag } from './access-request.view.ts';

type Body = Record<string, unknown>;

/** Those to consult, in the protocol's own titles for them. */
function consultees(r: AccessRequest): string[] {
  const profile = findFullProfile(r.answer.profile);
  return r.consult.map((p) => (profile ? partyLabel(profile, p as Party) : p.replace(/-/g, ' ')));
}
const one = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

/** The decision form's date boxes as one date, where any of them was filled. */
export function untilFrom(body: Body): string {
  const [day, month, year] = ['untilOn-day', 'untilOn-month', 'untilOn-year'].map((k) => one(body[k]).trim());
  return day || month || year ? `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` : '';
}

function row(r: AccessRequest, today: string) {
  const title = DECIDER_TITLES[r.decider];
  return { ...r, tag: statusTag(r), due: scrutinyDue(r, today), deciderTitle: title.charAt(0).toUpperCase() + title.slice(1) };
}

export function registerAccessRequestPages(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  const today = () => ukDate(deps.clock.now());
  const signedIn = { config: { access: access.signedIn } };

  const idOf = (request: FastifyRequest) => {
    const id = idFromParam((request.params as { id: string }).id);
    if (id === null) throw new NotFoundError('Access request');
    return id;
  };

  app.get('/access-requests', signedIn, async (request, reply) => {
    const user = request.user!;
    const day = today();
    // A former member still reads their own past requests.
    const mine = user.memberRecordId !== null ? await listMemberRequests(q, user.memberRecordId) : [];
    const queue = seesEveryRequest(user) || user.powers.length ? (await openRequests(deps)).filter((r) => seesEveryRequest(user) || mayDecide(user, r)) : [];
    return reply.page('access-requests/views/list.njk', {
      title: 'Access requests',
      member: user.memberId !== null,
      hasOwnRequests: user.memberRecordId !== null,
      mine: mine.map((r) => row(r, day)),
      showQueue: seesEveryRequest(user) || user.powers.length > 0,
      queue: queue.map((r) => ({ ...row(r, day), yours: r.status === 'awaiting-advice' ? mayAdvise(user) : mayDecide(user, r) })),
    });
  });

  const radios = (values: Record<string, string>, name: string) => [
    { value: 'yes', text: 'Yes', checked: values[name] === 'yes' },
    { value: 'no', text: 'No', checked: values[name] === 'no' },
  ];
  const purposeItems = (values: Record<string, string>) => PURPOSES.map((p) => ({ value: p, text: PURPOSE_LABELS[p], checked: values.purpose === p }));

  async function renderNew(request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: FormErrors) {
    const id = idFromParam(values.documentId ?? '');
    if (id === null) throw new NotFoundError('Document');
    const entry = await visibleDocument(q, await documentViewerOf(q, request.user, today()), id);
    return reply.code(errors ? 400 : 200).page('access-requests/views/new.njk', {
      title: 'Ask to see a document',
      entry,
      values,
      purposeItems: purposeItems(values),
      interestItems: radios(values, 'personalInterest'),
      errors,
    });
  }

  async function renderNewInformation(reply: FastifyReply, values: Record<string, string>, errors?: FormErrors) {
    const bodies = await q.selectFrom('bodies').select(['id', 'name']).orderBy('name').execute();
    return reply.code(errors ? 400 : 200).page('access-requests/views/new-information.njk', {
      title: 'Ask for information',
      values,
      bodyItems: [{ value: '', text: 'None in particular' }, ...bodies.map((b) => ({ value: String(b.id), text: b.name, selected: values.bodyId === String(b.id) }))],
      purposeItems: purposeItems(values),
      interestItems: radios(values, 'personalInterest'),
      personalDataItems: radios(values, 'personalData'),
      errors,
    });
  }

  const notMember = (reply: FastifyReply) => reply.code(403).page('error.njk', { title: 'Only members can ask', paragraphs: ['Only a member of the council in office can ask to see a document or for information.'] });

  app.get('/access-requests/new', signedIn, async (request, reply) => {
    if (!inOfficeMember(request.user)) return notMember(reply);
    const document = one((request.query as Body).document);
    return document ? renderNew(request, reply, { documentId: document }) : renderNewInformation(reply, {});
  });

  app.post('/access-requests/new', { config: { access: access.signedIn, formText: ACCESS_REQUEST_TEXT.new } }, async (request, reply) => {
    const body = (request.body ?? {}) as Body;
    const information = body.documentId === undefined;
    const values: Record<string, string> = information
      ? { information: one(body.information), bodyId: one(body.bodyId), purpose: one(body.purpose), reason: one(body.reason), personalInterest: one(body.personalInterest), personalData: one(body.personalData) }
      : { documentId: one(body.documentId), purpose: one(body.purpose), reason: one(body.reason), personalInterest: one(body.personalInterest) };
    try {
      const created = await createAccessRequest(deps, actorOf(request), request.user, values);
      return reply.redirect(`/access-requests/${created.id}?done=asked`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return information ? renderNewInformation(reply, values, formErrors(error.fields)) : renderNew(request, reply, values, formErrors(error.fields));
    }
  });

  async function renderRequest(request: FastifyRequest, reply: FastifyReply, id: number, extra: { errors?: FormErrors; status?: number; flash?: string; values?: Record<string, string> } = {}) {
    const user = request.user;
    const r = await findAccessRequest(q, id);
    if (!r || !maySeeRequest(user, r)) throw new NotFoundError('Access request');
    const day = today();
    const member = await memberRecord(q, r.memberId);
    const officerView = seesEveryRequest(user) || mayDecide(user, r);
    const open = r.status === 'awaiting-advice' || r.status === 'awaiting-decision' || r.status === 'disputed';
    return reply.code(extra.status ?? 200).page('access-requests/views/request.njk', {
      title: r.documentId === null ? `Request for “${r.subject}”` : `Request to see “${r.subject}”`,
      r,
      tag: statusTag(r),
      purpose: purposeText(r),
      decider: deciderText(r),
      consult: consultees(r),
      due: scrutinyDue(r, day),
      roles: member ? memberRoles(member, (await areaWords(deps)).singular) : [],
      reasoning: reasoning(r),
      conditions: r.status === 'granted' ? conditionsList(r) : [],
      grantEnds: r.status === 'granted' ? grantLastDay(r.conditions.untilOn, r.memberTermEnd) : null,
      grantInForce: grantInForce(r, day),
      termLastDay: grantLastDay(null, r.memberTermEnd),
      officerView,
      information: r.documentId === null,
      reasonsHeld: reasonsHeldFrom(user, r),
      views: officerView && r.documentId !== null ? (await listDocumentViews(q, r.documentId)).filter((v) => v.accessRequestId === r.id) : [],
      mayAdvise: r.status === 'awaiting-advice' && mayAdvise(user),
      mayDecide: (r.status === 'awaiting-decision' || r.status === 'disputed') && mayDecide(user, r),
      mayWithdraw: open && isRequester(user, r),
      mayDispute: r.status === 'refused' && r.disputedAt === null && isRequester(user, r),
      mayConfirm: r.status === 'granted' && r.purposeConfirmedAt === null && grantInForce(r, day) && isRequester(user, r),
      values: extra.values ?? {},
      errors: extra.errors,
      flash: extra.flash,
    });
  }

  const FLASHES: Record<string, string> = {
    asked: 'Your request was sent.',
    advised: 'Your advice was recorded.',
    decided: 'The decision was recorded and the member told.',
    withdrawn: 'The request was withdrawn.',
    disputed: 'Your dispute was sent for review.',
    confirmed: 'Thank you. The document is open to you now.',
    'confirmed-information': 'Thank you. The decision says how the information is given to you.',
  };

  app.get('/access-requests/:id', signedIn, async (request, reply) => {
    const done = one((request.query as Body).done);
    return renderRequest(request, reply, idOf(request), { flash: FLASHES[done] });
  });

  const steps: Record<string, { done: string; run: (request: FastifyRequest, id: number, version: number, body: Body) => Promise<AccessRequest> }> = {
    advice: { done: 'advised', run: (request, id, version, body) => adviseOnRequest(deps, actorOf(request), request.user, id, version, { advice: one(body.advice) }) },
    decision: {
      done: 'decided',
      run: (request, id, version, body) =>
        decideRequest(deps, actorOf(request), request.user, id, version, { decision: one(body.decision) || undefined, reasons: one(body.reasons), viewOnly: one(body.viewOnly), inOffice: one(body.inOffice), redactedOnly: one(body.redactedOnly), untilOn: untilFrom(body) }),
    },
    withdraw: { done: 'withdrawn', run: (request, id, version) => withdrawRequest(deps, actorOf(request), request.user, id, version) },
    dispute: { done: 'disputed', run: (request, id, version, body) => disputeRequest(deps, actorOf(request), request.user, id, version, { reason: one(body.reason) }) },
    confirm: { done: 'confirmed', run: (request, id, version, body) => confirmPurpose(deps, actorOf(request), request.user, id, version, { confirm: one(body.confirm) }) },
  };

  for (const [name, step] of Object.entries(steps)) {
    const formText = ACCESS_REQUEST_TEXT[name as keyof typeof ACCESS_REQUEST_TEXT] ?? [];
    app.post(`/access-requests/:id/${name}`, { config: { access: access.signedIn, formText } }, async (request, reply) => {
      const id = idOf(request);
      const body = (request.body ?? {}) as Body;
      const values = Object.fromEntries(Object.entries(body).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, one(v)]));
      try {
        const done = await step.run(request, id, Number(one(body.version)), body);
        const flash = step.done === 'confirmed' && done.documentId === null ? 'confirmed-information' : step.done;
        return reply.redirect(`/access-requests/${id}?done=${flash}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const fields = error.fields.map((f) => ({ ...f, field: f.field === 'untilOn' ? 'untilOn-day' : f.field }));
          return renderRequest(request, reply, id, { errors: formErrors(fields), status: 400, values });
        }
        if (error instanceof ConflictError) return renderRequest(request, reply, id, { errors: formErrors([{ field: 'version', message: error.message }]), status: 409 });
        throw error;
      }
    });
  }
}
