// A demo town council: twelve councillors over four wards, a Town Mayor chairing the council, a few
// committees, and a Town Clerk who is both Proper Officer and Responsible Financial Officer with a small staff.
import type { CatalogueEntry } from '../../protocol/profiles/catalogue.ts';
import type { DemoCouncil } from './councils.ts';
import { emailLocalPart, namePicker, PLACE_NAMES } from './names.ts';
import type { DemoPlan, PlannedBody, PlannedMember, PlannedOfficer, PlannedRole } from './plan.ts';
import type { Random } from './random.ts';
import { seatAllocator, type Buckets } from './seats.ts';
import { termsOn } from './terms.ts';

const WARDS = 4;
const SEATS_PER_WARD = 3;
const GROUP_SIZES = [5, 4];
const INDEPENDENTS = 3;

const SERVICES = ['Town Clerk’s Office', 'Finance', 'Amenities and Open Spaces'];

/** Title, grade, service (index), manager (index into this list). */
const STAFF: [string, PlannedOfficer['grade'], number, number | null][] = [
  ['Town Clerk', 'chief-executive', 0, null],
  ['Deputy Town Clerk', 'senior', 0, 0],
  ['Finance Officer', 'senior', 1, 0],
  ['Amenities Manager', 'senior', 2, 0],
  ['Office Administrator', 'junior', 0, 1],
  ['Events and Communications Officer', 'junior', 0, 1],
  ['Cemetery and Allotments Officer', 'junior', 2, 3],
  ['Groundsperson', 'junior', 2, 3],
  ['Groundsperson', 'junior', 2, 3],
];
const [CLERK, DEPUTY_CLERK, FINANCE_OFFICER, AMENITIES_MANAGER, OFFICE_ADMINISTRATOR] = [0, 1, 2, 3, 4];

export function planTownCouncil(entry: CatalogueEntry, council: DemoCouncil, random: Random, today: string): DemoPlan {
  const person = namePicker(random);
  const { current, previous } = termsOn(today, council.cycleYear);
  const wards = random.shuffle(PLACE_NAMES).slice(0, WARDS).sort((a, b) => a.localeCompare(b));
  const slots = random.shuffle(Array.from({ length: WARDS * SEATS_PER_WARD }, (_, i) => Math.floor(i / SEATS_PER_WARD)));

  const members: PlannedMember[] = [];
  const newMember = (group: number | null, index: number, ward: number, term = current): number => {
    const who = person();
    members.push({
      fullName: who.fullName,
      email: `cllr.${emailLocalPart(who)}@${council.domain}`,
      phone: `01632 960${String(700 + members.length).padStart(3, '0')}`,
      ward,
      group,
      groupRole: term === previous ? null : index === 0 ? 'leader' : index === 1 ? 'deputy-leader' : null,
      termStart: term.start,
      termEnd: term.end,
      portfolio: null,
    });
    return members.length - 1;
  };
  const buckets: Buckets = GROUP_SIZES.map((size, g) => Array.from({ length: size }, (_, i) => newMember(g, i, slots.pop()!)));
  buckets.push(Array.from({ length: INDEPENDENTS }, () => newMember(null, 99, slots.pop()!)));
  newMember(null, 99, random.below(WARDS), previous);

  const [largest, second, independents] = [buckets[0]!, buckets[1]!, buckets[2]!];
  const townMayor = largest[2]!;
  const allocate = seatAllocator(buckets, random);
  const body = (name: string, kind: PlannedBody['kind'], remit: string, seats: PlannedBody['seats']): PlannedBody => ({ name, kind, remit, seats });
  const bodies: PlannedBody[] = [
    body(
      'Full Council',
      'full-council',
      'Every councillor, chaired by the Town Mayor. Sets the precept and budget and adopts the council’s policies.',
      buckets.flat().map((m) => ({ member: m, role: m === townMayor ? 'chair' : m === second[1] ? 'vice-chair' : 'member' })),
    ),
    body('Planning Committee', 'town-committee', 'Comments to the district council on planning applications in the town.', allocate({ size: 7, exclude: [townMayor], chairFrom: 0, viceFrom: 1 })),
    body('Finance and General Purposes Committee', 'town-committee', 'Oversees the budget, accounts, insurance and the council’s property.', allocate({ size: 7, exclude: [townMayor], chairFrom: 1, viceFrom: 0 })),
    body('Amenities and Open Spaces Committee', 'town-committee', 'Looks after parks, play areas, allotments, the cemetery and the town’s events.', allocate({ size: 6, exclude: [townMayor], chair: independents[0]!, chairFrom: 2, viceFrom: 0 })),
    body('Staffing Committee', 'employment', 'Appoints staff, reviews their terms and hears grievances and appeals.', allocate({ size: 5, chair: largest[0]!, chairFrom: 0, viceFrom: 1 })),
  ];

  // A town council's staff are outside the political restrictions of the Local Government and Housing Act
  // 1989, which apply to principal councils' posts.
  const officers: PlannedOfficer[] = STAFF.map(([jobTitle, grade, service, manager]) => {
    const who = person();
    return { fullName: who.fullName, email: `${emailLocalPart(who)}@${council.domain}`, jobTitle, grade, service, manager, restricted: false };
  });
  const role = (officer: number, name: PlannedRole['role'], capacity: PlannedRole['capacity'], startsOn: string): PlannedRole => ({ officer, role: name, capacity, startsOn, endsOn: null, acting: [] });
  const roles: PlannedRole[] = [
    role(CLERK, 'proper-officer', 'holder', '2021-02-01'),
    role(CLERK, 'responsible-financial-officer', 'holder', '2021-02-01'),
    role(DEPUTY_CLERK, 'proper-officer', 'deputy', '2023-09-01'),
    role(FINANCE_OFFICER, 'responsible-financial-officer', 'deputy', '2022-04-01'),
  ];

  return {
    council: { name: council.name, profileId: entry.id, nation: entry.nation, kind: entry.councilKind, areaTerm: entry.areaTerm },
    domain: council.domain,
    wards,
    groups: council.parties.slice(0, GROUP_SIZES.length).map((p) => ({ name: p.name, shortName: p.shortName })),
    members,
    bodies,
    services: SERVICES,
    officers,
    roles,
    signIns: [
      { label: 'member', roles: ['member'], member: largest[3]! },
      { label: 'group-leader', roles: ['member', 'group-leader'], member: largest[0]! },
      { label: 'officer', roles: ['officer'], officer: AMENITIES_MANAGER },
      { label: 'democratic-services', roles: ['officer', 'democratic-services'], officer: DEPUTY_CLERK },
      { label: 'admin', roles: ['officer', 'admin'], officer: OFFICE_ADMINISTRATOR },
      { label: 'town-clerk', roles: ['officer'], officer: CLERK },
    ],
  };
}
