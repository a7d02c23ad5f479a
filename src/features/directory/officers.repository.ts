// All SQL about the council's services and officers: job titles, grades and who manages whom.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { GRADES, isOneOf, type Grade, type Officer, type Service } from './directory.types.ts';
import { idsInInputOrder } from './batch-insert.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type OfficerFilter = {
  day: string;
  serviceId?: number | undefined;
  grade?: Grade | undefined;
  /** Officers who have left are kept on record; lists leave them out unless asked. */
  includeLeft?: boolean;
};

export type NewOfficerRow = {
  externalId?: string | null;
  fullName: string;
  email: string | null;
  jobTitle: string;
  grade: Grade;
  serviceId: number | null;
  lineManagerId: number | null;
  politicallyRestricted: boolean;
};

export async function listServices(q: Q): Promise<Service[]> {
  const rows = await q.selectFrom('services').select(['id', 'external_id', 'name']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, name: r.name }));
}

export async function insertServices(q: Q, names: string[], at: string): Promise<number[]> {
  if (!names.length) return [];
  const rows = await q
    .insertInto('services')
    .values(names.map((name) => ({ name, created_at: at })))
    .returning(['id', 'name'])
    .execute();
  return idsInInputOrder(rows, names, (r) => r.name);
}

function selectOfficers(q: Q) {
  return q
    .selectFrom('officers as o')
    .leftJoin('services as s', 's.id', 'o.service_id')
    .leftJoin('officers as lm', 'lm.id', 'o.line_manager_id')
    .select([
      'o.id',
      'o.external_id',
      'o.full_name',
      'o.email',
      'o.job_title',
      'o.grade',
      'o.service_id',
      's.name as service_name',
      'o.line_manager_id',
      'lm.full_name as line_manager_name',
      'o.politically_restricted',
      'o.left_on',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectOfficers>['executeTakeFirstOrThrow']>>;

function toOfficer(r: Row): Officer {
  return {
    id: r.id,
    externalId: r.external_id,
    fullName: r.full_name,
    email: r.email,
    jobTitle: r.job_title,
    grade: isOneOf(GRADES, r.grade) ? r.grade : 'junior',
    serviceId: r.service_id,
    serviceName: r.service_name,
    lineManagerId: r.line_manager_id,
    lineManagerName: r.line_manager_name,
    politicallyRestricted: Boolean(r.politically_restricted),
    leftOn: r.left_on,
  };
}

const GRADE_RANK = new Map<string, number>(GRADES.map((g, i) => [g, i]));

/** Most senior first, then by name: the order a council's staff list reads in. */
function bySeniority(a: Officer, b: Officer): number {
  return (GRADE_RANK.get(a.grade) ?? 9) - (GRADE_RANK.get(b.grade) ?? 9) || a.fullName.localeCompare(b.fullName);
}

export async function listOfficers(q: Q, filter: OfficerFilter): Promise<Officer[]> {
  let query = selectOfficers(q);
  if (filter.serviceId !== undefined) query = query.where('o.service_id', '=', filter.serviceId);
  if (filter.grade !== undefined) query = query.where('o.grade', '=', filter.grade);
  if (!filter.includeLeft) query = query.where((eb) => eb.or([eb('o.left_on', 'is', null), eb('o.left_on', '>', filter.day)]));
  const rows = await query.execute();
  return rows.map(toOfficer).sort(bySeniority);
}

export async function findOfficer(q: Q, id: number): Promise<Officer | undefined> {
  const row = await selectOfficers(q).where('o.id', '=', id).executeTakeFirst();
  return row && toOfficer(row);
}

export async function listDirectReports(q: Q, managerId: number, day: string): Promise<Officer[]> {
  const rows = await selectOfficers(q)
    .where('o.line_manager_id', '=', managerId)
    .where((eb) => eb.or([eb('o.left_on', 'is', null), eb('o.left_on', '>', day)]))
    .execute();
  return rows.map(toOfficer).sort(bySeniority);
}

/** Emails are unique among officers; without one, the name and job title key the batch. */
export async function insertOfficers(q: Q, officers: NewOfficerRow[], at: string): Promise<number[]> {
  if (!officers.length) return [];
  const rows = await q
    .insertInto('officers')
    .values(
      officers.map((o) => ({
        external_id: o.externalId ?? null,
        full_name: o.fullName,
        email: o.email,
        job_title: o.jobTitle,
        grade: o.grade,
        service_id: o.serviceId,
        line_manager_id: o.lineManagerId,
        politically_restricted: o.politicallyRestricted,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning(['id', 'full_name', 'email', 'job_title'])
    .execute();
  const key = (name: string, email: string | null, title: string) => `${name}\u0000${email ?? ''}\u0000${title}`;
  return idsInInputOrder(rows, officers.map((o) => key(o.fullName, o.email, o.jobTitle)), (r) => key(r.full_name, r.email, r.job_title));
}

export async function updateOfficer(
  q: Q,
  id: number,
  changes: Partial<{ jobTitle: string; grade: Grade; serviceId: number | null; lineManagerId: number | null; politicallyRestricted: boolean; leftOn: string | null }>,
  at: string,
): Promise<void> {
  await q
    .updateTable('officers')
    .set({
      ...(changes.jobTitle !== undefined ? { job_title: changes.jobTitle } : {}),
      ...(changes.grade !== undefined ? { grade: changes.grade } : {}),
      ...(changes.serviceId !== undefined ? { service_id: changes.serviceId } : {}),
      ...(changes.lineManagerId !== undefined ? { line_manager_id: changes.lineManagerId } : {}),
      ...(changes.politicallyRestricted !== undefined ? { politically_restricted: changes.politicallyRestricted } : {}),
      ...(changes.leftOn !== undefined ? { left_on: changes.leftOn } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}
