// Changes to the elected side of the directory: wards, groups, members and their seats on bodies.
import { NotFoundError } from '../../errors.ts';
import type { Actor } from '../../actor.ts';
import { BODY_KINDS, GROUP_ROLES, isOneOf, SEAT_ROLES, type BodyKind, type GroupRole, type SeatRole } from './directory.types.ts';
import { auditedChange, Problems, type DirectoryDeps } from './directory.write.ts';
import { findWard, insertWards, listWards } from './wards.repository.ts';
import { findGroup, insertGroups, listGroups } from './groups.repository.ts';
import { findMember, insertMembers, listMembers, updateMemberGroup, updateMemberTerm, type NewMemberRow } from './members.repository.ts';
import { deleteSeat, findBody, findSeat, insertBodies, insertSeats, listBodies, listSeatsOfBody, setSeatRole } from './bodies.repository.ts';
import { isIsoDate } from '../../dates.ts';

export async function addWard(deps: DirectoryDeps, actor: Actor, name: string): Promise<number> {
  const problems = new Problems();
  const clean = name.trim();
  problems.check(clean.length > 0, 'name', 'Enter the ward’s name');
  problems.check(!(await listWards(deps.db.kysely)).some((w) => w.name.toLowerCase() === clean.toLowerCase()), 'name', `There is already a ward called ${clean}`);
  problems.throwIfAny();
  return auditedChange(deps, actor, async (trx, at) => {
    const [id] = await insertWards(trx, [clean], at);
    return { result: id!, audit: { action: 'ward.added', entity: 'ward', entityId: id, after: { name: clean } } };
  });
}

export async function addGroup(deps: DirectoryDeps, actor: Actor, group: { name: string; shortName: string }): Promise<number> {
  const problems = new Problems();
  const name = group.name.trim();
  problems.check(name.length > 0, 'name', 'Enter the group’s name');
  problems.check(group.shortName.trim().length > 0, 'shortName', 'Enter a short name for the group, such as Lab or LD');
  problems.check(!(await listGroups(deps.db.kysely)).some((g) => g.name.toLowerCase() === name.toLowerCase()), 'name', `There is already a group called ${name}`);
  problems.throwIfAny();
  return auditedChange(deps, actor, async (trx, at) => {
    const [id] = await insertGroups(trx, [{ name, shortName: group.shortName.trim() }], at);
    return { result: id!, audit: { action: 'group.added', entity: 'political_group', entityId: id, after: { name, shortName: group.shortName.trim() } } };
  });
}

async function groupRoleTaken(deps: DirectoryDeps, groupId: number, role: GroupRole, exceptMemberId?: number): Promise<string | null> {
  const holders = await listMembers(deps.db.kysely, { day: '0000-01-01', groupId, status: 'all' });
  return holders.find((m) => m.groupRole === role && m.id !== exceptMemberId)?.fullName ?? null;
}

export async function addMember(deps: DirectoryDeps, actor: Actor, member: NewMemberRow): Promise<number> {
  const problems = new Problems();
  problems.check(member.fullName.trim().length > 0, 'fullName', 'Enter the member’s full name');
  problems.check(isIsoDate(member.termStart), 'termStart', 'Enter the day the term of office began, like 2023-05-04');
  problems.check(isIsoDate(member.termEnd), 'termEnd', 'Enter the day the term of office ends, like 2027-05-06');
  if (isIsoDate(member.termStart) && isIsoDate(member.termEnd)) problems.check(member.termStart < member.termEnd, 'termEnd', 'The term must end after it begins');
  if (member.wardId !== null) problems.check(!!(await findWard(deps.db.kysely, member.wardId)), 'wardId', 'Select a ward from the list');
  if (member.groupId !== null) problems.check(!!(await findGroup(deps.db.kysely, member.groupId)), 'groupId', 'Select a group from the list');
  if (member.groupRole !== null) {
    problems.check(isOneOf(GROUP_ROLES, member.groupRole), 'groupRole', 'Select leader, deputy leader or neither');
    if (member.groupId === null) problems.add('groupRole', 'Only a member of a group can lead it');
    else {
      const holder = await groupRoleTaken(deps, member.groupId, member.groupRole);
      if (holder) problems.add('groupRole', `${holder} already holds that role in the group`);
    }
  }
  problems.throwIfAny();
  return auditedChange(deps, actor, async (trx, at) => {
    const [id] = await insertMembers(trx, [{ ...member, fullName: member.fullName.trim() }], at);
    return { result: id!, audit: { action: 'member.added', entity: 'member', entityId: id, after: member } };
  });
}

/** A term can be cut short (resignation, disqualification) or renewed at an election; the record stays. */
export async function changeMemberTerm(deps: DirectoryDeps, actor: Actor, memberId: number, term: { termStart: string; termEnd: string }): Promise<void> {
  const member = await findMember(deps.db.kysely, memberId);
  if (!member) throw new NotFoundError('Member');
  const problems = new Problems();
  problems.check(isIsoDate(term.termStart), 'termStart', 'Enter the day the term of office began, like 2023-05-04');
  problems.check(isIsoDate(term.termEnd), 'termEnd', 'Enter the day the term of office ends, like 2027-05-06');
  if (isIsoDate(term.termStart) && isIsoDate(term.termEnd)) problems.check(term.termStart < term.termEnd, 'termEnd', 'The term must end after it begins');
  problems.throwIfAny();
  await auditedChange(deps, actor, async (trx, at) => {
    await updateMemberTerm(trx, memberId, term, at);
    return {
      result: undefined,
      audit: { action: 'member.term-changed', entity: 'member', entityId: memberId, before: { termStart: member.termStart, termEnd: member.termEnd }, after: term },
    };
  });
}

export async function changeMemberGroup(deps: DirectoryDeps, actor: Actor, memberId: number, group: { groupId: number | null; groupRole: GroupRole | null }): Promise<void> {
  const member = await findMember(deps.db.kysely, memberId);
  if (!member) throw new NotFoundError('Member');
  const problems = new Problems();
  if (group.groupId !== null) problems.check(!!(await findGroup(deps.db.kysely, group.groupId)), 'groupId', 'Select a group from the list');
  if (group.groupRole !== null) {
    if (group.groupId === null) problems.add('groupRole', 'Only a member of a group can lead it');
    else {
      const holder = await groupRoleTaken(deps, group.groupId, group.groupRole, memberId);
      if (holder) problems.add('groupRole', `${holder} already holds that role in the group`);
    }
  }
  problems.throwIfAny();
  await auditedChange(deps, actor, async (trx, at) => {
    await updateMemberGroup(trx, memberId, group, at);
    return {
      result: undefined,
      audit: { action: 'member.group-changed', entity: 'member', entityId: memberId, before: { groupId: member.groupId, groupRole: member.groupRole }, after: group },
    };
  });
}

export async function addBody(deps: DirectoryDeps, actor: Actor, body: { name: string; kind: BodyKind; remit: string | null }): Promise<number> {
  const problems = new Problems();
  const name = body.name.trim();
  problems.check(name.length > 0, 'name', 'Enter the body’s name');
  problems.check(isOneOf(BODY_KINDS, body.kind), 'kind', 'Select what kind of body it is');
  const existing = await listBodies(deps.db.kysely, '0000-01-01');
  problems.check(!existing.some((b) => b.name.toLowerCase() === name.toLowerCase()), 'name', `There is already a body called ${name}`);
  problems.throwIfAny();
  return auditedChange(deps, actor, async (trx, at) => {
    const [id] = await insertBodies(trx, [{ ...body, name }], at);
    return { result: id!, audit: { action: 'body.added', entity: 'body', entityId: id, after: { ...body, name } } };
  });
}

/** Seats a member on a body, or changes their seat. A body has one chair and one vice-chair at most. */
export async function seatMember(deps: DirectoryDeps, actor: Actor, seat: { bodyId: number; memberId: number; seatRole: SeatRole }): Promise<void> {
  if (!(await findBody(deps.db.kysely, seat.bodyId))) throw new NotFoundError('Body');
  if (!(await findMember(deps.db.kysely, seat.memberId))) throw new NotFoundError('Member');
  const problems = new Problems();
  problems.check(isOneOf(SEAT_ROLES, seat.seatRole), 'seatRole', 'Select member, chair or vice-chair');
  if (seat.seatRole !== 'member') {
    const other = (await listSeatsOfBody(deps.db.kysely, seat.bodyId)).find((s) => s.seatRole === seat.seatRole && s.memberId !== seat.memberId);
    if (other) problems.add('seatRole', `${other.memberName} is already ${seat.seatRole === 'chair' ? 'chair' : 'vice-chair'}`);
  }
  problems.throwIfAny();
  const before = await findSeat(deps.db.kysely, seat.bodyId, seat.memberId);
  await auditedChange(deps, actor, async (trx) => {
    if (before) await setSeatRole(trx, seat.bodyId, seat.memberId, seat.seatRole);
    else await insertSeats(trx, [seat]);
    return {
      result: undefined,
      audit: { action: before ? 'seat.changed' : 'seat.added', entity: 'body_seat', entityId: `${seat.bodyId}:${seat.memberId}`, before: before ? { seatRole: before } : undefined, after: seat },
    };
  });
}

export async function unseatMember(deps: DirectoryDeps, actor: Actor, bodyId: number, memberId: number): Promise<void> {
  const before = await findSeat(deps.db.kysely, bodyId, memberId);
  if (!before) throw new NotFoundError('Seat');
  await auditedChange(deps, actor, async (trx) => {
    await deleteSeat(trx, bodyId, memberId);
    return { result: undefined, audit: { action: 'seat.removed', entity: 'body_seat', entityId: `${bodyId}:${memberId}`, before: { seatRole: before } } };
  });
}
