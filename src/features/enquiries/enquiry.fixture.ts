// For the enquiry tests: a small council with a Highways team four grades deep, a Parks officer, members in
// and out of office, and the people who sign in — each as the CurrentUser the service is given.
import type { Db } from '../../db/create-db.ts';
import type { Clock } from '../../clock.ts';
import type { CurrentUser, Role } from '../../web/access.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';

export const PASSWORD = 'gritting lorry on the ring road';

export type EnquiryCouncil = {
  wards: { abbey: number; brook: number };
  services: { highways: number; parks: number };
  officers: { director: number; head: number; engineer: number; assistant: number; parks: number };
  members: { ann: number; bo: number; cy: number; former: number };
  users: { ann: CurrentUser; bo: CurrentUser; cy: CurrentUser; assistant: CurrentUser; engineer: CurrentUser; head: CurrentUser; parks: CurrentUser; clerk: CurrentUser };
};

export async function addEnquiryCouncil(deps: { db: Db; clock: Clock }, profileId = 'model', nation = 'england-and-wales'): Promise<EnquiryCouncil> {
  const k = deps.db.kysely;
  const at = deps.clock.now().toISOString();
  await k.insertInto('council').values({ id: 1, name: 'Riverbend District Council', profile_id: profileId, nation, kind: 'principal', area_term: 'ward', updated_at: at }).execute();
  const [abbey, brook] = await k.insertInto('wards').values([{ external_id: null, name: 'Abbey', created_at: at }, { external_id: null, name: 'Brookside', created_at: at }]).returning('id').execute();
  const [highways, parks, place] = await k
    .insertInto('services')
    .values([{ external_id: null, name: 'Highways', created_at: at }, { external_id: null, name: 'Parks', created_at: at }, { external_id: null, name: 'Place', created_at: at }])
    .returning('id')
    .execute();
  const officer = async (name: string, jobTitle: string, grade: string, serviceId: number, lineManagerId: number | null) =>
    (
      await k
        .insertInto('officers')
        .values({ external_id: null, full_name: name, email: `${name.split(' ')[0]!.toLowerCase()}@riverbend.gov.uk`, job_title: jobTitle, grade, service_id: serviceId, line_manager_id: lineManagerId, politically_restricted: false, left_on: null, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const director = await officer('Dana Director', 'Director of Place', 'director', place!.id, null);
  const head = await officer('Hal Head', 'Head of Highways', 'head-of-service', highways!.id, director);
  const engineer = await officer('Eve Engineer', 'Senior Highways Engineer', 'senior', highways!.id, head);
  const assistant = await officer('Ash Assistant', 'Highways Assistant', 'junior', highways!.id, engineer);
  const parksOfficer = await officer('Pip Parks', 'Parks Officer', 'senior', parks!.id, director);
  const member = async (name: string, wardId: number, termEnd = '2027-05-06') =>
    (
      await k
        .insertInto('members')
        .values({ external_id: null, full_name: name, email: null, phone: null, ward_id: wardId, group_id: null, group_role: null, term_start: '2023-05-04', term_end: termEnd, cabinet_portfolio: null, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const ann = await member('Cllr Ann Abbott', abbey!.id);
  const bo = await member('Cllr Bo Baker', brook!.id);
  const cy = await member('Cllr Cy Cole', abbey!.id);
  const former = await member('Cllr Fay Former', brook!.id, '2025-05-01');

  const user = async (email: string, fullName: string, roles: Role[], links: { memberId?: number; officerId?: number }): Promise<CurrentUser> => {
    const { id } = await createAccount(deps, systemActor, { email, fullName, roles, password: PASSWORD, ...links });
    return { id, email, fullName, roles, powers: [], memberId: links.memberId ?? null, memberRecordId: links.memberId ?? null, officerId: links.officerId ?? null, via: 'session' };
  };
  return {
    wards: { abbey: abbey!.id, brook: brook!.id },
    services: { highways: highways!.id, parks: parks!.id },
    officers: { director, head, engineer, assistant, parks: parksOfficer },
    members: { ann, bo, cy, former },
    users: {
      ann: await user('ann.abbott@riverbend.gov.uk', 'Ann Abbott', ['member'], { memberId: ann }),
      bo: await user('bo.baker@riverbend.gov.uk', 'Bo Baker', ['member'], { memberId: bo }),
      cy: await user('cy.cole@riverbend.gov.uk', 'Cy Cole', ['member'], { memberId: cy }),
      assistant: await user('ash@riverbend.gov.uk', 'Ash Assistant', ['officer'], { officerId: assistant }),
      engineer: await user('eve@riverbend.gov.uk', 'Eve Engineer', ['officer'], { officerId: engineer }),
      head: await user('hal@riverbend.gov.uk', 'Hal Head', ['officer'], { officerId: head }),
      parks: await user('pip@riverbend.gov.uk', 'Pip Parks', ['officer'], { officerId: parksOfficer }),
      clerk: await user('dem.services@riverbend.gov.uk', 'Dee Services', ['democratic-services'], {}),
    },
  };
}

export function actorFor(user: CurrentUser): { userId: number; label: string } {
  return { userId: user.id, label: user.email };
}
