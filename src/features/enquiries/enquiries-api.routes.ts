// Member enquiries over the JSON API: the same service, permissions and errors as the pages.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { NotFoundError, ValidationError, type FieldError } from '../../errors.ts';
import { findWard } from '../directory/wards.repository.ts';
import { findOfficer, listServices } from '../directory/officers.repository.ts';
import { actorOf } from '../../web/actor.ts';
import { actionErrors, apiError } from '../../web/api-errors.ts';
import { ACTIONS, listScopeFor } from './enquiry-access.ts';
import { listEnquiries } from './enquiry.repository.ts';
import { actOnEnquiry, enquiryFor, logEnquiry } from './enquiry.service.ts';
import { STATUSES, type Enquiry } from './enquiry.types.ts';
import { enquiryAccess } from './enquiries.routes.ts';
import { text } from '../../web/text.ts';
import { LARGEST_INTEGER, storedInteger } from '../../web/stored-integer.ts';
import { isIsoDate } from '../../dates.ts';

const enquirySchema = z.object({
  id: z.number(),
  reference: z.string(),
  status: z.enum(STATUSES),
  subject: z.string(),
  details: z.string(),
  member: z.object({ id: z.number(), name: z.string() }),
  ward: z.string().nullable(),
  service: z.string().nullable(),
  receivedAt: z.string(),
  dueDate: z.string().nullable(),
  dueBasis: z.enum(['protocol', 'local']),
  dueMeans: z.array(z.string()).describe('what meets the deadline'),
  clauses: z.array(z.string()).describe('the clauses the deadline and routing rest on'),
  assignedOfficer: z.object({ id: z.number(), name: z.string() }).nullable(),
  copiedTo: z.array(z.object({ id: z.number(), name: z.string() })),
  version: z.number().describe('send it back with a transition: a change made since gives 409'),
});

function toJson(e: Enquiry): z.infer<typeof enquirySchema> {
  return {
    id: e.id,
    reference: e.reference,
    status: e.status,
    subject: e.subject,
    details: e.details,
    member: { id: e.memberId, name: e.memberName },
    ward: e.wardName,
    service: e.serviceName,
    receivedAt: e.receivedAt,
    dueDate: e.dueOn,
    dueBasis: e.deadline.basis,
    dueMeans: e.deadline.means,
    clauses: [...new Set([...e.deadline.clauses, ...e.routing.clauses])],
    assignedOfficer: e.assignedOfficerId !== null ? { id: e.assignedOfficerId, name: e.assignedOfficerName ?? '' } : null,
    copiedTo: e.copiedTo.map((c) => ({ id: c.memberId, name: c.name })),
    version: e.version,
  };
}

const newBody = z.object({
  subject: text('Subject'),
  details: text('Details'),
  memberId: storedInteger().optional().describe('for an officer or democratic services logging on a member’s behalf'),
  ward: storedInteger().optional().describe('a ward id'),
  service: storedInteger().optional().describe('a service id'),
  purelyFactual: z.boolean().optional(),
  confidential: z.boolean().optional(),
  forMeeting: z.boolean().optional(),
  meetingContactId: storedInteger().optional().describe('the Cabinet Member or committee chair to tell, with forMeeting'),
  residentReference: text('Resident reference').optional(),
  serviceRequestReference: text('Service request reference').optional(),
  copyTo: z.array(storedInteger()).optional(),
  // An officer's priorities are set by their managers, not by members (model 49): there is no way to mark one urgent.
  urgent: z.never({ error: 'members cannot mark an enquiry urgent: officers’ priorities are set by their managers' }).optional(),
  priority: z.never({ error: 'members cannot set an enquiry’s priority: officers’ priorities are set by their managers' }).optional(),
});

const transitionBody = z.object({
  version: storedInteger(),
  text: text('Text').optional(),
  dueDate: text('Due date').optional().describe('YYYY-MM-DD, for extend'),
  agreedWithMember: z.boolean().optional().describe('for extend'),
  officerId: storedInteger().optional().describe('for reassign'),
});

const API_FIELDS: Record<string, string> = { wardId: 'ward', serviceId: 'service' };

const idParams = z.object({ id: z.coerce.number().int().positive().max(LARGEST_INTEGER) });

const day = text('Date').refine(isIsoDate, 'must be a real date, YYYY-MM-DD');
const listQuery = z.object({
  status: z.enum(['open', ...STATUSES]).optional(),
  q: text('Search').max(200).optional().describe('words in the subject or details: "a phrase", or, -word'),
  ward: z.coerce.number().int().positive().max(LARGEST_INTEGER).optional().describe('a ward id'),
  service: z.coerce.number().int().positive().max(LARGEST_INTEGER).optional().describe('a service id'),
  officer: z.coerce.number().int().positive().max(LARGEST_INTEGER).optional().describe('the assigned officer’s id'),
  receivedFrom: day.optional().describe('received on or after, YYYY-MM-DD'),
  receivedTo: day.optional().describe('received on or before, YYYY-MM-DD'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(LARGEST_INTEGER).default(0),
});

async function unknownReferences(deps: Deps, ids: { ward?: number | undefined; service?: number | undefined; officer?: number | undefined }): Promise<FieldError[]> {
  const q = deps.db.kysely;
  const problems: FieldError[] = [];
  if (ids.ward !== undefined && !(await findWard(q, ids.ward))) problems.push({ field: 'ward', message: 'No ward has this id' });
  if (ids.service !== undefined && !(await listServices(q)).some((s) => s.id === ids.service)) problems.push({ field: 'service', message: 'No service has this id' });
  if (ids.officer !== undefined && !(await findOfficer(q, ids.officer))) problems.push({ field: 'officer', message: 'No officer has this id' });
  return problems;
}

export function registerEnquiryApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: enquiryAccess };

  api.post('/api/v1/enquiries', { config, schema: { tags: ['enquiries'], summary: 'Log a member enquiry', body: newBody, response: { 201: enquirySchema, 400: apiError } } }, async (request, reply) => {
    const b = request.body;
    try {
      const enquiry = await logEnquiry(deps, actorOf(request), request.user!, { ...b, wardId: b.ward, serviceId: b.service });
      return reply.code(201).send(toJson(enquiry));
    } catch (error) {
      // The API names its fields ward and service; the service's names are the pages'.
      if (error instanceof ValidationError) throw new ValidationError(error.fields.map((f) => ({ ...f, field: API_FIELDS[f.field] ?? f.field })));
      throw error;
    }
  });

  api.get(
    '/api/v1/enquiries',
    {
      config,
      schema: {
        tags: ['enquiries'],
        summary: 'The enquiries the caller may see, soonest deadline first, searched and filtered',
        querystring: listQuery,
      },
    },
    async (request) => {
      const user = request.user!;
      const { q, ward, service, officer, receivedFrom, receivedTo, ...rest } = request.query;
      const problems = await unknownReferences(deps, { ward, service, officer });
      if (problems.length) throw new ValidationError(problems);
      const filter = { ...rest, words: q, wardId: ward, serviceId: service, officerId: officer, receivedFrom, receivedTo };
      const { items, total } = await listEnquiries(deps.db.kysely, await listScopeFor(deps.db.kysely, user), filter, { exactTotal: true });
      return { total, items: items.map((i) => ({ id: i.id, reference: i.reference, subject: i.subject, status: i.status, member: i.memberName, ward: i.wardName, service: i.serviceName, assignedOfficer: i.assignedOfficerName, receivedAt: i.receivedAt, dueDate: i.dueOn })) };
    },
  );

  api.get('/api/v1/enquiries/:id', { config, schema: { tags: ['enquiries'], summary: 'One enquiry', params: idParams, response: { 200: enquirySchema, 404: apiError } } }, async (request) =>
    toJson(await enquiryFor(deps, request.user!, request.params.id)),
  );

  api.post(
    '/api/v1/enquiries/:id/:action',
    {
      config,
      schema: { tags: ['enquiries'], summary: 'Move an enquiry on: acknowledge, start, ask-member, member-replied, answer, close, reopen, extend, delay-notice, reassign', params: idParams.extend({ action: z.enum(ACTIONS) }), body: transitionBody, response: { 200: enquirySchema, ...actionErrors } },
    },
    async (request) => {
      const b = request.body;
      const enquiry = await actOnEnquiry(deps, actorOf(request), request.user!, request.params.id, request.params.action, { version: b.version, text: b.text, dueOn: b.dueDate, agreed: b.agreedWithMember, officerId: b.officerId });
      if (!enquiry) throw new NotFoundError('Enquiry');
      return toJson(enquiry);
    },
  );
}
