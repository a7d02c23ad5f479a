// Party group briefings over the JSON API: the same services, permissions and errors as the pages — a briefing
// the caller may not see is 404, bad input is 400 naming the field, a stale version is 409.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { DUTIES } from '../../protocol/types.ts';
import { actorOf } from '../../web/actor.ts';
import { actionErrors, apiError } from '../../web/api-errors.ts';
import { briefingAccess, groupSideOf, oversees } from './briefing-access.ts';
import { listBriefings, listNotices, listOffers } from './briefing.repository.ts';
import { answerBriefing, briefingFor, requestBriefing } from './briefing.service.ts';
import { recordOutcome, recordReport, verifyNotes } from './briefing-record.service.ts';
import { answerOffer } from './briefing-offers.service.ts';
import { BRIEFING_STATUSES, briefingReference, LEFT_BEFORE, NOTES_STATUSES, OFFER_STATUSES, type Briefing } from './briefing.types.ts';
import { dutiesView } from './briefing.view.ts';
import { text } from '../../web/text.ts';
import { LARGEST_INTEGER, storedInteger } from '../../web/stored-integer.ts';

const person = z.object({ id: z.number(), name: z.string() });

const briefingSchema = z.object({
  id: z.number(),
  reference: z.string(),
  status: z.enum(BRIEFING_STATUSES),
  group: person,
  requestedBy: person,
  officer: person.extend({ jobTitle: z.string() }),
  subject: z.string(),
  meetsOn: z.string(),
  attendees: z.string(),
  nonMembersPresent: z.boolean(),
  nonMembers: z.string().nullable(),
  partyBusiness: z.boolean(),
  subjectConsent: z.boolean(),
  offeredFromBriefingId: z.number().nullable(),
  protocol: z.object({ profile: z.string(), outcome: z.string(), strength: z.string().nullable(), clauses: z.array(z.string()), obligations: z.array(z.object({ what: z.string(), clauses: z.array(z.string()) })) }),
  duties: z.array(z.object({ duty: z.enum(DUTIES), what: z.string(), clauses: z.string(), state: z.string(), detail: z.string() })).describe('what the protocol asks Nolan to carry out, and whether it has been'),
  answerReason: z.string().nullable(),
  record: z.object({ attended: z.boolean().nullable(), minutesAttended: z.number().nullable(), leftBeforePartyBusiness: z.enum(LEFT_BEFORE).nullable(), notes: z.string().nullable(), attributedComments: z.string().nullable(), notesStatus: z.enum(NOTES_STATUSES), officerResponse: z.string().nullable() }),
  report: z.object({ title: z.string(), text: z.string() }).nullable(),
  notices: z.array(z.object({ kind: z.string(), to: z.string(), told: z.string(), at: z.string() })),
  offers: z.array(z.object({ id: z.number(), to: z.string(), status: z.enum(OFFER_STATUSES), lapsesOn: z.string(), acceptedBriefingId: z.number().nullable() })),
  version: z.number().describe('send it back with a decision or a record: a change made since gives 409'),
});

async function toJson(deps: Deps, b: Briefing): Promise<z.infer<typeof briefingSchema>> {
  const q = deps.db.kysely;
  const [notices, offers] = await Promise.all([listNotices(q, { briefingId: b.id }), listOffers(q, { briefingId: b.id })]);
  const duties = dutiesView(b, notices, offers);
  return {
    id: b.id,
    reference: briefingReference(b.id),
    status: b.status,
    group: { id: b.groupId, name: b.groupName },
    requestedBy: { id: b.requestedByMemberId, name: b.requestedByName },
    officer: { id: b.officerId, name: b.officerName, jobTitle: b.officerJobTitle },
    subject: b.subject,
    meetsOn: b.meetsOn,
    attendees: b.attendees,
    nonMembersPresent: b.nonMembersPresent,
    nonMembers: b.nonMembers,
    partyBusiness: b.partyBusiness,
    subjectConsent: b.subjectConsent,
    offeredFromBriefingId: b.offeredFromBriefingId,
    protocol: { profile: b.decision.profile, outcome: b.decision.outcome, strength: b.decision.strength, clauses: b.decision.clauses, obligations: b.decision.obligations },
    duties: b.duties.map((d, i) => ({ duty: d.duty, what: d.what, clauses: d.clauses.join(', '), state: duties[i]!.tag.text, detail: duties[i]!.text })),
    answerReason: b.answerReason,
    record: { attended: b.attended, minutesAttended: b.minutesAttended, leftBeforePartyBusiness: b.leftBeforePartyBusiness, notes: b.notes, attributedComments: b.attributedComments, notesStatus: b.notesStatus, officerResponse: b.officerResponse },
    report: b.reportTitle ? { title: b.reportTitle, text: b.reportText ?? '' } : null,
    notices: notices.map((n) => ({ kind: n.kind, to: n.recipientName, told: n.told, at: n.createdAt })),
    offers: offers.map((o) => ({ id: o.id, to: o.groupName ?? o.memberName ?? '', status: o.status, lapsesOn: o.lapsesOn, acceptedBriefingId: o.acceptedBriefingId })),
    version: b.version,
  };
}

const idParams = z.object({ id: z.coerce.number().int().positive().max(LARGEST_INTEGER) });
const requestBody = z.object({
  officerId: storedInteger(),
  subject: text('Subject'),
  meetsOn: text('Meets on').describe('YYYY-MM-DD'),
  attendees: text('Attendees').describe('who will be there'),
  nonMembersPresent: z.boolean().describe('whether anyone there will be neither a councillor nor a council officer'),
  nonMembers: text('Non members').optional(),
  partyBusiness: z.boolean(),
  subjectConsent: z.boolean().optional().describe('the other groups may be told the subject'),
});
const answerBody = z.object({ version: storedInteger(), answer: z.enum(['accept', 'decline']), reason: text('Reason').optional() });
const outcomeBody = z.object({
  version: storedInteger(),
  held: z.boolean(),
  minutesAttended: storedInteger().optional(),
  leftBeforePartyBusiness: z.enum(LEFT_BEFORE).optional(),
  notes: text('Notes').optional(),
  attributedComments: text('Attributed comments').optional(),
  subjectConsent: z.boolean().optional(),
});
const verifyBody = z.object({ version: storedInteger(), response: text('Response').optional() });
const reportBody = z.object({ version: storedInteger(), title: text('Title'), text: text('Text') });
const offerBody = z.object({ version: storedInteger(), answer: z.enum(['accept', 'decline']), meetsOn: text('Meets on').optional(), attendees: text('Attendees').optional(), nonMembersPresent: z.boolean().optional(), nonMembers: text('Non members').optional(), reason: text('Reason').optional() });


export function registerBriefingApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const q = deps.db.kysely;
  const config = { access: briefingAccess };
  const tags = ['briefings'];

  api.get('/api/v1/briefings', { config, schema: { tags, summary: 'The briefings the caller may see: their group’s, those they were invited to, or every group’s for the statutory officers', response: { 200: z.array(briefingSchema) } } }, async (request) => {
    const user = request.user!;
    const side = await groupSideOf(q, user, ukDate(deps.clock.now()));
    const seen = oversees(user)
      ? await listBriefings(q, {})
      : [...(side?.groupId ? await listBriefings(q, { groupId: side.groupId }) : []), ...(user.officerId !== null ? await listBriefings(q, { officerId: user.officerId }) : [])];
    const unique = [...new Map(seen.map((b) => [b.id, b])).values()];
    return Promise.all(unique.map((b) => toJson(deps, b)));
  });

  api.post('/api/v1/briefings', { config, schema: { tags, summary: 'Ask an officer to brief your group (as its leader, deputy leader or secretary); the protocol answers at once', body: requestBody, response: { 201: briefingSchema, ...actionErrors } } }, async (request, reply) => {
    const b = request.body;
    const briefing = await requestBriefing(deps, actorOf(request), request.user!, { ...b, subjectConsent: b.subjectConsent ?? false });
    return reply.code(201).send(await toJson(deps, briefing));
  });

  api.get('/api/v1/briefings/:id', { config, schema: { tags, summary: 'One briefing, with the protocol’s answer and each duty’s state', params: idParams, response: { 200: briefingSchema, 404: apiError } } }, async (request) =>
    toJson(deps, await briefingFor(deps, request.user!, request.params.id)),
  );

  api.post('/api/v1/briefings/:id/answer', { config, schema: { tags, summary: 'The officer accepts or declines (a reason is needed to decline)', params: idParams, body: answerBody, response: { 200: briefingSchema, ...actionErrors } } }, async (request) =>
    toJson(deps, await answerBriefing(deps, actorOf(request), request.user!, request.params.id, request.body)),
  );

  api.post('/api/v1/briefings/:id/outcome', { config, schema: { tags, summary: 'Record the meeting: whether held, the officer’s minutes, leaving before party business, and the notes', params: idParams, body: outcomeBody, response: { 200: briefingSchema, ...actionErrors } } }, async (request) => {
    const { held, ...rest } = request.body;
    return toJson(deps, await recordOutcome(deps, actorOf(request), request.user!, request.params.id, { ...rest, held: held ? 'yes' : 'no' }));
  });

  api.post('/api/v1/briefings/:id/verification', { config, schema: { tags, summary: 'The officer verifies what the notes attribute to them; the notes become final', params: idParams, body: verifyBody, response: { 200: briefingSchema, ...actionErrors } } }, async (request) =>
    toJson(deps, await verifyNotes(deps, actorOf(request), request.user!, request.params.id, request.body)),
  );

  api.post('/api/v1/briefings/:id/report', { config, schema: { tags, summary: 'The officer records a report prepared for the group; the other groups are told of it', params: idParams, body: reportBody, response: { 200: briefingSchema, ...actionErrors } } }, async (request) =>
    toJson(deps, await recordReport(deps, actorOf(request), request.user!, request.params.id, request.body)),
  );

  api.post('/api/v1/briefing-offers/:id/answer', { config, schema: { tags, summary: 'Take up or decline an identical session offered to your group', params: idParams, body: offerBody, response: { 200: z.object({ offerStatus: z.enum(OFFER_STATUSES), briefing: briefingSchema.nullable() }), ...actionErrors } } }, async (request) => {
    const { offer, briefing } = await answerOffer(deps, actorOf(request), request.user!, request.params.id, request.body);
    return { offerStatus: offer.status, briefing: briefing ? await toJson(deps, briefing) : null };
  });
}
