// Access requests over the JSON API, with the same rules as the pages: a member asks and gets the protocol's
// answer, decider and clauses at once (201); the decider, the Monitoring Officer and the member take their steps
// as POSTs naming the version they read, so two at once get 409, not a lost update.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { access, type CurrentUser } from '../../web/access.ts';
import { actorOf } from '../../web/actor.ts';
import { actionErrors, apiError } from '../../web/api-errors.ts';
import { maySeeRequest, reasonsHeldFrom, seesEveryRequest } from './access-request-access.ts';
import { findAccessRequest, listMemberRequests } from './access-request.repository.ts';
import { adviseOnRequest, confirmPurpose, createAccessRequest, decideRequest, disputeRequest, openRequests, withdrawRequest } from './access-request.service.ts';
import { DECIDERS, grantLastDay, PURPOSES, STATUSES, type AccessRequest } from './access-request.types.ts';
import { text } from '../../web/text.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';

const requestSchema = z.object({
  id: z.number(),
  documentId: z.number().nullable().describe('null where information, not a paper of the register, was asked for'),
  documentTitle: z.string().nullable(),
  information: z.string().nullable().describe('the information asked for, in the member’s words'),
  bodyId: z.number().nullable().describe('the committee or body the information concerns, if the member named one'),
  bodyName: z.string().nullable(),
  memberId: z.number(),
  memberName: z.string(),
  purpose: z.enum(PURPOSES),
  reason: z.string(),
  personalInterest: z.boolean(),
  status: z.enum(STATUSES),
  outcome: z.string().describe('the protocol’s answer when asked: permit, forbid, refer, needs-facts or not-covered'),
  decider: z.enum(DECIDERS),
  deciderBasis: z.enum(['protocol', 'local']).describe('local: the protocol names no one, and the council’s own setting does'),
  consult: z.array(z.string()),
  clauses: z.array(z.string()),
  explanation: z.array(z.object({ rule: z.string(), clauses: z.array(z.string()), held: z.boolean().nullable(), because: z.string() })),
  adviceFirst: z.boolean(),
  scrutinyDueOn: z.string().nullable().describe('reg 17: the date by which a scrutiny member has the executive paper or a written refusal'),
  advice: z.string().nullable(),
  reasons: z.string().nullable().describe('for information granted, how it is given: null to its member until they confirm the purpose'),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  conditions: z.object({ viewOnly: z.boolean(), inOffice: z.boolean(), redactedOnly: z.boolean(), untilOn: z.string().nullable() }),
  grantEndsOn: z.string().nullable(),
  purposeConfirmedAt: z.string().nullable(),
  disputeReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

function toJson(user: CurrentUser | null, r: AccessRequest): z.infer<typeof requestSchema> {
  return {
    id: r.id, documentId: r.documentId, documentTitle: r.documentTitle, information: r.information, bodyId: r.informationBodyId, bodyName: r.informationBodyName, memberId: r.memberId, memberName: r.memberName, purpose: r.purpose, reason: r.reason,
    personalInterest: r.personalInterest, status: r.status, outcome: r.answer.outcome, decider: r.decider, deciderBasis: r.deciderBasis, consult: r.consult, clauses: r.clauses,
    explanation: r.answer.explanation, adviceFirst: r.adviceFirst, scrutinyDueOn: r.scrutinyDueOn, advice: r.advice, reasons: reasonsHeldFrom(user, r) ? null : r.reasons, decidedBy: r.decidedBy, decidedAt: r.decidedAt,
    conditions: r.conditions, grantEndsOn: r.status === 'granted' ? grantLastDay(r.conditions.untilOn, r.memberTermEnd) : null, purposeConfirmedAt: r.purposeConfirmedAt,
    disputeReason: r.disputeReason, version: r.version, createdAt: r.createdAt,
  };
}

const idParams = z.object({ id: z.coerce.number().int().positive().max(LARGEST_INTEGER) });
/** A paper by its id, or information in the member's words: the service refuses both or neither, naming the field. */
const newBody = z.object({
  documentId: z.number().int().positive().max(LARGEST_INTEGER).optional(),
  information: text('Information').max(2000).optional().describe('information that is no paper of the register, in the member’s words; instead of documentId'),
  bodyId: z.number().int().positive().max(LARGEST_INTEGER).optional().describe('with information: the committee or body it concerns'),
  personalData: z.boolean().default(false).describe('with information: it includes personal data about other people (model 114: the Monitoring Officer advises first)'),
  purpose: z.enum(PURPOSES),
  reason: text('Reason').max(2000),
  personalInterest: z.boolean().default(false).describe('the member has a personal interest in the subject (model 114: the Monitoring Officer advises first)'),
});
const versioned = z.object({ version: z.number().int().positive().max(LARGEST_INTEGER) });
const decisionBody = versioned.extend({
  decision: z.enum(['grant', 'refuse']),
  reasons: text('Reasons').max(5000),
  viewOnly: z.boolean().default(false),
  inOffice: z.boolean().default(false),
  redactedOnly: z.boolean().default(false),
  untilOn: text('Until on').optional().describe('YYYY-MM-DD: the grant’s last day; never past the member’s term of office'),
});

export function registerAccessRequestApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const q = deps.db.kysely;
  const config = { access: access.signedIn };
  const tags = ['access-requests'];

  api.post('/api/v1/access-requests', { config, schema: { tags, summary: 'A member asks to see a register entry, or for information; the answer carries the protocol’s outcome, the decider and the clauses', body: newBody, response: { 201: requestSchema, ...actionErrors } } }, async (request, reply) => {
    const created = await createAccessRequest(deps, actorOf(request), request.user, request.body);
    return reply.code(201).send(toJson(request.user, created));
  });

  api.get('/api/v1/access-requests', { config, schema: { tags, summary: 'The caller’s own requests, and for deciders and the register’s custodians every open request', response: { 200: z.object({ mine: z.array(requestSchema), open: z.array(requestSchema) }) } } }, async (request) => {
    const user = request.user!;
    const mine = user.memberRecordId !== null ? await listMemberRequests(q, user.memberRecordId) : [];
    const open = (await openRequests(deps)).filter((r) => seesEveryRequest(user) || maySeeRequest(user, r));
    return { mine: mine.map((r) => toJson(user, r)), open: open.map((r) => toJson(user, r)) };
  });

  api.get('/api/v1/access-requests/:id', { config, schema: { tags, summary: 'One request', params: idParams, response: { 200: requestSchema, 404: apiError } } }, async (request) => {
    const r = await findAccessRequest(q, request.params.id);
    if (!r || !maySeeRequest(request.user, r)) throw new NotFoundError('Access request');
    return toJson(request.user, r);
  });

  /** A request the caller may not see does not exist for them: 404 before any 403. */
  const seen = async (id: number, user: Parameters<typeof maySeeRequest>[0]) => {
    const r = await findAccessRequest(q, id);
    if (!r || !maySeeRequest(user, r)) throw new NotFoundError('Access request');
  };

  api.post('/api/v1/access-requests/:id/decision', { config, schema: { tags, summary: 'The decider grants (perhaps with conditions) or refuses, with reasons', params: idParams, body: decisionBody, response: { 200: requestSchema, ...actionErrors } } }, async (request) => {
    await seen(request.params.id, request.user);
    const { version, ...decision } = request.body;
    return toJson(request.user, await decideRequest(deps, actorOf(request), request.user, request.params.id, version, decision));
  });

  api.post('/api/v1/access-requests/:id/advice', { config, schema: { tags, summary: 'The Monitoring Officer’s advice, before the decision (model 114)', params: idParams, body: versioned.extend({ advice: text('Advice').max(5000) }), response: { 200: requestSchema, ...actionErrors } } }, async (request) => {
    await seen(request.params.id, request.user);
    return toJson(request.user, await adviseOnRequest(deps, actorOf(request), request.user, request.params.id, request.body.version, { advice: request.body.advice }));
  });

  api.post('/api/v1/access-requests/:id/withdraw', { config, schema: { tags, summary: 'The member withdraws an open request', params: idParams, body: versioned, response: { 200: requestSchema, ...actionErrors } } }, async (request) => {
    await seen(request.params.id, request.user);
    return toJson(request.user, await withdrawRequest(deps, actorOf(request), request.user, request.params.id, request.body.version));
  });

  api.post('/api/v1/access-requests/:id/dispute', { config, schema: { tags, summary: 'The member disputes a refusal; it goes where the protocol sends disputes', params: idParams, body: versioned.extend({ reason: text('Reason').max(2000) }), response: { 200: requestSchema, ...actionErrors } } }, async (request) => {
    await seen(request.params.id, request.user);
    return toJson(request.user, await disputeRequest(deps, actorOf(request), request.user, request.params.id, request.body.version, { reason: request.body.reason }));
  });

  api.post('/api/v1/access-requests/:id/confirm', { config, schema: { tags, summary: 'The member confirms the purpose-only use (model 115); the file opens after', params: idParams, body: versioned, response: { 200: requestSchema, ...actionErrors } } }, async (request) => {
    await seen(request.params.id, request.user);
    return toJson(request.user, await confirmPurpose(deps, actorOf(request), request.user, request.params.id, request.body.version, { confirm: true }));
  });
}
