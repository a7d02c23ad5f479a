// Changes to the paid side of the directory: services, officers, statutory roles and deputies' acting dates.
import { NotFoundError } from '../../errors.ts';
import type { Actor } from '../../actor.ts';
import { CAPACITIES, GRADES, isOneOf, STATUTORY_ROLES, type Capacity, type StatutoryRoleName } from './directory.types.ts';
import { auditedChange, Problems, type DirectoryDeps } from './directory.write.ts';
import { findOfficer, insertOfficers, insertServices, listServices, updateOfficer, type NewOfficerRow } from './officers.repository.ts';
import { endStatutoryRole, insertActingPeriods, insertStatutoryRoles, listStatutoryRoles } from './statutory-roles.repository.ts';
import { isIsoDate } from '../../dates.ts';

export async function addService(deps: DirectoryDeps, actor: Actor, name: string): Promise<number> {
  const problems = new Problems();
  const clean = name.trim();
  problems.check(clean.length > 0, 'name', 'Enter the service’s name');
  problems.check(!(await listServices(deps.db.kysely)).some((s) => s.name.toLowerCase() === clean.toLowerCase()), 'name', `There is already a service called ${clean}`);
  problems.throwIfAny();
  return auditedChange(deps, actor, async (trx, at) => {
    const [id] = await insertServices(trx, [clean], at);
    return { result: id!, audit: { action: 'service.added', entity: 'service', entityId: id, after: { name: clean } } };
  });
}

export async function addOfficer(deps: DirectoryDeps, actor: Actor, officer: NewOfficerRow): Promise<number> {
  const problems = new Problems();
  problems.check(officer.fullName.trim().length > 0, 'fullName', 'Enter the officer’s full name');
  problems.check(officer.jobTitle.trim().length > 0, 'jobTitle', 'Enter the officer’s job title');
  problems.check(isOneOf(GRADES, officer.grade), 'grade', 'Select the officer’s grade');
  if (officer.serviceId !== null) problems.check((await listServices(deps.db.kysely)).some((s) => s.id === officer.serviceId), 'serviceId', 'Select a service from the list');
  if (officer.lineManagerId !== null) problems.check(!!(await findOfficer(deps.db.kysely, officer.lineManagerId)), 'lineManagerId', 'Select a line manager from the list');
  if (officer.email) {
    const taken = await deps.db.kysely.selectFrom('officers').select('id').where('email', '=', officer.email.trim().toLowerCase()).executeTakeFirst();
    problems.check(!taken, 'email', 'Another officer has that email address');
  }
  problems.throwIfAny();
  const clean = { ...officer, fullName: officer.fullName.trim(), jobTitle: officer.jobTitle.trim(), email: officer.email?.trim().toLowerCase() || null };
  return auditedChange(deps, actor, async (trx, at) => {
    const [id] = await insertOfficers(trx, [clean], at);
    return { result: id!, audit: { action: 'officer.added', entity: 'officer', entityId: id, after: clean } };
  });
}

/** An officer who leaves keeps their record; from the day they leave they hold no powers and no officer role. */
export async function recordOfficerLeaving(deps: DirectoryDeps, actor: Actor, officerId: number, leftOn: string): Promise<void> {
  const officer = await findOfficer(deps.db.kysely, officerId);
  if (!officer) throw new NotFoundError('Officer');
  const problems = new Problems();
  problems.check(isIsoDate(leftOn), 'leftOn', 'Enter the day the officer leaves, like 2027-03-31');
  problems.throwIfAny();
  await auditedChange(deps, actor, async (trx, at) => {
    await updateOfficer(trx, officerId, { leftOn }, at);
    return { result: undefined, audit: { action: 'officer.left', entity: 'officer', entityId: officerId, before: { leftOn: officer.leftOn }, after: { leftOn } } };
  });
}

export type Appointment = { officerId: number; role: StatutoryRoleName; capacity: Capacity; startsOn: string; endsOn: string | null };

/**
 * Appoints a holder or deputy to a statutory role. A role has one holder at a time: appointing a new holder
 * ends the previous holder's appointment the day before, so the record shows who held it when.
 */
export async function appointStatutoryRole(deps: DirectoryDeps, actor: Actor, appointment: Appointment): Promise<number> {
  const officer = await findOfficer(deps.db.kysely, appointment.officerId);
  if (!officer) throw new NotFoundError('Officer');
  const problems = new Problems();
  problems.check(isOneOf(STATUTORY_ROLES, appointment.role), 'role', 'Select a statutory role');
  problems.check(isOneOf(CAPACITIES, appointment.capacity), 'capacity', 'Select holder or deputy');
  problems.check(isIsoDate(appointment.startsOn), 'startsOn', 'Enter the day the appointment starts, like 2026-04-01');
  if (appointment.endsOn !== null) {
    problems.check(isIsoDate(appointment.endsOn), 'endsOn', 'Enter the day the appointment ends, like 2027-03-31');
    problems.check(appointment.endsOn >= appointment.startsOn, 'endsOn', 'The appointment must end on or after the day it starts');
  }
  problems.throwIfAny();
  const previous =
    appointment.capacity === 'holder'
      ? (await listStatutoryRoles(deps.db.kysely)).filter(
          (r) => r.role === appointment.role && r.capacity === 'holder' && r.startsOn < appointment.startsOn && (r.endsOn === null || r.endsOn >= appointment.startsOn),
        )
      : [];
  const dayBefore = isIsoDate(appointment.startsOn) ? new Date(Date.parse(`${appointment.startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : appointment.startsOn;
  return auditedChange(deps, actor, async (trx, at) => {
    for (const p of previous) await endStatutoryRole(trx, p.id, dayBefore);
    const [id] = await insertStatutoryRoles(trx, [appointment], at);
    return {
      result: id!,
      audit: { action: 'statutory-role.appointed', entity: 'statutory_role', entityId: id, before: previous.length ? { ended: previous.map((p) => ({ id: p.id, officerId: p.officerId, endsOn: dayBefore })) } : undefined, after: appointment },
    };
  });
}

/** The dates a deputy acts for the holder; only then do the role's powers pass to the deputy. */
export async function recordActing(deps: DirectoryDeps, actor: Actor, acting: { statutoryRoleId: number; fromDate: string; toDate: string; reason: string }): Promise<void> {
  const role = (await listStatutoryRoles(deps.db.kysely)).find((r) => r.id === acting.statutoryRoleId);
  if (!role) throw new NotFoundError('Statutory role');
  const problems = new Problems();
  problems.check(role.capacity === 'deputy', 'statutoryRoleId', 'Only a deputy acts for the holder');
  problems.check(isIsoDate(acting.fromDate), 'fromDate', 'Enter the first day of acting, like 2026-12-01');
  problems.check(isIsoDate(acting.toDate), 'toDate', 'Enter the last day of acting, like 2026-12-31');
  if (isIsoDate(acting.fromDate) && isIsoDate(acting.toDate)) problems.check(acting.fromDate <= acting.toDate, 'toDate', 'The last day must be on or after the first');
  problems.check(acting.reason.trim().length > 0, 'reason', 'Say why the deputy is acting, such as the holder’s leave');
  problems.throwIfAny();
  await auditedChange(deps, actor, async (trx, at) => {
    await insertActingPeriods(trx, [{ ...acting, reason: acting.reason.trim() }], at);
    return { result: undefined, audit: { action: 'statutory-role.acting', entity: 'statutory_role', entityId: role.id, after: acting } };
  });
}
