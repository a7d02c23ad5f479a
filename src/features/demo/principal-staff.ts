// The staff of a demo principal council: services under directors, each led by a head of service, with senior
// officers who manage the officers listed after them. Tags mark the posts the demo gives statutory roles
// or sign-ins to. Posts are politically restricted where the Local Government and Housing Act 1989 s2 reaches:
// statutory officers and deputies, chief officers, and those who advise members regularly or speak to the press.
import type { Grade } from '../directory/directory.types.ts';
import type { DemoCouncil } from './councils.ts';

export type PostTag =
  | 'chief-executive'
  | 'director-of-resources'
  | 'monitoring-officer'
  | 'deputy-monitoring-officer'
  | 'deputy-finance-officer'
  | 'proper-officer'
  | 'democratic-services'
  | 'case-officer'
  | 'systems-administrator';

export type Post = { title: string; grade: Grade; restricted?: boolean; tag?: PostTag };

/** The head of the service is its first post; it reports to `reportsTo` (a director's title, or the Chief Executive). */
export type ServiceStaff = { name: string; reportsTo: string; posts: Post[] };

export type Directorate = { title: string; homeService: string; tag?: PostTag };

const head = (title: string, tag?: PostTag): Post => ({ title, grade: 'head-of-service', restricted: true, ...(tag ? { tag } : {}) });
const senior = (title: string, extra: Partial<Post> = {}): Post => ({ title, grade: 'senior', ...extra });
const officer = (title: string, extra: Partial<Post> = {}): Post => ({ title, grade: 'junior', ...extra });

export const CHIEF_EXECUTIVE = 'Chief Executive';

export function directorates(council: DemoCouncil): Directorate[] {
  const list: Directorate[] = [
    { title: 'Director of Resources', homeService: 'Finance', tag: 'director-of-resources' },
    { title: 'Director of Place', homeService: 'Planning and Regeneration' },
    { title: 'Director of Communities', homeService: council.county ? 'Highways and Transport' : 'Housing' },
  ];
  if (council.upperTier) {
    list.push({ title: 'Director of Adult Social Care', homeService: 'Adult Social Care' }, { title: 'Director of Children’s Services', homeService: 'Children’s Services' });
  }
  return list;
}

export function services(council: DemoCouncil): ServiceStaff[] {
  const list: ServiceStaff[] = [
    {
      name: 'Chief Executive’s Office',
      reportsTo: CHIEF_EXECUTIVE,
      posts: [
        head('Head of Policy, Performance and Communications'),
        senior('Communications Manager', { restricted: true }),
        officer('Communications Officer', { restricted: true }),
        officer('Policy and Performance Officer'),
        officer('Executive Assistant to the Chief Executive'),
      ],
    },
    {
      name: 'Legal and Democratic Services',
      reportsTo: 'Director of Resources',
      posts: [
        head('Head of Legal and Democratic Services', 'monitoring-officer'),
        senior('Principal Lawyer', { restricted: true, tag: 'deputy-monitoring-officer' }),
        officer('Solicitor'),
        officer('Paralegal'),
        senior('Democratic Services Manager', { restricted: true, tag: 'proper-officer' }),
        officer('Democratic Services Officer', { tag: 'democratic-services' }),
        officer('Democratic Services Officer'),
        officer('Member Support Officer'),
        senior('Electoral Services Manager'),
        officer('Electoral Services Officer'),
      ],
    },
    {
      name: 'Finance',
      reportsTo: 'Director of Resources',
      posts: [
        head('Head of Finance', 'deputy-finance-officer'),
        senior('Finance Business Partner'),
        officer('Accountant'),
        officer('Finance Assistant'),
        senior('Internal Audit Manager'),
        officer('Auditor'),
      ],
    },
    {
      name: 'People and Organisational Development',
      reportsTo: 'Director of Resources',
      posts: [head('Head of People'), senior('HR Business Partner'), officer('HR Adviser'), officer('Learning and Development Adviser')],
    },
    {
      name: 'ICT and Digital',
      reportsTo: 'Director of Resources',
      posts: [head('Head of ICT and Digital'), senior('Applications Manager'), officer('Systems Analyst', { tag: 'systems-administrator' }), officer('Service Desk Analyst')],
    },
    {
      name: 'Planning and Regeneration',
      reportsTo: 'Director of Place',
      posts: [
        head('Head of Planning and Regeneration'),
        senior('Development Management Manager', { restricted: true }),
        officer('Planning Officer', { tag: 'case-officer' }),
        officer('Planning Officer'),
        officer('Planning Enforcement Officer'),
        senior('Regeneration Manager'),
        officer('Regeneration Officer'),
      ],
    },
    {
      name: 'Environment and Regulatory Services',
      reportsTo: 'Director of Place',
      posts: [
        head('Head of Environment and Regulatory Services'),
        senior(council.county ? 'Waste Disposal Manager' : 'Waste and Recycling Manager'),
        officer(council.county ? 'Waste Contracts Officer' : 'Waste Services Officer'),
        senior(council.county ? 'Trading Standards Manager' : 'Environmental Health Manager'),
        officer(council.county ? 'Trading Standards Officer' : 'Environmental Health Officer'),
        senior(council.county ? 'Public Rights of Way Manager' : 'Licensing Manager'),
        officer(council.county ? 'Rights of Way Officer' : 'Licensing Officer'),
      ],
    },
    council.county
      ? {
          name: 'Highways and Transport',
          reportsTo: 'Director of Communities',
          posts: [head('Head of Highways and Transport'), senior('Highways Manager'), officer('Highways Inspector'), officer('Highways Inspector'), officer('Transport Planner')],
        }
      : {
          name: 'Housing',
          reportsTo: 'Director of Communities',
          posts: [head('Head of Housing'), senior('Housing Options Manager'), officer('Housing Options Officer'), officer('Housing Options Officer'), officer('Private Sector Housing Officer')],
        },
    {
      name: 'Communities and Leisure',
      reportsTo: 'Director of Communities',
      posts: [head('Head of Communities and Leisure'), officer('Community Development Officer'), senior('Leisure and Culture Manager')],
    },
  ];
  if (council.upperTier) {
    list.push(
      {
        name: 'Adult Social Care',
        reportsTo: 'Director of Adult Social Care',
        posts: [head('Head of Adult Social Care Operations'), senior('Social Work Team Manager'), officer('Social Worker'), officer('Occupational Therapist')],
      },
      {
        name: 'Children’s Services',
        reportsTo: 'Director of Children’s Services',
        posts: [head('Head of Children’s Social Care'), senior('Children’s Services Team Manager'), officer('Social Worker'), officer('Education Welfare Officer')],
      },
    );
  } else {
    list.push({
      name: 'Revenues and Benefits',
      reportsTo: 'Director of Resources',
      posts: [head('Head of Revenues and Benefits'), senior('Revenues Manager'), officer('Council Tax Officer'), officer('Benefits Assessor')],
    });
  }
  return list;
}
