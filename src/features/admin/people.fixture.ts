// For the admin and audit page tests: a few people with the roles and statutory powers the pages care about.
import type { Db } from '../../db/create-db.ts';
import type { Clock } from '../../clock.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';

export const PASSWORD = 'kettle lantern orchard piano';

export type People = {
  admin: { id: number; email: string };
  clerk: { id: number; email: string };
  councillor: { id: number; email: string; memberId: number };
  monitoringOfficer: { id: number; email: string; officerId: number };
  spareMemberId: number;
  spareOfficerId: number;
};

export async function addPeople(deps: { db: Db; clock: Clock }): Promise<People> {
  const k = deps.db.kysely;
  const at = deps.clock.now().toISOString();
  const ward = await k.insertInto('wards').values({ external_id: null, name: 'Castle', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const member = (name: string) => ({ external_id: null, full_name: name, email: null, phone: null, ward_id: ward.id, group_id: null, group_role: null, term_start: '2023-05-04', term_end: '2027-05-06', cabinet_portfolio: null, created_at: at, updated_at: at });
  const members = await k.insertInto('members').values([member('Cllr Mo Marsh'), member('Cllr Nell North')]).returning('id').execute();
  const officer = (name: string, title: string) => ({ external_id: null, full_name: name, email: null, job_title: title, grade: 'director', service_id: null, line_manager_id: null, politically_restricted: false, left_on: null, created_at: at, updated_at: at });
  const officers = await k.insertInto('officers').values([officer('Lou Lawson', 'Director of Law'), officer('Pat Price', 'Head of Finance')]).returning('id').execute();
  await k.insertInto('statutory_roles').values({ officer_id: officers[0]!.id, role: 'monitoring-officer', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at }).execute();

  const make = async (email: string, fullName: string, roles: Parameters<typeof createAccount>[2]['roles'], links: { memberId?: number; officerId?: number } = {}) =>
    (await createAccount(deps, systemActor, { email, fullName, roles, password: PASSWORD, ...links })).id;
  const admin = { email: 'ada.admin@council.example', id: await make('ada.admin@council.example', 'Ada Admin', ['admin']) };
  const clerk = { email: 'dan.clerk@council.example', id: await make('dan.clerk@council.example', 'Dan Clerk', ['democratic-services']) };
  const councillor = { email: 'mo.marsh@council.example', memberId: members[0]!.id, id: await make('mo.marsh@council.example', 'Mo Marsh', ['member'], { memberId: members[0]!.id }) };
  const monitoringOfficer = { email: 'lou.lawson@council.example', officerId: officers[0]!.id, id: await make('lou.lawson@council.example', 'Lou Lawson', ['officer'], { officerId: officers[0]!.id }) };
  return { admin, clerk, councillor, monitoringOfficer, spareMemberId: members[1]!.id, spareOfficerId: officers[1]!.id };
}
