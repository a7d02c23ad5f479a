// The directory as JSON: members, officers (with statutory roles), bodies (with seats) and political groups.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { access } from '../../web/access.ts';
import { apiError } from '../../web/api-errors.ts';
import { BODY_KINDS, CAPACITIES, GRADES, GROUP_ROLES, SEAT_ROLES, STATUTORY_ROLES, actingOn, roleCurrent, termStatus } from './directory.types.ts';
import { MEMBER_STATUSES } from './directory.schemas.ts';
import { listMembers, type MemberFilter } from './members.repository.ts';
import { listGroups } from './groups.repository.ts';
import { listAllSeats, listBodies } from './bodies.repository.ts';
import { listOfficers, type OfficerFilter } from './officers.repository.ts';
import { listStatutoryRoles } from './statutory-roles.repository.ts';
import { text } from '../../web/text.ts';

const date = z.string().describe('YYYY-MM-DD');
const ref = z.object({ id: z.number().int(), name: z.string() });

const memberJson = z.object({
  id: z.number().int(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  ward: ref.nullable(),
  group: ref.extend({ shortName: z.string() }).nullable(),
  groupRole: z.enum(GROUP_ROLES).nullable(),
  termStart: date,
  termEnd: date.describe('YYYY-MM-DD: the day member rights end'),
  status: z.enum(['in-office', 'term-ended', 'not-started']),
  cabinetPortfolio: z.string().nullable(),
  seats: z.array(z.object({ bodyId: z.number().int(), bodyName: z.string(), seatRole: z.enum(SEAT_ROLES) })),
});

const membersQuery = z.object({
  ward: text('Ward').regex(/^\d{1,9}$/).optional().describe('a ward id'),
  group: text('Group').regex(/^(none|\d{1,9})$/).optional().describe('a group id, or none for members in no group'),
  status: z.enum(MEMBER_STATUSES).optional().describe('default: all'),
  name: text('Name').max(100).optional().describe('part of a name'),
});

const statutoryRoleJson = z.object({
  id: z.number().int(),
  role: z.enum(STATUTORY_ROLES),
  capacity: z.enum(CAPACITIES),
  startsOn: date,
  endsOn: date.nullable(),
  current: z.boolean(),
  actingNow: z.boolean(),
  acting: z.array(z.object({ fromDate: date, toDate: date, reason: z.string() })),
});

const officerJson = z.object({
  id: z.number().int(),
  fullName: z.string(),
  email: z.string().nullable(),
  jobTitle: z.string(),
  grade: z.enum(GRADES),
  service: ref.nullable(),
  lineManagerId: z.number().int().nullable(),
  politicallyRestricted: z.boolean(),
  leftOn: date.nullable(),
  statutoryRoles: z.array(statutoryRoleJson),
});

const officersQuery = z.object({
  service: text('Service').regex(/^\d{1,9}$/).optional().describe('a service id'),
  grade: z.enum(GRADES).optional(),
});

const bodyJson = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  remit: z.string().nullable(),
  seats: z.array(z.object({ memberId: z.number().int(), memberName: z.string(), seatRole: z.enum(SEAT_ROLES), inOffice: z.boolean() })),
});

const person = z.object({ id: z.number().int(), fullName: z.string() }).nullable();
const groupJson = z.object({ id: z.number().int(), name: z.string(), shortName: z.string(), leader: person, deputyLeader: person, secretary: person.describe('the member the group names to ask for briefings beside its leaders'), membersInOffice: z.number().int() });

export function registerDirectoryApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: access.signedIn };
  const errors = { 400: apiError, 401: apiError };

  api.get(
    '/api/v1/members',
    { config: signedIn, schema: { tags: ['directory'], summary: 'Members, with ward, group, term of office and seats', querystring: membersQuery, response: { 200: z.object({ members: z.array(memberJson) }), ...errors } } },
    async (request) => {
      const day = ukDate(deps.clock.now());
      const q = request.query;
      const filter: MemberFilter = { day, status: q.status ?? 'all', name: q.name };
      if (q.ward) filter.wardId = Number(q.ward);
      if (q.group) filter.groupId = q.group === 'none' ? 'none' : Number(q.group);
      const members = await listMembers(deps.db.kysely, filter);
      const seats = await listAllSeats(deps.db.kysely);
      return {
        members: members.map((m) => ({
          id: m.id,
          fullName: m.fullName,
          email: m.email,
          phone: m.phone,
          ward: m.wardId !== null ? { id: m.wardId, name: m.wardName ?? '' } : null,
          group: m.groupId !== null ? { id: m.groupId, name: m.groupName ?? '', shortName: m.groupShortName ?? '' } : null,
          groupRole: m.groupRole,
          termStart: m.termStart,
          termEnd: m.termEnd,
          status: termStatus(m, day),
          cabinetPortfolio: m.cabinetPortfolio,
          seats: seats.filter((s) => s.memberId === m.id).map((s) => ({ bodyId: s.bodyId, bodyName: s.bodyName, seatRole: s.seatRole })),
        })),
      };
    },
  );

  api.get(
    '/api/v1/officers',
    { config: signedIn, schema: { tags: ['directory'], summary: 'Officers in post, with their statutory roles and acting periods', querystring: officersQuery, response: { 200: z.object({ officers: z.array(officerJson) }), ...errors } } },
    async (request) => {
      const day = ukDate(deps.clock.now());
      const filter: OfficerFilter = { day, grade: request.query.grade };
      if (request.query.service) filter.serviceId = Number(request.query.service);
      const officers = await listOfficers(deps.db.kysely, filter);
      const roles = await listStatutoryRoles(deps.db.kysely);
      return {
        officers: officers.map((o) => ({
          id: o.id,
          fullName: o.fullName,
          email: o.email,
          jobTitle: o.jobTitle,
          grade: o.grade,
          service: o.serviceId !== null ? { id: o.serviceId, name: o.serviceName ?? '' } : null,
          lineManagerId: o.lineManagerId,
          politicallyRestricted: o.politicallyRestricted,
          leftOn: o.leftOn,
          statutoryRoles: roles
            .filter((r) => r.officerId === o.id)
            .map((r) => ({
              id: r.id,
              role: r.role,
              capacity: r.capacity,
              startsOn: r.startsOn,
              endsOn: r.endsOn,
              current: roleCurrent(r, day),
              actingNow: roleCurrent(r, day) && actingOn(r, day) !== undefined,
              acting: r.acting.map((a) => ({ fromDate: a.fromDate, toDate: a.toDate, reason: a.reason })),
            })),
        })),
      };
    },
  );

  api.get(
    '/api/v1/bodies',
    { config: signedIn, schema: { tags: ['directory'], summary: 'Bodies and their membership, with chairs and vice-chairs', response: { 200: z.object({ bodies: z.array(bodyJson) }), 401: apiError } } },
    async () => {
      const day = ukDate(deps.clock.now());
      const bodies = await listBodies(deps.db.kysely, day);
      const seats = await listAllSeats(deps.db.kysely);
      return {
        bodies: bodies.map((b) => ({
          id: b.id,
          name: b.name,
          kind: b.kind,
          remit: b.remit,
          seats: seats
            .filter((s) => s.bodyId === b.id)
            .map((s) => ({ memberId: s.memberId, memberName: s.memberName, seatRole: s.seatRole, inOffice: termStatus(s, day) === 'in-office' })),
        })),
      };
    },
  );

  api.get(
    '/api/v1/groups',
    { config: signedIn, schema: { tags: ['directory'], summary: 'Political groups with their leader, deputy leader, secretary and size', response: { 200: z.object({ groups: z.array(groupJson) }), 401: apiError } } },
    async () => {
      const day = ukDate(deps.clock.now());
      const groups = await listGroups(deps.db.kysely);
      const members = await listMembers(deps.db.kysely, { day, status: 'in-office' });
      const secretaries = await deps.db.kysely.selectFrom('group_secretaries').select(['group_id', 'member_id']).execute();
      const who = (m: { id: number; fullName: string } | undefined) => (m ? { id: m.id, fullName: m.fullName } : null);
      return {
        groups: groups.map((g) => {
          const own = members.filter((m) => m.groupId === g.id);
          return {
            id: g.id,
            name: g.name,
            shortName: g.shortName,
            leader: who(own.find((m) => m.groupRole === 'leader')),
            deputyLeader: who(own.find((m) => m.groupRole === 'deputy-leader')),
            secretary: who(own.find((m) => secretaries.some((s) => s.group_id === g.id && s.member_id === m.id))),
            membersInOffice: own.length,
          };
        }),
      };
    },
  );
}
