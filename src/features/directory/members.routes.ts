// The members' pages: the list with its filters, by ward, by group, and one member's page.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { NotFoundError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { formErrors } from '../../web/forms.ts';
import { areaWords } from './area-term.ts';
import { groupRoleLabels, seatRoleLabels, bodyKindLabels, termStatus, type Member } from './directory.types.ts';
import { memberFilterQuery } from './directory.schemas.ts';
import { idFromParam, readFilters } from '../../web/params.ts';
import { listWards } from './wards.repository.ts';
import { listGroups } from './groups.repository.ts';
import { findMember, listMembers, type MemberFilter, type MemberStatusFilter } from './members.repository.ts';
import { listSeatsOfMember } from './bodies.repository.ts';

/** A member as a row on a page: names and labels, and where they stand today. */
export function memberRow(m: Member, day: string) {
  return {
    id: m.id,
    fullName: m.fullName,
    wardName: m.wardName,
    groupName: m.groupName,
    groupRole: m.groupRole ? groupRoleLabels[m.groupRole] : null,
    portfolio: m.cabinetPortfolio,
    termStart: m.termStart,
    termEnd: m.termEnd,
    status: termStatus(m, day),
  };
}

export function registerMemberPages(app: FastifyInstance, deps: Deps): void {
  const pageAccess = { config: { access: access.signedIn } };

  app.get('/members', { config: { ...pageAccess.config, formText: Object.keys(memberFilterQuery.shape) } }, async (request, reply) => {
    const day = ukDate(deps.clock.now());
    const wards = await listWards(deps.db.kysely);
    const groups = await listGroups(deps.db.kysely);
    const area = await areaWords(deps);
    const { values, problems } = readFilters(memberFilterQuery, request.query);
    const filter: MemberFilter = { day, status: 'in-office' };
    if (values.ward) {
      const ward = wards.find((w) => w.id === Number(values.ward));
      if (ward) filter.wardId = ward.id;
      else problems.push({ field: 'ward', message: `Select a ${area.singular.toLowerCase()} from the list` });
    }
    if (values.group === 'none') filter.groupId = 'none';
    else if (values.group) {
      const group = groups.find((g) => g.id === Number(values.group));
      if (group) filter.groupId = group.id;
      else problems.push({ field: 'group', message: 'Select a group from the list' });
    }
    if (values.status) filter.status = values.status as MemberStatusFilter;
    if (values.q?.trim()) filter.name = values.q.trim();
    const members = (await listMembers(deps.db.kysely, filter)).map((m) => memberRow(m, day));
    const form = problems.length ? formErrors(problems) : undefined;
    return reply.code(problems.length ? 400 : 200).page('directory/views/members.njk', {
      title: 'Members',
      area,
      members,
      values: { ward: filter.wardId ? String(filter.wardId) : '', group: filter.groupId ? String(filter.groupId) : '', status: filter.status, q: filter.name ?? '' },
      wards,
      groups,
      filtered: filter.wardId !== undefined || filter.groupId !== undefined || filter.status !== 'in-office' || filter.name !== undefined,
      errors: form,
    });
  });

  app.get('/members/by-ward', pageAccess, async (_request, reply) => {
    const day = ukDate(deps.clock.now());
    const wards = await listWards(deps.db.kysely);
    const members = await listMembers(deps.db.kysely, { day, status: 'in-office' });
    const area = await areaWords(deps);
    const byWard = wards.map((ward) => ({ ward, members: members.filter((m) => m.wardId === ward.id).map((m) => memberRow(m, day)) }));
    const noWard = members.filter((m) => m.wardId === null).map((m) => memberRow(m, day));
    return reply.page('directory/views/members-by-ward.njk', { title: `Members by ${area.singular.toLowerCase()}`, area, byWard, noWard });
  });

  app.get('/members/by-group', pageAccess, async (_request, reply) => {
    const day = ukDate(deps.clock.now());
    const groups = await listGroups(deps.db.kysely);
    const members = await listMembers(deps.db.kysely, { day, status: 'in-office' });
    const byGroup = groups
      .map((group) => {
        const own = members.filter((m) => m.groupId === group.id);
        return {
          group,
          leader: own.find((m) => m.groupRole === 'leader') ?? null,
          deputy: own.find((m) => m.groupRole === 'deputy-leader') ?? null,
          members: own.map((m) => memberRow(m, day)),
        };
      })
      .sort((a, b) => b.members.length - a.members.length || a.group.name.localeCompare(b.group.name));
    const independents = members.filter((m) => m.groupId === null).map((m) => memberRow(m, day));
    return reply.page('directory/views/members-by-group.njk', { title: 'Members by political group', byGroup, independents, area: await areaWords(deps) });
  });

  app.get('/members/:id', pageAccess, async (request, reply) => {
    const id = idFromParam((request.params as { id: string }).id);
    const member = id === null ? undefined : await findMember(deps.db.kysely, id);
    if (!member) throw new NotFoundError('Member');
    const day = ukDate(deps.clock.now());
    const seats = (await listSeatsOfMember(deps.db.kysely, member.id)).map((s) => ({ ...s, seatRoleLabel: seatRoleLabels[s.seatRole], kindLabel: bodyKindLabels[s.bodyKind] }));
    return reply.page('directory/views/member.njk', { title: member.fullName, member: memberRow(member, day), contact: member, seats, area: await areaWords(deps) });
  });
}
