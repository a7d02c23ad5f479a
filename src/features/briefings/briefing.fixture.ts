// For the briefing tests: a council of three party groups and a member in no group, a Chief Executive (Head of
// Paid Service), a Monitoring Officer, a Director and a junior officer, and the people who sign in.
import type { Db } from '../../db/create-db.ts';
import type { Clock } from '../../clock.ts';
import type { CurrentUser, Power, Role } from '../../web/access.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';

export const PASSWORD = 'briefing the group on the budget';

export type BriefingCouncil = {
  groups: { red: number; blue: number; green: number };
  officers: { chief: number; monitoring: number; director: number; junior: number };
  members: { rita: number; rob: number; bea: number; gus: number; ivy: number };
  users: Record<'rita' | 'rob' | 'bea' | 'gus' | 'ivy' | 'chief' | 'monitoring' | 'director' | 'junior' | 'clerk', CurrentUser>;
};

export async function addBriefingCouncil(deps: { db: Db; clock: Clock }, profileId = 'model'): Promise<BriefingCouncil> {
  const k = deps.db.kysely;
  const at = deps.clock.now().toISOString();
  await k.insertInto('council').values({ id: 1, name: 'Riverbend District Council', profile_id: profileId, nation: 'england-and-wales', kind: 'principal', area_term: 'ward', updated_at: at }).execute();
  const ward = await k.insertInto('wards').values({ external_id: null, name: 'Abbey', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const group = async (name: string, shortName: string) => (await k.insertInto('political_groups').values({ external_id: null, name, short_name: shortName, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const red = await group('Red Group', 'Red');
  const blue = await group('Blue Group', 'Blue');
  const green = await group('Green Group', 'Green');
  const member = async (name: string, groupId: number | null, groupRole: string | null) =>
    (
      await k
        .insertInto('members')
        .values({ external_id: null, full_name: name, email: `${name.split(' ')[1]!.toLowerCase()}@members.riverbend.gov.uk`, phone: null, ward_id: ward.id, group_id: groupId, group_role: groupRole, term_start: '2023-05-04', term_end: '2027-05-06', cabinet_portfolio: null, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const rita = await member('Cllr Rita Red', red, 'leader');
  const rob = await member('Cllr Rob Roe', red, null);
  const bea = await member('Cllr Bea Blue', blue, 'leader');
  const gus = await member('Cllr Gus Green', green, 'deputy-leader');
  const ivy = await member('Cllr Ivy Ind', null, null);
  const officer = async (name: string, jobTitle: string, grade: string) =>
    (
      await k
        .insertInto('officers')
        .values({ external_id: null, full_name: name, email: `${name.split(' ')[0]!.toLowerCase()}@riverbend.gov.uk`, job_title: jobTitle, grade, service_id: null, line_manager_id: null, politically_restricted: true, left_on: null, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const chief = await officer('Cass Chief', 'Chief Executive', 'chief-executive');
  const monitoring = await officer('Mona Law', 'Head of Legal Services', 'head-of-service');
  const director = await officer('Dev Director', 'Director of Place', 'director');
  const junior = await officer('Jo Junior', 'Planning Assistant', 'junior');
  await k.insertInto('statutory_roles').values([
    { officer_id: chief, role: 'head-of-paid-service', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at },
    { officer_id: monitoring, role: 'monitoring-officer', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at },
  ]).execute();
  const user = async (email: string, fullName: string, roles: Role[], links: { memberId?: number; officerId?: number }, powers: Power[] = []): Promise<CurrentUser> => {
    const { id } = await createAccount(deps, systemActor, { email, fullName, roles, password: PASSWORD, ...links });
    return { id, email, fullName, roles, powers, memberId: links.memberId ?? null, memberRecordId: links.memberId ?? null, officerId: links.officerId ?? null, via: 'session' };
  };
  return {
    groups: { red, blue, green },
    officers: { chief, monitoring, director, junior },
    members: { rita, rob, bea, gus, ivy },
    users: {
      rita: await user('rita@members.riverbend.gov.uk', 'Rita Red', ['member', 'group-leader'], { memberId: rita }),
      rob: await user('rob@members.riverbend.gov.uk', 'Rob Roe', ['member'], { memberId: rob }),
      bea: await user('bea@members.riverbend.gov.uk', 'Bea Blue', ['member', 'group-leader'], { memberId: bea }),
      gus: await user('gus@members.riverbend.gov.uk', 'Gus Green', ['member'], { memberId: gus }),
      ivy: await user('ivy@members.riverbend.gov.uk', 'Ivy Ind', ['member'], { memberId: ivy }),
      chief: await user('cass@riverbend.gov.uk', 'Cass Chief', ['officer'], { officerId: chief }, ['head-of-paid-service']),
      monitoring: await user('mona@riverbend.gov.uk', 'Mona Law', ['officer'], { officerId: monitoring }, ['monitoring-officer']),
      director: await user('dev@riverbend.gov.uk', 'Dev Director', ['officer'], { officerId: director }),
      junior: await user('jo@riverbend.gov.uk', 'Jo Junior', ['officer'], { officerId: junior }),
      clerk: await user('dem@riverbend.gov.uk', 'Dee Services', ['democratic-services'], {}),
    },
  };
}

export function actorFor(user: CurrentUser): { userId: number; label: string } {
  return { userId: user.id, label: user.email };
}

/** A request as a form would send it, with the answers that let a senior officer attend. */
export function requestOf(officerId: number, subject: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { officerId, subject, meetsOn: '2026-12-02', attendees: 'The group’s councillors', nonMembersPresent: 'no', partyBusiness: 'no', ...overrides };
}
