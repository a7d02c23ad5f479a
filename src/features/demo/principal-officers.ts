// The officers of a demo principal council, managed in a tree from the Chief Executive down, and the
// statutory roles they hold: every one filled, deputies for the Monitoring Officer and the Chief Finance
// Officer, and the finance deputy acting now, while the Director of Resources is on leave.
import type { Person } from './names.ts';
import { emailLocalPart } from './names.ts';
import type { DemoCouncil } from './councils.ts';
import type { PlannedOfficer, PlannedRole } from './plan.ts';
import { CHIEF_EXECUTIVE, directorates, services, type Post, type PostTag } from './principal-staff.ts';
import { addDays } from './terms.ts';

export type PlannedStaff = {
  services: string[];
  officers: PlannedOfficer[];
  roles: PlannedRole[];
  tagged(tag: PostTag): number;
};

export function planPrincipalStaff(council: DemoCouncil, person: () => Person, today: string): PlannedStaff {
  const staff = services(council);
  const serviceNames = staff.map((s) => s.name);
  const officers: PlannedOfficer[] = [];
  const tags = new Map<PostTag, number>();
  const add = (post: Post, service: string, manager: number | null): number => {
    const who = person();
    officers.push({
      fullName: who.fullName,
      email: `${emailLocalPart(who)}@${council.domain}`,
      jobTitle: post.title,
      grade: post.grade,
      service: serviceNames.indexOf(service),
      manager,
      restricted: post.restricted ?? false,
    });
    const index = officers.length - 1;
    if (post.tag && !tags.has(post.tag)) tags.set(post.tag, index);
    return index;
  };

  const chiefExecutive = add({ title: CHIEF_EXECUTIVE, grade: 'chief-executive', restricted: true, tag: 'chief-executive' }, 'Chief Executive’s Office', null);
  const directors = new Map<string, number>([[CHIEF_EXECUTIVE, chiefExecutive]]);
  for (const d of directorates(council)) {
    directors.set(d.title, add({ title: d.title, grade: 'director', restricted: true, ...(d.tag ? { tag: d.tag } : {}) }, d.homeService, chiefExecutive));
  }
  for (const service of staff) {
    const [headPost, ...rest] = service.posts;
    const head = add(headPost!, service.name, directors.get(service.reportsTo) ?? chiefExecutive);
    let team = head;
    for (const post of rest) {
      if (post.grade === 'senior') team = add(post, service.name, head);
      else add(post, service.name, team);
    }
  }

  const tagged = (tag: PostTag): number => {
    const index = tags.get(tag);
    if (index === undefined) throw new Error(`the demo staff has no post tagged ${tag}`);
    return index;
  };
  const resources = tagged('director-of-resources');
  const financeDeputy = tagged('deputy-finance-officer');
  const leave = [{ fromDate: addDays(today, -7), toDate: addDays(today, 20), reason: 'The Director of Resources is on planned leave' }];
  const role = (officer: number, name: PlannedRole['role'], capacity: PlannedRole['capacity'], startsOn: string, extra: Partial<PlannedRole> = {}): PlannedRole => ({
    officer,
    role: name,
    capacity,
    startsOn,
    endsOn: null,
    acting: [],
    ...extra,
  });
  const roles: PlannedRole[] = [
    role(chiefExecutive, 'head-of-paid-service', 'holder', '2020-09-01'),
    role(tagged('monitoring-officer'), 'monitoring-officer', 'holder', '2022-07-01'),
    // The Principal Lawyer was interim Monitoring Officer before the current holder was appointed.
    role(tagged('deputy-monitoring-officer'), 'monitoring-officer', 'holder', '2022-01-10', { endsOn: '2022-06-30' }),
    role(tagged('deputy-monitoring-officer'), 'monitoring-officer', 'deputy', '2022-07-01'),
    role(resources, 'chief-finance-officer', 'holder', '2021-04-01'),
    role(financeDeputy, 'chief-finance-officer', 'deputy', '2021-06-01', { acting: leave }),
    // A principal council's responsible financial officer is its s151 officer (Accounts and Audit Regulations 2015, reg 2).
    role(resources, 'responsible-financial-officer', 'holder', '2021-04-01'),
    role(financeDeputy, 'responsible-financial-officer', 'deputy', '2021-06-01', { acting: leave }),
    role(tagged('proper-officer'), 'proper-officer', 'holder', '2019-05-20'),
  ];
  // Statutory officers and their deputies are politically restricted whatever their grade.
  for (const r of roles) officers[r.officer]!.restricted = true;
  return { services: serviceNames, officers, roles, tagged };
}
