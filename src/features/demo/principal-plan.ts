// A demo principal council (unitary, city, county or district): forty members in four groups and two
// independents over twenty wards or divisions, a Cabinet, ten bodies, about sixty officers and every
// statutory role filled. Everything is drawn from a random generator seeded with the profile's id.
import type { CatalogueEntry } from '../../protocol/profiles/catalogue.ts';
import { REMITS, type DemoCouncil } from './councils.ts';
import { emailLocalPart, namePicker, PLACE_NAMES } from './names.ts';
import type { DemoPlan, PlannedBody, PlannedMember } from './plan.ts';
import { planPrincipalStaff } from './principal-officers.ts';
import type { Random } from './random.ts';
import { seatAllocator, type Buckets } from './seats.ts';
import { termsOn } from './terms.ts';

const WARDS = 20;
const SEATS_PER_WARD = 2;
const GROUP_SIZES = [22, 9, 5, 2];
const INDEPENDENTS = 2;

function portfolios(council: DemoCouncil): string[] {
  return [
    'Leader of the Council; Strategy and Partnerships',
    'Deputy Leader; Finance and Resources',
    council.county ? 'Highways and Transport' : 'Housing',
    'Planning and Regeneration',
    'Environment and Climate',
    council.upperTier ? 'Adult Social Care and Health' : 'Communities and Leisure',
    council.upperTier ? 'Children and Young People' : 'Economy and Skills',
    'Customers and Digital Services',
  ];
}

export function planPrincipalCouncil(entry: CatalogueEntry, council: DemoCouncil, random: Random, today: string): DemoPlan {
  const person = namePicker(random);
  const { current, previous } = termsOn(today, council.cycleYear);
  const wards = random.shuffle(PLACE_NAMES).slice(0, WARDS).sort((a, b) => a.localeCompare(b));
  const slots = random.shuffle(Array.from({ length: WARDS * SEATS_PER_WARD }, (_, i) => Math.floor(i / SEATS_PER_WARD)));
  const cabinetPortfolios = portfolios(council);

  const members: PlannedMember[] = [];
  const buckets: Buckets = [];
  const newMember = (group: number | null, index: number, ward: number, term = current): number => {
    const who = person();
    members.push({
      fullName: who.fullName,
      email: `cllr.${emailLocalPart(who)}@${council.domain}`,
      // Ofcom keeps 01632 960000–960999 for drama: numbers that reach no one.
      phone: `01632 960${String(100 + members.length).padStart(3, '0')}`,
      ward,
      group,
      groupRole: term === previous ? null : index === 0 ? 'leader' : index === 1 ? 'deputy-leader' : null,
      termStart: term.start,
      termEnd: term.end,
      portfolio: group === 0 && term === current ? (cabinetPortfolios[index] ?? null) : null,
    });
    return members.length - 1;
  };
  GROUP_SIZES.forEach((size, g) => {
    buckets.push(Array.from({ length: size }, (_, i) => newMember(g, i, slots.pop()!)));
  });
  // Independents belong to no group, so they have no leader and their bucket is the last.
  buckets.push(Array.from({ length: INDEPENDENTS }, () => newMember(null, 99, slots.pop()!)));
  // A member who stood down at the last election: the record stays, with the term that ended.
  newMember(1, 99, random.below(WARDS), previous);

  const [majority, opposition] = [buckets[0]!, buckets[1]!];
  const cabinet = majority.slice(0, cabinetPortfolios.length);
  const leader = majority[0]!;
  const chairOfCouncil = majority[cabinet.length]!;
  const allocate = seatAllocator(buckets, random);
  const names = council.bodies;
  const body = (slot: keyof typeof names, kind: PlannedBody['kind'], seats: PlannedBody['seats']): PlannedBody => ({ name: names[slot], kind, remit: REMITS[slot], seats });
  const everyone = buckets.flat();

  const bodies: PlannedBody[] = [
    body('fullCouncil', 'full-council', everyone.map((m) => ({ member: m, role: m === chairOfCouncil ? 'chair' : m === opposition[2] ? 'vice-chair' : 'member' }))),
    body('cabinet', 'cabinet', cabinet.map((m) => ({ member: m, role: m === leader ? 'chair' : m === majority[1] ? 'vice-chair' : 'member' }))),
    body('mainScrutiny', 'scrutiny', allocate({ size: 11, exclude: [...cabinet, chairOfCouncil], chairFrom: 1, viceFrom: 0 })),
    body('secondScrutiny', 'scrutiny', allocate({ size: 9, exclude: [...cabinet, chairOfCouncil], chairFrom: 0, viceFrom: 2 })),
    body('planning', 'regulatory', allocate({ size: 11, exclude: [leader], chairFrom: 0, viceFrom: 1 })),
    body('licensing', 'regulatory', allocate({ size: 12, exclude: [leader], chairFrom: 0, viceFrom: 2 })),
    body('standards', 'standards', allocate({ size: 7, exclude: cabinet, chairFrom: 2, viceFrom: 1 })),
    body('employment', 'employment', allocate({ size: 6, chair: leader, vice: opposition[0]!, chairFrom: 0, viceFrom: 1 })),
    body('audit', 'other', allocate({ size: 7, exclude: cabinet, chairFrom: 1, viceFrom: 2 })),
    // Newly set up and still to elect its chair: the sort of gap democratic services are asked to close.
    body('workingGroup', 'other', allocate({ size: 6, chairFrom: null, viceFrom: null })),
  ];

  const staff = planPrincipalStaff(council, person, today);
  const backbencher = majority[cabinet.length + 1]!;
  return {
    council: { name: council.name, profileId: entry.id, nation: entry.nation, kind: entry.councilKind, areaTerm: entry.areaTerm },
    domain: council.domain,
    wards,
    groups: council.parties.slice(0, GROUP_SIZES.length).map((p) => ({ name: p.name, shortName: p.shortName })),
    members,
    bodies,
    services: staff.services,
    officers: staff.officers,
    roles: staff.roles,
    signIns: [
      { label: 'member', roles: ['member'], member: backbencher },
      { label: 'group-leader', roles: ['member', 'group-leader'], member: opposition[0]! },
      { label: 'officer', roles: ['officer'], officer: staff.tagged('case-officer') },
      { label: 'democratic-services', roles: ['officer', 'democratic-services'], officer: staff.tagged('democratic-services') },
      { label: 'admin', roles: ['officer', 'admin'], officer: staff.tagged('systems-administrator') },
      { label: 'monitoring-officer', roles: ['officer'], officer: staff.tagged('monitoring-officer') },
      { label: 'chief-executive', roles: ['officer'], officer: staff.tagged('chief-executive') },
    ],
  };
}
